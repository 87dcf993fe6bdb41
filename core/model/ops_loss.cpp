// Training losses that appear in exported graphs (Operators.md: NegativeLogLikelihoodLoss,
// SoftmaxCrossEntropyLoss): per-element loss −input[n, target, d…]·weight[target],
// ignore_index contributing nothing, reduced by "none", "sum" or "mean" (mean divides by
// the summed weights of the counted targets).
#include "core/model/float_kernels.hpp"

namespace ps::model {
namespace {

// input [N, C, d…] of log-probabilities, target [N, d…].
FloatTensor nll(const OpCall& call, const FloatTensor& input, const FloatTensor& target, const FloatTensor* weight) {
    if (input.rank() < 2) call.fail("input must be [N, C, ...], found " + shape_to_string(input.shape));
    const size_t n = static_cast<size_t>(input.shape[0]), c = static_cast<size_t>(input.shape[1]);
    const size_t inner = input.size() / std::max<size_t>(n * c, 1);
    const bool has_ignore = call.node.has_attr("ignore_index");
    const int64_t ignore = call.node.attr_int("ignore_index", 0);
    const std::string reduction = call.node.attr_string("reduction", "mean");
    if (weight && weight->size() != c) call.fail("weight holds " + std::to_string(weight->size()) + " values for " + std::to_string(c) + " classes");
    if (target.size() != n * inner) call.fail("target " + shape_to_string(target.shape) + " does not match input " + shape_to_string(input.shape));
    FloatTensor loss(target.shape);
    double total = 0, weight_sum = 0;
    for (size_t b = 0; b < n; ++b)
        for (size_t i = 0; i < inner; ++i) {
            const int64_t t = to_index(target.data[b * inner + i]);
            if (has_ignore && t == ignore) continue;
            if (t < 0 || t >= static_cast<int64_t>(c)) call.fail("target " + std::to_string(t) + " is outside [0, " + std::to_string(c) + ")");
            const double w = weight ? weight->data[static_cast<size_t>(t)] : 1.0;
            const double l = -static_cast<double>(input.data[(b * c + static_cast<size_t>(t)) * inner + i]) * w;
            loss.data[b * inner + i] = static_cast<float>(l);
            total += l;
            weight_sum += w;
        }
    if (reduction == "none") return loss;
    if (reduction == "sum") return FloatTensor({}, static_cast<float>(total));
    return FloatTensor({}, weight_sum == 0 ? 0.0f : static_cast<float>(total / weight_sum));
}

std::vector<FloatTensor> nll_loss(const OpCall& call) {
    return {nll(call, call.in(0), call.in(1), call.has(2) ? &call.in(2) : nullptr)};
}

std::vector<FloatTensor> softmax_cross_entropy(const OpCall& call) {
    const FloatTensor& scores = call.in(0);
    if (scores.rank() < 2) call.fail("scores must be [N, C, ...], found " + shape_to_string(scores.shape));
    const AxisSplit s = split_at_axis(scores.shape, 1);
    FloatTensor log_prob(scores.shape);
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            auto at = [&](size_t k) { return (o * s.length + k) * s.inner + in; };
            double m = -INFINITY, sum = 0;
            for (size_t k = 0; k < s.length; ++k) m = std::max<double>(m, scores.data[at(k)]);
            for (size_t k = 0; k < s.length; ++k) sum += std::exp(scores.data[at(k)] - m);
            for (size_t k = 0; k < s.length; ++k) log_prob.data[at(k)] = static_cast<float>(scores.data[at(k)] - m - std::log(sum));
        }
    FloatTensor loss = nll(call, log_prob, call.in(1), call.has(2) ? &call.in(2) : nullptr);
    return {loss, log_prob};
}

}  // namespace

void register_loss_ops(KernelTable& t) {
    t["NegativeLogLikelihoodLoss"] = &nll_loss;
    t["SoftmaxCrossEntropyLoss"] = &softmax_cross_entropy;
}

}  // namespace ps::model
