#pragma once
// Private to core/model: the one place that includes the ONNX protobuf classes.
// Debian's libonnx-dev is built with ONNX_ML=1 and ONNX_NAMESPACE=onnx; the imported
// CMake target `onnx_proto` sets both definitions.
#include "core/model/graph.hpp"

#include <onnx/onnx_pb.h>

#include <string>

namespace ps::model::detail {

// TensorProto → float values (ints and bools converted exactly up to 2^24). `where`
// names the tensor in error messages.
FloatTensor tensor_from_proto(const onnx::TensorProto& proto, const std::string& where);

DType dtype_from_proto(int32_t onnx_data_type);

}  // namespace ps::model::detail
