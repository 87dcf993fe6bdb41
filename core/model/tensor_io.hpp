#pragma once
// Reading ONNX TensorProto payloads into FloatTensor without exposing protobuf: used by
// the loader (initialisers, Constant attributes) and by the ONNX backend conformance
// test (input_N.pb / output_N.pb files).
#include "core/model/graph.hpp"

#include <filesystem>

namespace ps::model {

struct NamedTensor {
    std::string name;
    DType dtype = DType::Float;
    FloatTensor tensor;
};

// A serialised onnx.TensorProto file, e.g. backend/test/data/node/<test>/test_data_set_0/input_0.pb.
// Throws ps::Error naming the file for unreadable data or an unsupported element type.
NamedTensor read_tensor_proto_file(const std::filesystem::path& path);

}  // namespace ps::model
