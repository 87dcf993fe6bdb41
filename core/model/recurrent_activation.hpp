#pragma once
// The named activation functions recurrent ops accept in their `activations` attribute
// (ONNX Operators.md, LSTM: Relu, Tanh, Sigmoid, Affine, LeakyRelu, ThresholdedRelu,
// ScaledTanh, HardSigmoid, Elu, Softsign, Softplus).
#include "core/model/graph.hpp"

#include <string>
#include <vector>

namespace ps::model {

struct RecurrentActivation {
    std::string name;
    double alpha = 0, beta = 0;
    double operator()(double x) const;
};

// `per_direction` activations for each of `directions`; defaults are the spec's
// (LSTM: Sigmoid, Tanh, Tanh; GRU: Sigmoid, Tanh; RNN: Tanh). Alphas/betas are consumed
// in order by the activations that take them.
std::vector<RecurrentActivation> recurrent_activations(const Node& node, size_t per_direction, size_t directions);

}  // namespace ps::model
