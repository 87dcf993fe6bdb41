// Comparisons and boolean/bitwise logic (ONNX Operators.md: Equal, Less, LessOrEqual,
// Greater, GreaterOrEqual, And, Or, Xor, Not, BitwiseAnd/Or/Xor/Not). Results are 0/1
// (bool) with multidirectional broadcasting; Where lives with the data-movement ops.
#include "core/model/float_kernels.hpp"

namespace ps::model {
namespace {

template <bool (*F)(double, double)>
std::vector<FloatTensor> compare(const OpCall& call) {
    return {map_binary(call.in(0), call.in(1), [](double a, double b) { return F(a, b) ? 1.0 : 0.0; })};
}

bool eq(double a, double b) { return a == b; }
bool lt(double a, double b) { return a < b; }
bool le(double a, double b) { return a <= b; }
bool gt(double a, double b) { return a > b; }
bool ge(double a, double b) { return a >= b; }
bool both(double a, double b) { return a != 0 && b != 0; }
bool either(double a, double b) { return a != 0 || b != 0; }
bool exactly_one(double a, double b) { return (a != 0) != (b != 0); }

std::vector<FloatTensor> logical_not(const OpCall& call) {
    return {map_unary(call.in(0), [](double x) { return x != 0 ? 0.0 : 1.0; })};
}

// Bitwise ops act on the two's-complement integer the float holds.
template <int64_t (*F)(int64_t, int64_t)>
std::vector<FloatTensor> bitwise(const OpCall& call) {
    return {map_binary(call.in(0), call.in(1), [](double a, double b) {
        return static_cast<double>(F(to_index(a), to_index(b)));
    })};
}
int64_t bit_and(int64_t a, int64_t b) { return a & b; }
int64_t bit_or(int64_t a, int64_t b) { return a | b; }
int64_t bit_xor(int64_t a, int64_t b) { return a ^ b; }

std::vector<FloatTensor> bitwise_not(const OpCall& call) {
    const DType t = call.in_dtype(0);
    return {map_unary(call.in(0), [t](double x) {
        const int64_t v = ~to_index(x);
        switch (t) {  // unsigned types wrap within their width
        case DType::Uint8: return static_cast<double>(static_cast<uint8_t>(v));
        case DType::Uint16: return static_cast<double>(static_cast<uint16_t>(v));
        case DType::Uint32: return static_cast<double>(static_cast<uint32_t>(v));
        default: return static_cast<double>(v);
        }
    })};
}

}  // namespace

void register_logic_ops(KernelTable& t) {
    t["Equal"] = &compare<eq>;
    t["Less"] = &compare<lt>;
    t["LessOrEqual"] = &compare<le>;
    t["Greater"] = &compare<gt>;
    t["GreaterOrEqual"] = &compare<ge>;
    t["And"] = &compare<both>;
    t["Or"] = &compare<either>;
    t["Xor"] = &compare<exactly_one>;
    t["Not"] = &logical_not;
    t["BitwiseAnd"] = &bitwise<bit_and>;
    t["BitwiseOr"] = &bitwise<bit_or>;
    t["BitwiseXor"] = &bitwise<bit_xor>;
    t["BitwiseNot"] = &bitwise_not;
}

}  // namespace ps::model
