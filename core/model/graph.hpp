#pragma once
// The graph IR every later stage reads: ONNX is parsed once (onnx_loader.cpp), shape
// inference has run, constants are folded into initialisers and symbolic batch
// dimensions are 1 (as EZKL resolves them). Nothing here depends on protobuf.
//
// The fixed-point executor (core/witness) and the GUI build on this header: it only grows;
// existing names keep their meaning.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ps::model {

using Shape = std::vector<int64_t>;

// Number of elements of a shape; the empty shape is a scalar (1 element).
inline size_t element_count(const Shape& shape) {
    size_t n = 1;
    for (int64_t d : shape) n *= static_cast<size_t>(d < 0 ? 0 : d);
    return n;
}

// "1×3×28×28" for messages.
std::string shape_to_string(const Shape& shape);

// element_count of a shape about to be allocated, or std::invalid_argument when a
// dimension is negative or the size passes the limit (tensor_limits.hpp).
size_t checked_element_count(const Shape& shape);

// Dense row-major tensor. Data-movement ops are templates on T so the float executor
// (T = float) and the fixed-point executor (T = int64_t) share them.
template <class T>
struct Tensor {
    Shape shape;
    std::vector<T> data;  // row-major, size() == element_count(shape)

    Tensor() = default;
    Tensor(Shape s, std::vector<T> d) : shape(std::move(s)), data(std::move(d)) {}
    explicit Tensor(Shape s, T fill = T{}) : shape(std::move(s)), data(checked_element_count(shape), fill) {}

    size_t size() const { return data.size(); }
    size_t rank() const { return shape.size(); }
};

using FloatTensor = Tensor<float>;
using IntTensor = Tensor<int64_t>;

// ONNX element types the executor distinguishes. Values are stored as float in the float
// executor; the type decides integer semantics (Div truncates, Cast rounds toward zero,
// bool is 0/1). Numbering follows onnx.proto's TensorProto.DataType.
enum class DType : int {
    Undefined = 0,
    Float = 1,
    Uint8 = 2,
    Int8 = 3,
    Uint16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    Uint32 = 12,
    Uint64 = 13,
    BFloat16 = 16,
};

bool is_integer(DType t);        // every int/uint type and Bool
const char* dtype_name(DType t); // "float32", "int64", "bool", ...

// One ONNX attribute. Exactly one of the payloads is meaningful, named by `kind`.
struct Attribute {
    enum class Kind { Int, Float, String, Ints, Floats, Strings, Tensor, Graph };
    Kind kind = Kind::Int;
    int64_t i = 0;
    float f = 0.0f;
    std::string s;
    std::vector<int64_t> ints;
    std::vector<float> floats;
    std::vector<std::string> strings;
    FloatTensor tensor;
    DType tensor_dtype = DType::Undefined;
};

struct Node {
    size_t index = 0;                 // position in Graph::nodes (execution order)
    std::string name;                 // ONNX node name, or "<op>_<index>" when the model has none
    std::string op;                   // ONNX op_type, e.g. "Conv"
    std::vector<std::string> inputs;  // "" marks an omitted optional input
    std::vector<std::string> outputs;
    std::map<std::string, Attribute> attrs;

    // Attribute accessors with the ONNX default when absent.
    int64_t attr_int(const std::string& key, int64_t fallback) const;
    float attr_float(const std::string& key, float fallback) const;
    std::string attr_string(const std::string& key, const std::string& fallback) const;
    std::vector<int64_t> attr_ints(const std::string& key, std::vector<int64_t> fallback = {}) const;
    std::vector<float> attr_floats(const std::string& key, std::vector<float> fallback = {}) const;
    bool has_attr(const std::string& key) const { return attrs.count(key) != 0; }
};

struct ValueInfo {
    std::string name;
    Shape shape;  // symbolic dims resolved (batch = 1)
    DType dtype = DType::Float;
};

struct Graph {
    std::filesystem::path source;     // the .onnx file it came from
    int64_t opset = 0;                // default-domain opset version
    std::vector<ValueInfo> inputs;    // runtime inputs only (not initialisers), in model order
    std::vector<ValueInfo> outputs;
    std::map<std::string, FloatTensor> initializers;  // weights and folded constants
    std::vector<Node> nodes;          // topological (execution) order, constants folded away
    std::map<std::string, Shape> shapes;  // every value whose shape is static, batch = 1
    std::map<std::string, DType> dtypes;  // element type of every value known to inference

    const Node* producer_of(const std::string& value) const;  // nullptr for inputs/initialisers
    DType dtype_of(const std::string& value) const;           // Float when unknown
};

struct LoadOptions {
    // Throw ps::Error for the first op the float executor does not implement. The corpus
    // report turns this off to list every unsupported op of a model at once.
    bool reject_unsupported = true;
    // Fold Constant, Shape and every node whose inputs are all constants.
    bool fold_constants = true;
};

// Parses `path` with the ONNX protobuf classes, runs ONNX shape inference, resolves
// symbolic dimensions to 1, folds constants. Throws ps::Error naming the file, and for an
// unsupported op the node name, op and index.
Graph load_onnx(const std::filesystem::path& path, const LoadOptions& options = {});

// Ops of `graph` the float executor lacks, as "node 'name' (#index): Op" strings.
std::vector<std::string> unsupported_nodes(const Graph& graph);

}  // namespace ps::model
