// TensorProto decoding (onnx.proto, message TensorProto): values live either in the typed
// repeated fields (float_data, int32_data, int64_data, double_data, uint64_data) or, for
// every type, little-endian in raw_data. Narrow integer, bool and float16 values travel in
// int32_data (onnx.proto comments on int32_data).
#include "core/model/onnx_proto.hpp"
#include "core/model/tensor_io.hpp"
#include "core/model/tensor_limits.hpp"
#include "core/util/error.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>

namespace ps::model::detail {
namespace {

// IEEE 754 binary16 → binary32.
float half_to_float(uint16_t h) {
    const uint32_t sign = (h >> 15) & 1u, exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu;
    float magnitude;
    if (exponent == 0) magnitude = std::ldexp(static_cast<float>(mantissa), -24);
    else if (exponent == 31) magnitude = mantissa ? NAN : INFINITY;
    else magnitude = std::ldexp(static_cast<float>(mantissa | 0x400u), static_cast<int>(exponent) - 25);
    return sign ? -magnitude : magnitude;
}

float bfloat16_to_float(uint16_t b) { return std::bit_cast<float>(static_cast<uint32_t>(b) << 16); }

size_t byte_width(DType t) {
    switch (t) {
    case DType::Bool: case DType::Int8: case DType::Uint8: return 1;
    case DType::Int16: case DType::Uint16: case DType::Float16: case DType::BFloat16: return 2;
    case DType::Int32: case DType::Uint32: case DType::Float: return 4;
    case DType::Int64: case DType::Uint64: case DType::Double: return 8;
    default: return 0;
    }
}

template <class Raw>
Raw load_le(const char* p) {
    Raw v;
    std::memcpy(&v, p, sizeof(Raw));  // x86-64 and every ONNX producer we meet are little-endian
    return v;
}

float decode_raw(DType t, const char* p) {
    switch (t) {
    case DType::Bool: case DType::Uint8: return static_cast<float>(load_le<uint8_t>(p));
    case DType::Int8: return static_cast<float>(load_le<int8_t>(p));
    case DType::Int16: return static_cast<float>(load_le<int16_t>(p));
    case DType::Uint16: return static_cast<float>(load_le<uint16_t>(p));
    case DType::Float16: return half_to_float(load_le<uint16_t>(p));
    case DType::BFloat16: return bfloat16_to_float(load_le<uint16_t>(p));
    case DType::Int32: return static_cast<float>(load_le<int32_t>(p));
    case DType::Uint32: return static_cast<float>(load_le<uint32_t>(p));
    case DType::Float: return load_le<float>(p);
    case DType::Int64: return static_cast<float>(load_le<int64_t>(p));
    case DType::Uint64: return static_cast<float>(load_le<uint64_t>(p));
    case DType::Double: return static_cast<float>(load_le<double>(p));
    default: return 0.0f;
    }
}

}  // namespace

DType dtype_from_proto(int32_t onnx_data_type) {
    switch (onnx_data_type) {
    case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 9: case 10: case 11:
    case 12: case 13: case 16:
        return static_cast<DType>(onnx_data_type);
    default:
        return DType::Undefined;
    }
}

FloatTensor tensor_from_proto(const onnx::TensorProto& proto, const std::string& where) {
    const DType type = dtype_from_proto(proto.data_type());
    if (proto.data_location() == onnx::TensorProto::EXTERNAL)
        throw Error(where, "tensor '" + proto.name() + "' stores its data in an external file",
                    "re-export the model with the weights embedded (onnx.save(..., save_as_external_data=False))");
    if (type == DType::Undefined || type == DType::String)
        throw Error(where, "tensor '" + proto.name() + "' has element type " + std::to_string(proto.data_type()) +
                               ", expected a numeric or bool type",
                    "cast the tensor to float32 or int64 in the exporter");
    FloatTensor out;
    out.shape.assign(proto.dims().begin(), proto.dims().end());
    check_declared_shape(out.shape, where + ": tensor '" + proto.name() + "' dims");
    const size_t count = element_count(out.shape);
    out.data.reserve(count);

    if (!proto.raw_data().empty()) {
        const size_t width = byte_width(type);
        const std::string& raw = proto.raw_data();
        if (raw.size() != count * width)
            throw Error(where, "tensor '" + proto.name() + "' raw_data holds " + std::to_string(raw.size()) +
                                   " bytes, expected " + std::to_string(count * width) + " for shape " +
                                   shape_to_string(out.shape),
                        "the model file is truncated or corrupt; re-export it");
        for (size_t i = 0; i < count; ++i) out.data.push_back(decode_raw(type, raw.data() + i * width));
        return out;
    }
    switch (type) {
    case DType::Float:
        for (float v : proto.float_data()) out.data.push_back(v);
        break;
    case DType::Double:
        for (double v : proto.double_data()) out.data.push_back(static_cast<float>(v));
        break;
    case DType::Int64:
        for (int64_t v : proto.int64_data()) out.data.push_back(static_cast<float>(v));
        break;
    case DType::Uint32: case DType::Uint64:
        for (uint64_t v : proto.uint64_data()) out.data.push_back(static_cast<float>(v));
        break;
    case DType::Float16:
        for (int32_t v : proto.int32_data()) out.data.push_back(half_to_float(static_cast<uint16_t>(v)));
        break;
    case DType::BFloat16:
        for (int32_t v : proto.int32_data()) out.data.push_back(bfloat16_to_float(static_cast<uint16_t>(v)));
        break;
    default:  // int32, int16, int8, uint16, uint8, bool
        for (int32_t v : proto.int32_data()) out.data.push_back(static_cast<float>(v));
        break;
    }
    if (out.data.size() != count)
        throw Error(where, "tensor '" + proto.name() + "' holds " + std::to_string(out.data.size()) +
                               " values, expected " + std::to_string(count) + " for shape " + shape_to_string(out.shape),
                    "the model file is corrupt; re-export it");
    return out;
}

}  // namespace ps::model::detail

namespace ps::model {

NamedTensor read_tensor_proto_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string(), "cannot open the file", "check the path");
    onnx::TensorProto proto;
    if (!proto.ParseFromIstream(&in))
        throw Error(path.string(), "not a serialised onnx.TensorProto", "pass an ONNX test-data .pb file");
    NamedTensor out;
    out.name = proto.name();
    out.dtype = detail::dtype_from_proto(proto.data_type());
    out.tensor = detail::tensor_from_proto(proto, path.string());
    return out;
}

}  // namespace ps::model
