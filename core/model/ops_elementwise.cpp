// Element-wise arithmetic and math (ONNX Operators.md: Add, Sub, Mul, Div, Pow, Mod, Max,
// Min, Sum, Mean, Abs, Neg, Sign, Exp, Log, Sqrt, Reciprocal, Floor, Ceil, Round, the
// trigonometric and hyperbolic functions, Erf, IsNaN, IsInf, Cast, CastLike, BitShift).
// Binary ops broadcast multidirectionally (numpy rules).
#include "core/model/float_kernels.hpp"

#include <limits>

namespace ps::model {
namespace {

template <double (*F)(double, double)>
std::vector<FloatTensor> binary(const OpCall& call) {
    FloatTensor out = map_binary(call.in(0), call.in(1), F);
    if (is_integer(call.out_dtype()))
        for (float& v : out.data) v = static_cast<float>(to_dtype(v, call.out_dtype()));
    return {out};
}

double add(double a, double b) { return a + b; }
double sub(double a, double b) { return a - b; }
double mul(double a, double b) { return a * b; }
double divide(double a, double b) { return a / b; }  // integer types truncate in binary<>
double power(double a, double b) { return std::pow(a, b); }
double maximum(double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : std::max(a, b); }
double minimum(double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : std::min(a, b); }

std::vector<FloatTensor> mod(const OpCall& call) {
    const bool c_fmod = call.node.attr_int("fmod", 0) != 0;
    return {map_binary(call.in(0), call.in(1), [c_fmod](double a, double b) {
        if (c_fmod) return std::fmod(a, b);
        if (b == 0.0) return 0.0;
        double r = std::fmod(a, b);  // integer Mod takes the divisor's sign (Python %)
        if (r != 0.0 && ((r < 0) != (b < 0))) r += b;
        return r;
    })};
}

template <double (*F)(double, double)>
std::vector<FloatTensor> variadic(const OpCall& call) { return {fold_variadic(call, F)}; }

std::vector<FloatTensor> mean(const OpCall& call) {
    FloatTensor sum = fold_variadic(call, add);
    double n = 0;
    for (size_t i = 0; i < call.input_count(); ++i) n += call.has(i) ? 1 : 0;
    for (float& v : sum.data) v = static_cast<float>(v / n);
    return {sum};
}

template <double (*F)(double)>
std::vector<FloatTensor> unary(const OpCall& call) {
    FloatTensor out = map_unary(call.in(0), F);
    if (is_integer(call.out_dtype()))
        for (float& v : out.data) v = static_cast<float>(to_dtype(v, call.out_dtype()));
    return {out};
}

double abs_(double x) { return std::fabs(x); }
double neg(double x) { return -x; }
double sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0); }
double exp_(double x) { return std::exp(x); }
double log_(double x) { return std::log(x); }
double sqrt_(double x) { return std::sqrt(x); }
double reciprocal(double x) { return 1.0 / x; }
double floor_(double x) { return std::floor(x); }
double ceil_(double x) { return std::ceil(x); }
double round_half_even(double x) { return std::nearbyint(x); }  // default FE_TONEAREST: ties to even (spec)
double sin_(double x) { return std::sin(x); }
double cos_(double x) { return std::cos(x); }
double tan_(double x) { return std::tan(x); }
double asin_(double x) { return std::asin(x); }
double acos_(double x) { return std::acos(x); }
double atan_(double x) { return std::atan(x); }
double sinh_(double x) { return std::sinh(x); }
double cosh_(double x) { return std::cosh(x); }
double asinh_(double x) { return std::asinh(x); }
double acosh_(double x) { return std::acosh(x); }
double atanh_(double x) { return std::atanh(x); }
double erf_(double x) { return std::erf(x); }
double isnan_(double x) { return std::isnan(x) ? 1.0 : 0.0; }

std::vector<FloatTensor> is_inf(const OpCall& call) {
    const bool pos = call.node.attr_int("detect_positive", 1) != 0, neg_ = call.node.attr_int("detect_negative", 1) != 0;
    return {map_unary(call.in(0), [=](double x) { return std::isinf(x) && ((x > 0 && pos) || (x < 0 && neg_)) ? 1.0 : 0.0; })};
}

DType cast_target(const OpCall& call) {
    if (call.node.op == "CastLike") return call.in_dtype(1);
    return static_cast<DType>(call.node.attr_int("to", static_cast<int64_t>(DType::Float)));
}

// Cast: float → integer truncates toward zero, anything → bool is (x != 0), float16 and
// bfloat16 round through their precision.
std::vector<FloatTensor> cast(const OpCall& call) {
    const DType to = cast_target(call);
    if (to == DType::String) call.fail("Cast to string is not supported", "keep tensors numeric");
    return {map_unary(call.in(0), [to](double x) { return to_dtype(x, to); })};
}

std::vector<FloatTensor> bit_shift(const OpCall& call) {
    const bool left = call.node.attr_string("direction", "") == "LEFT";
    // BitShift is defined on unsigned integers. A negative, NaN or too large value (only a
    // crafted input has one) is refused: converting it to uint64_t is undefined behaviour
    // (UBSan, run-tests.sh --sanitize, in tst_ops_robustness).
    auto as_unsigned = [&call](double v) {
        if (!(v >= 0.0 && v < 18446744073709551616.0))
            call.fail("BitShift reads unsigned integers, got " + std::to_string(v), "feed it uint tensors");
        return static_cast<uint64_t>(v);
    };
    return {map_binary(call.in(0), call.in(1), [left, &as_unsigned](double a, double b) {
        const uint64_t x = as_unsigned(a), s = as_unsigned(b);
        if (s >= 64) return 0.0;
        return static_cast<double>(left ? x << s : x >> s);
    })};
}

}  // namespace

void register_elementwise_ops(KernelTable& t) {
    t["Add"] = &binary<add>;
    t["Sub"] = &binary<sub>;
    t["Mul"] = &binary<mul>;
    t["Div"] = &binary<divide>;
    t["Pow"] = &binary<power>;
    t["Mod"] = &mod;
    t["Max"] = &variadic<maximum>;
    t["Min"] = &variadic<minimum>;
    t["Sum"] = &variadic<add>;
    t["Mean"] = &mean;
    t["Abs"] = &unary<abs_>;
    t["Neg"] = &unary<neg>;
    t["Sign"] = &unary<sign>;
    t["Exp"] = &unary<exp_>;
    t["Log"] = &unary<log_>;
    t["Sqrt"] = &unary<sqrt_>;
    t["Reciprocal"] = &unary<reciprocal>;
    t["Floor"] = &unary<floor_>;
    t["Ceil"] = &unary<ceil_>;
    t["Round"] = &unary<round_half_even>;
    t["Sin"] = &unary<sin_>;
    t["Cos"] = &unary<cos_>;
    t["Tan"] = &unary<tan_>;
    t["Asin"] = &unary<asin_>;
    t["Acos"] = &unary<acos_>;
    t["Atan"] = &unary<atan_>;
    t["Sinh"] = &unary<sinh_>;
    t["Cosh"] = &unary<cosh_>;
    t["Asinh"] = &unary<asinh_>;
    t["Acosh"] = &unary<acosh_>;
    t["Atanh"] = &unary<atanh_>;
    t["Erf"] = &unary<erf_>;
    t["IsNaN"] = &unary<isnan_>;
    t["IsInf"] = &is_inf;
    t["Cast"] = &cast;
    t["CastLike"] = &cast;
    t["BitShift"] = &bit_shift;
}

}  // namespace ps::model
