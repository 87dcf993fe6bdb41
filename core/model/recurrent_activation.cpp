#include "core/model/recurrent_activation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ps::model {
namespace {

bool takes_alpha(const std::string& n) {
    return n == "Affine" || n == "LeakyRelu" || n == "ThresholdedRelu" || n == "ScaledTanh" || n == "HardSigmoid" || n == "Elu";
}
bool takes_beta(const std::string& n) { return n == "Affine" || n == "ScaledTanh" || n == "HardSigmoid"; }

// Spec defaults for the alpha/beta of each function (ORT's where the spec is silent).
double default_alpha(const std::string& n) {
    if (n == "LeakyRelu") return 0.01;
    if (n == "HardSigmoid") return 0.2;
    return 1.0;
}
double default_beta(const std::string& n) { return n == "HardSigmoid" ? 0.5 : 0.0; }

}  // namespace

double RecurrentActivation::operator()(double x) const {
    if (name == "Sigmoid") return 1.0 / (1.0 + std::exp(-x));
    if (name == "Tanh") return std::tanh(x);
    if (name == "Relu") return std::max(0.0, x);
    if (name == "Affine") return alpha * x + beta;
    if (name == "LeakyRelu") return x >= 0 ? x : alpha * x;
    if (name == "ThresholdedRelu") return x > alpha ? x : 0.0;
    if (name == "ScaledTanh") return alpha * std::tanh(beta * x);
    if (name == "HardSigmoid") return std::clamp(alpha * x + beta, 0.0, 1.0);
    if (name == "Elu") return x >= 0 ? x : alpha * std::expm1(x);
    if (name == "Softsign") return x / (1.0 + std::fabs(x));
    if (name == "Softplus") return std::log1p(std::exp(x));
    throw std::invalid_argument("unknown recurrent activation '" + name + "'");
}

std::vector<RecurrentActivation> recurrent_activations(const Node& node, size_t per_direction, size_t directions) {
    std::vector<std::string> names;
    if (node.has_attr("activations")) names = node.attrs.at("activations").strings;
    if (names.empty()) {
        const std::vector<std::string> defaults = per_direction == 3 ? std::vector<std::string>{"Sigmoid", "Tanh", "Tanh"}
                                                  : per_direction == 2 ? std::vector<std::string>{"Sigmoid", "Tanh"}
                                                                       : std::vector<std::string>{"Tanh"};
        for (size_t d = 0; d < directions; ++d) names.insert(names.end(), defaults.begin(), defaults.end());
    }
    if (names.size() == per_direction && directions == 2) names.insert(names.end(), names.begin(), names.end());
    if (names.size() != per_direction * directions)
        throw std::invalid_argument("activations lists " + std::to_string(names.size()) + " functions, expected " + std::to_string(per_direction * directions));
    const std::vector<float> alphas = node.attr_floats("activation_alpha"), betas = node.attr_floats("activation_beta");
    size_t ai = 0, bi = 0;
    std::vector<RecurrentActivation> out;
    for (const std::string& raw : names) {
        RecurrentActivation a;
        // Names are case-insensitive in practice (PyTorch exports "Tanh", some tools "tanh").
        a.name = raw;
        if (!a.name.empty()) a.name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(a.name[0])));
        a.alpha = default_alpha(a.name);
        a.beta = default_beta(a.name);
        if (takes_alpha(a.name) && ai < alphas.size()) a.alpha = alphas[ai++];
        if (takes_beta(a.name) && bi < betas.size()) a.beta = betas[bi++];
        out.push_back(a);
    }
    return out;
}

}  // namespace ps::model
