#include "core/witness/lookup_functions.hpp"
#include "core/witness/quantize.hpp"
#include <cmath>
#include <map>

namespace ps::fixed {

std::span<const char* const> elementwise_lookup_ops() {
    static constexpr const char* ops[] = {"Sigmoid", "Tanh", "Exp", "Erf", "Softplus", "Softsign", "Mish",
                                          "HardSwish", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh",
                                          "Cosh", "Asinh", "Acosh", "Atanh", "Floor", "Ceil", "Round", "Sqrt",
                                          "Log", "Reciprocal", "Gelu", "Elu", "Celu", "Selu", "HardSigmoid",
                                          "ThresholdedRelu", "Shrink", "Pow"};
    return ops;
}

namespace {

double sigmoid(double x) { return x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x)); }
double softplus(double x) { return x > 30 ? x : std::log1p(std::exp(x)); }

using Simple = double (*)(double);

const std::map<std::string, Simple>& simple_functions() {
    static const std::map<std::string, Simple> m = {
        {"Sigmoid", &sigmoid},
        {"Tanh", [](double x) { return std::tanh(x); }},
        {"Exp", [](double x) { return std::exp(x); }},
        {"Erf", [](double x) { return std::erf(x); }},
        {"Softplus", &softplus},
        {"Softsign", [](double x) { return x / (1.0 + std::fabs(x)); }},
        {"Mish", [](double x) { return x * std::tanh(softplus(x)); }},
        {"HardSwish", [](double x) { return x * std::clamp(x / 6.0 + 0.5, 0.0, 1.0); }},
        {"Sin", [](double x) { return std::sin(x); }},
        {"Cos", [](double x) { return std::cos(x); }},
        {"Tan", [](double x) { return std::tan(x); }},
        {"Asin", [](double x) { return std::asin(std::clamp(x, -1.0, 1.0)); }},
        {"Acos", [](double x) { return std::acos(std::clamp(x, -1.0, 1.0)); }},
        {"Atan", [](double x) { return std::atan(x); }},
        {"Sinh", [](double x) { return std::sinh(x); }},
        {"Cosh", [](double x) { return std::cosh(x); }},
        {"Asinh", [](double x) { return std::asinh(x); }},
        {"Acosh", [](double x) { return std::acosh(std::max(x, 1.0)); }},
        {"Atanh", [](double x) { return std::atanh(std::clamp(x, -1.0 + 1e-12, 1.0 - 1e-12)); }},
        {"Floor", [](double x) { return std::floor(x); }},
        {"Ceil", [](double x) { return std::ceil(x); }},
        {"Round", [](double x) { return std::nearbyint(x); }},  // ONNX Round: ties to even
        {"Sqrt", [](double x) { return std::sqrt(std::max(x, 0.0)); }},
    };
    return m;
}

}  // namespace

std::optional<LookupFunction> lookup_function(const model::Node& node, std::optional<double> constant_exponent,
                                              Scale input_scale) {
    LookupFunction fn;
    fn.name = node.op;
    const std::string& op = node.op;
    if (auto it = simple_functions().find(op); it != simple_functions().end()) {
        fn.f = it->second;
        return fn;
    }
    // The smallest positive value at the input scale stands in for 0 where f has a pole.
    const double tiny = std::ldexp(1.0, -input_scale);
    auto with = [&](double p, std::function<double(double)> f) {
        fn.parameter = p;
        fn.has_parameter = true;
        fn.f = std::move(f);
        return fn;
    };
    if (op == "Log") {
        fn.f = [tiny](double x) { return std::log(std::max(x, tiny)); };
        return fn;
    }
    if (op == "Reciprocal") {
        fn.f = [tiny](double x) { return 1.0 / (std::fabs(x) < tiny ? tiny : x); };
        return fn;
    }
    if (op == "Gelu") {
        const bool tanh_approx = node.attr_string("approximate", "none") == "tanh";
        return with(tanh_approx ? 1.0 : 0.0, [tanh_approx](double x) {
            if (tanh_approx) return 0.5 * x * (1.0 + std::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x)));
            return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
        });
    }
    if (op == "Elu") {
        const double a = node.attr_float("alpha", 1.0f);
        return with(a, [a](double x) { return x >= 0 ? x : a * std::expm1(x); });
    }
    if (op == "Celu") {
        const double a = node.attr_float("alpha", 1.0f);
        return with(a, [a](double x) { return std::max(0.0, x) + std::min(0.0, a * std::expm1(x / a)); });
    }
    if (op == "Selu") {
        const double a = node.attr_float("alpha", 1.67326319217681884765625f);
        const double g = node.attr_float("gamma", 1.05070102214813232421875f);
        return with(a, [a, g](double x) { return g * (x > 0 ? x : a * std::expm1(x)); });
    }
    if (op == "HardSigmoid") {
        const double a = node.attr_float("alpha", 0.2f), b = node.attr_float("beta", 0.5f);
        return with(a, [a, b](double x) { return std::clamp(a * x + b, 0.0, 1.0); });
    }
    if (op == "ThresholdedRelu") {
        const double a = node.attr_float("alpha", 1.0f);
        return with(a, [a](double x) { return x > a ? x : 0.0; });
    }
    if (op == "Shrink") {
        const double bias = node.attr_float("bias", 0.0f), l = node.attr_float("lambd", 0.5f);
        return with(l, [bias, l](double x) { return x < -l ? x + bias : (x > l ? x - bias : 0.0); });
    }
    if (op == "Pow" && constant_exponent) {
        const double p = *constant_exponent;
        return with(p, [p, tiny](double x) {
            if (x < 0 && p != std::trunc(p)) return 0.0;  // no real value: 0, as a table must hold something
            if (x == 0 && p < 0) return std::pow(tiny, p);
            return std::pow(x, p);
        });
    }
    return std::nullopt;
}

int64_t lookup_entry(const LookupFunction& fn, int64_t x, Scale in_scale, Scale out_scale) {
    return quant::quantize(fn.f(quant::dequantize(x, in_scale)), out_scale, "lookup table " + fn.name);
}

}  // namespace ps::fixed
