// Activations (ONNX Operators.md): Relu, LeakyRelu, PRelu, Sigmoid, HardSigmoid,
// HardSwish, Tanh, Elu, Selu, Celu, Softplus, Softsign, Gelu, Mish, ThresholdedRelu,
// Shrink, Clip, and the axis-wise Softmax, LogSoftmax, Hardmax. Attribute defaults are
// the spec's.
#include "core/model/float_kernels.hpp"

namespace ps::model {
namespace {

double sigmoid(double x) { return x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x)); }
double softplus(double x) { return x > 30 ? x : std::log1p(std::exp(x)); }

template <double (*F)(double)>
std::vector<FloatTensor> unary(const OpCall& call) { return {map_unary(call.in(0), F)}; }

double relu(double x) { return x > 0 ? x : 0.0; }
double tanh_(double x) { return std::tanh(x); }
double softsign(double x) { return x / (1.0 + std::fabs(x)); }
double mish(double x) { return x * std::tanh(softplus(x)); }
double hard_swish(double x) { return x * std::clamp(x / 6.0 + 0.5, 0.0, 1.0); }  // alpha 1/6, beta 0.5

std::vector<FloatTensor> leaky_relu(const OpCall& call) {
    const double alpha = call.node.attr_float("alpha", 0.01f);
    return {map_unary(call.in(0), [alpha](double x) { return x >= 0 ? x : alpha * x; })};
}

std::vector<FloatTensor> prelu(const OpCall& call) {
    return {map_binary(call.in(0), call.in(1), [](double x, double slope) { return x >= 0 ? x : slope * x; })};
}

std::vector<FloatTensor> hard_sigmoid(const OpCall& call) {
    const double alpha = call.node.attr_float("alpha", 0.2f), beta = call.node.attr_float("beta", 0.5f);
    return {map_unary(call.in(0), [=](double x) { return std::clamp(alpha * x + beta, 0.0, 1.0); })};
}

std::vector<FloatTensor> elu(const OpCall& call) {
    const double alpha = call.node.attr_float("alpha", 1.0f);
    return {map_unary(call.in(0), [alpha](double x) { return x >= 0 ? x : alpha * std::expm1(x); })};
}

std::vector<FloatTensor> selu(const OpCall& call) {
    const double alpha = call.node.attr_float("alpha", 1.67326319217681884765625f);
    const double gamma = call.node.attr_float("gamma", 1.05070102214813232421875f);
    return {map_unary(call.in(0), [=](double x) { return gamma * (x > 0 ? x : alpha * std::expm1(x)); })};
}

std::vector<FloatTensor> celu(const OpCall& call) {
    const double alpha = call.node.attr_float("alpha", 1.0f);
    return {map_unary(call.in(0), [alpha](double x) { return std::max(0.0, x) + std::min(0.0, alpha * std::expm1(x / alpha)); })};
}

std::vector<FloatTensor> thresholded_relu(const OpCall& call) {
    const double alpha = call.node.attr_float("alpha", 1.0f);
    return {map_unary(call.in(0), [alpha](double x) { return x > alpha ? x : 0.0; })};
}

std::vector<FloatTensor> shrink(const OpCall& call) {
    const double bias = call.node.attr_float("bias", 0.0f), lambd = call.node.attr_float("lambd", 0.5f);
    return {map_unary(call.in(0), [=](double x) { return x < -lambd ? x + bias : (x > lambd ? x - bias : 0.0); })};
}

// Gelu-20: approximate "none" uses erf, "tanh" the tanh approximation.
std::vector<FloatTensor> gelu(const OpCall& call) {
    const bool tanh_approx = call.node.attr_string("approximate", "none") == "tanh";
    return {map_unary(call.in(0), [tanh_approx](double x) {
        if (tanh_approx) return 0.5 * x * (1.0 + std::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x)));
        return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
    })};
}

// Clip: bounds are attributes before opset 11, optional inputs after.
std::vector<FloatTensor> clip(const OpCall& call) {
    double lo, hi;
    if (call.opset < 11 && call.input_count() == 1) {
        lo = call.node.attr_float("min", -std::numeric_limits<float>::max());
        hi = call.node.attr_float("max", std::numeric_limits<float>::max());
    } else {
        lo = scalar_input(call, 1, -std::numeric_limits<float>::infinity());
        hi = scalar_input(call, 2, std::numeric_limits<float>::infinity());
    }
    return {map_unary(call.in(0), [=](double x) { return std::min(std::max(x, lo), hi); })};
}

enum class AxisFn { Softmax, LogSoftmax, Hardmax };

// Before opset 13 these ops flatten to 2-D at `axis` (default 1) and normalise rows;
// from 13 on they act along one axis (default -1).
template <AxisFn Fn>
std::vector<FloatTensor> axis_softmax(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    FloatTensor out(x.shape);
    if (x.size() == 0) return {out};
    const bool legacy = call.opset < 13;
    const size_t axis = normalise_axis(call.node.attr_int("axis", legacy ? 1 : -1), std::max<size_t>(x.rank(), 1));
    AxisSplit s = split_at_axis(x.shape, axis);
    if (legacy) {
        s.length *= s.inner;
        s.inner = 1;
    }
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            auto at = [&](size_t k) { return (o * s.length + k) * s.inner + in; };
            double m = -std::numeric_limits<double>::infinity();
            size_t arg = 0;
            for (size_t k = 0; k < s.length; ++k)
                if (x.data[at(k)] > m) m = x.data[at(k)], arg = k;
            if (Fn == AxisFn::Hardmax) {
                for (size_t k = 0; k < s.length; ++k) out.data[at(k)] = k == arg ? 1.0f : 0.0f;
                continue;
            }
            double sum = 0;
            for (size_t k = 0; k < s.length; ++k) sum += std::exp(x.data[at(k)] - m);
            for (size_t k = 0; k < s.length; ++k) {
                const double shifted = x.data[at(k)] - m;
                out.data[at(k)] = static_cast<float>(Fn == AxisFn::Softmax ? std::exp(shifted) / sum : shifted - std::log(sum));
            }
        }
    return {out};
}

}  // namespace

void register_activation_ops(KernelTable& t) {
    t["Relu"] = &unary<relu>;
    t["Sigmoid"] = &unary<sigmoid>;
    t["Tanh"] = &unary<tanh_>;
    t["Softplus"] = &unary<softplus>;
    t["Softsign"] = &unary<softsign>;
    t["Mish"] = &unary<mish>;
    t["HardSwish"] = &unary<hard_swish>;
    t["LeakyRelu"] = &leaky_relu;
    t["PRelu"] = &prelu;
    t["HardSigmoid"] = &hard_sigmoid;
    t["Elu"] = &elu;
    t["Selu"] = &selu;
    t["Celu"] = &celu;
    t["ThresholdedRelu"] = &thresholded_relu;
    t["Shrink"] = &shrink;
    t["Gelu"] = &gelu;
    t["Clip"] = &clip;
    t["Softmax"] = &axis_softmax<AxisFn::Softmax>;
    t["LogSoftmax"] = &axis_softmax<AxisFn::LogSoftmax>;
    t["Hardmax"] = &axis_softmax<AxisFn::Hardmax>;
}

}  // namespace ps::model
