// Small helpers of the IR: attribute defaults, dtype names, shape strings.
#include "core/model/graph.hpp"

namespace ps::model {

std::string shape_to_string(const Shape& shape) {
    if (shape.empty()) return "scalar";
    std::string s;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i) s += "\u00d7";
        s += std::to_string(shape[i]);
    }
    return s;
}

bool is_integer(DType t) {
    switch (t) {
    case DType::Uint8: case DType::Int8: case DType::Uint16: case DType::Int16: case DType::Int32:
    case DType::Int64: case DType::Bool: case DType::Uint32: case DType::Uint64:
        return true;
    default:
        return false;
    }
}

const char* dtype_name(DType t) {
    switch (t) {
    case DType::Float: return "float32";
    case DType::Uint8: return "uint8";
    case DType::Int8: return "int8";
    case DType::Uint16: return "uint16";
    case DType::Int16: return "int16";
    case DType::Int32: return "int32";
    case DType::Int64: return "int64";
    case DType::String: return "string";
    case DType::Bool: return "bool";
    case DType::Float16: return "float16";
    case DType::Double: return "float64";
    case DType::Uint32: return "uint32";
    case DType::Uint64: return "uint64";
    case DType::BFloat16: return "bfloat16";
    default: return "undefined";
    }
}

int64_t Node::attr_int(const std::string& key, int64_t fallback) const {
    auto it = attrs.find(key);
    return it == attrs.end() ? fallback : it->second.i;
}

float Node::attr_float(const std::string& key, float fallback) const {
    auto it = attrs.find(key);
    if (it == attrs.end()) return fallback;
    return it->second.kind == Attribute::Kind::Int ? static_cast<float>(it->second.i) : it->second.f;
}

std::string Node::attr_string(const std::string& key, const std::string& fallback) const {
    auto it = attrs.find(key);
    return it == attrs.end() ? fallback : it->second.s;
}

std::vector<int64_t> Node::attr_ints(const std::string& key, std::vector<int64_t> fallback) const {
    auto it = attrs.find(key);
    return it == attrs.end() ? fallback : it->second.ints;
}

std::vector<float> Node::attr_floats(const std::string& key, std::vector<float> fallback) const {
    auto it = attrs.find(key);
    return it == attrs.end() ? fallback : it->second.floats;
}

const Node* Graph::producer_of(const std::string& value) const {
    for (const Node& n : nodes)
        for (const std::string& o : n.outputs)
            if (o == value) return &n;
    return nullptr;
}

DType Graph::dtype_of(const std::string& value) const {
    auto it = dtypes.find(value);
    return it == dtypes.end() ? DType::Float : it->second;
}

}  // namespace ps::model
