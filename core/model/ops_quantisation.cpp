// ONNX's own integer quantisation ops (Operators.md: QuantizeLinear, DequantizeLinear,
// DynamicQuantizeLinear, MatMulInteger, ConvInteger, QLinearMatMul, QLinearConv), so
// models exported pre-quantised still run as float references. Scales and zero points
// are per tensor or per `axis` (default 1); rounding is half-to-even and results
// saturate to the zero point's type (uint8 unless the zero point says int8).
#include "core/model/float_kernels.hpp"

namespace ps::model {

namespace {

struct Range {
    double lo, hi;
};
Range range_of(DType t) {
    switch (t) {
    case DType::Int8: return {-128, 127};
    case DType::Uint16: return {0, 65535};
    case DType::Int16: return {-32768, 32767};
    case DType::Int32: return {-2147483648.0, 2147483647.0};
    default: return {0, 255};
    }
}

// Broadcasts a per-tensor or per-axis parameter to x's positions.
std::vector<size_t> param_map(const FloatTensor& x, const FloatTensor& p, int64_t axis_attr) {
    if (p.size() <= 1) return std::vector<size_t>(x.size(), 0);
    const size_t axis = normalise_axis(axis_attr, x.rank());
    const AxisSplit s = split_at_axis(x.shape, axis);
    if (p.size() != s.length) throw std::invalid_argument("per-axis parameter has " + std::to_string(p.size()) + " values for an axis of " + std::to_string(s.length));
    std::vector<size_t> m(x.size());
    for (size_t i = 0; i < x.size(); ++i) m[i] = (i / s.inner) % s.length;
    return m;
}

// x / scale in float32 as the spec's reference (and ONNX Runtime) compute it: the
// rounding of a tie-adjacent quotient depends on it.
double quantise(double v, double scale, double zero, Range r) {
    const float q = static_cast<float>(v) / static_cast<float>(scale);
    return std::clamp(std::nearbyint(static_cast<double>(q)) + zero, r.lo, r.hi);
}

std::vector<FloatTensor> quantize_linear(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const FloatTensor& scale = call.in(1);
    const FloatTensor zero = call.has(2) ? call.in(2) : FloatTensor({}, 0.0f);
    const Range r = range_of(call.has(2) ? call.in_dtype(2) : call.out_dtype());
    const int64_t axis = call.node.attr_int("axis", 1);
    const auto ms = param_map(x, scale, axis), mz = param_map(x, zero, axis);
    FloatTensor y(x.shape);
    for (size_t i = 0; i < x.size(); ++i) y.data[i] = static_cast<float>(quantise(x.data[i], scale.data[ms[i]], zero.data[mz[i]], r));
    return {y};
}

std::vector<FloatTensor> dequantize_linear(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const FloatTensor& scale = call.in(1);
    const FloatTensor zero = call.has(2) ? call.in(2) : FloatTensor({}, 0.0f);
    const int64_t axis = call.node.attr_int("axis", 1);
    const auto ms = param_map(x, scale, axis), mz = param_map(x, zero, axis);
    FloatTensor y(x.shape);
    for (size_t i = 0; i < x.size(); ++i)
        y.data[i] = static_cast<float>((static_cast<double>(x.data[i]) - zero.data[mz[i]]) * scale.data[ms[i]]);
    return {y};
}

// uint8 range covering [min(0, x), max(0, x)]: scale = span / 255, zero = round(−min/scale).
std::vector<FloatTensor> dynamic_quantize_linear(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    float lo = 0, hi = 0;
    for (float v : x.data) lo = std::min(lo, v), hi = std::max(hi, v);
    const float scale = (hi - lo) / 255.0f;  // float32 arithmetic, as the spec's reference
    const double zero = scale == 0 ? 0 : std::clamp(static_cast<double>(std::nearbyint((0.0f - lo) / scale)), 0.0, 255.0);
    FloatTensor y(x.shape);
    for (size_t i = 0; i < x.size(); ++i)
        y.data[i] = scale == 0 ? static_cast<float>(zero) : static_cast<float>(quantise(x.data[i], scale, zero, {0, 255}));
    return {y, FloatTensor({}, scale), FloatTensor({}, static_cast<float>(zero))};
}

// x − zero point, the zero point per tensor or per row/column/channel along `axis`.
FloatTensor shifted(const FloatTensor& x, const FloatTensor* zero, size_t axis) {
    FloatTensor out = x;
    if (!zero || zero->size() == 0) return out;
    if (zero->size() == 1) {
        for (float& v : out.data) v -= zero->data[0];
        return out;
    }
    const AxisSplit s = split_at_axis(x.shape, axis);
    if (zero->size() != s.length) throw std::invalid_argument("zero point has " + std::to_string(zero->size()) + " values for an axis of " + std::to_string(s.length));
    for (size_t i = 0; i < out.size(); ++i) out.data[i] -= zero->data[(i / s.inner) % s.length];
    return out;
}

std::vector<FloatTensor> matmul_integer(const OpCall& call) {
    const FloatTensor& a = call.in(0);
    const FloatTensor& b = call.in(1);
    // a's zero point is per row (axis rank−2), b's per column (axis rank−1).
    const FloatTensor as = shifted(a, call.has(2) ? &call.in(2) : nullptr, a.rank() >= 2 ? a.rank() - 2 : 0);
    const FloatTensor bs = shifted(b, call.has(3) ? &call.in(3) : nullptr, b.rank() - 1);
    return {matmul(as, bs)};
}

std::vector<FloatTensor> conv_integer(const OpCall& call) {
    const FloatTensor xs = shifted(call.in(0), call.has(2) ? &call.in(2) : nullptr, 1);
    const FloatTensor ws = shifted(call.in(1), call.has(3) ? &call.in(3) : nullptr, 0);
    return conv_with_inputs(call, xs, ws, nullptr);
}

FloatTensor dequantised(const FloatTensor& q, const FloatTensor& scale, const FloatTensor& zero, size_t axis) {
    FloatTensor out = shifted(q, &zero, axis);
    const auto ms = scale.size() <= 1 ? std::vector<size_t>(q.size(), 0) : param_map(q, scale, static_cast<int64_t>(axis));
    for (size_t i = 0; i < out.size(); ++i) out.data[i] = static_cast<float>(static_cast<double>(out.data[i]) * scale.data[ms[i]]);
    return out;
}

FloatTensor requantised(const FloatTensor& real, const FloatTensor& scale, const FloatTensor& zero, DType type) {
    FloatTensor y(real.shape);
    for (size_t i = 0; i < real.size(); ++i)
        y.data[i] = static_cast<float>(quantise(real.data[i], scale.data[0], zero.data[0], range_of(type)));
    return y;
}

// (a, a_scale, a_zero, b, b_scale, b_zero, y_scale, y_zero)
std::vector<FloatTensor> qlinear_matmul(const OpCall& call) {
    const FloatTensor a = dequantised(call.in(0), call.in(1), call.in(2), call.in(0).rank() - 2);
    const FloatTensor b = dequantised(call.in(3), call.in(4), call.in(5), call.in(3).rank() - 1);
    return {requantised(matmul(a, b), call.in(6), call.in(7), call.in_dtype(7))};
}

// (x, x_scale, x_zero, w, w_scale, w_zero, y_scale, y_zero, B int32 at x_scale·w_scale)
std::vector<FloatTensor> qlinear_conv(const OpCall& call) {
    const FloatTensor x = dequantised(call.in(0), call.in(1), call.in(2), 1);
    const FloatTensor w = dequantised(call.in(3), call.in(4), call.in(5), 0);
    FloatTensor bias;
    if (call.has(8)) {
        bias = call.in(8);
        const FloatTensor& ws = call.in(4);
        for (size_t m = 0; m < bias.size(); ++m)
            bias.data[m] = static_cast<float>(static_cast<double>(bias.data[m]) * call.in(1).data[0] * ws.data[ws.size() == 1 ? 0 : m]);
    }
    std::vector<FloatTensor> y = conv_with_inputs(call, x, w, call.has(8) ? &bias : nullptr);
    return {requantised(y[0], call.in(6), call.in(7), call.in_dtype(7))};
}

}  // namespace

void register_quantisation_ops(KernelTable& t) {
    t["QuantizeLinear"] = &quantize_linear;
    t["DequantizeLinear"] = &dequantize_linear;
    t["DynamicQuantizeLinear"] = &dynamic_quantize_linear;
    t["MatMulInteger"] = &matmul_integer;
    t["ConvInteger"] = &conv_integer;
    t["QLinearMatMul"] = &qlinear_matmul;
    t["QLinearConv"] = &qlinear_conv;
}

}  // namespace ps::model
