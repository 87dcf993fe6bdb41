// Unique (Operators.md): distinct elements (no axis: of the flattened input) or distinct
// slices along `axis`; outputs Y, indices of first occurrences, inverse indices, counts.
// sorted = 1 orders them ascending (slices lexicographically), else by first occurrence.
#include "core/model/float_kernels.hpp"

#include <numeric>

namespace ps::model {

std::vector<FloatTensor> unique_kernel(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const bool has_axis = call.node.has_attr("axis");
    const bool sorted = call.node.attr_int("sorted", 1) != 0;
    const Shape shape = has_axis ? x.shape : Shape{static_cast<int64_t>(x.size())};
    const size_t axis = has_axis ? normalise_axis(call.node.attr_int("axis", 0), x.rank()) : 0;
    const AxisSplit s = split_at_axis(shape, axis);
    auto slice = [&](size_t k) {
        std::vector<float> v;
        v.reserve(s.outer * s.inner);
        for (size_t o = 0; o < s.outer; ++o)
            for (size_t i = 0; i < s.inner; ++i) v.push_back(x.data[(o * s.length + k) * s.inner + i]);
        return v;
    };
    std::vector<std::vector<float>> slices;
    for (size_t k = 0; k < s.length; ++k) slices.push_back(slice(k));
    std::vector<size_t> first;           // first occurrence of each distinct slice
    std::vector<size_t> inverse(s.length);
    for (size_t k = 0; k < s.length; ++k) {
        size_t u = 0;
        while (u < first.size() && slices[first[u]] != slices[k]) ++u;
        if (u == first.size()) first.push_back(k);
        inverse[k] = u;
    }
    std::vector<size_t> order(first.size());
    std::iota(order.begin(), order.end(), 0);
    if (sorted) std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return slices[first[a]] < slices[first[b]]; });
    std::vector<size_t> rank_of(order.size());
    for (size_t r = 0; r < order.size(); ++r) rank_of[order[r]] = r;

    Shape y_shape = shape;
    y_shape[axis] = static_cast<int64_t>(order.size());
    FloatTensor y(y_shape), indices({static_cast<int64_t>(order.size())}), inv({static_cast<int64_t>(s.length)}),
        counts({static_cast<int64_t>(order.size())}, 0.0f);
    for (size_t r = 0; r < order.size(); ++r) {
        const std::vector<float>& v = slices[first[order[r]]];
        for (size_t o = 0; o < s.outer; ++o)
            for (size_t i = 0; i < s.inner; ++i) y.data[(o * order.size() + r) * s.inner + i] = v[o * s.inner + i];
        indices.data[r] = static_cast<float>(first[order[r]]);
    }
    for (size_t k = 0; k < s.length; ++k) {
        inv.data[k] = static_cast<float>(rank_of[inverse[k]]);
        counts.data[rank_of[inverse[k]]] += 1;
    }
    return {y, indices, inv, counts};
}

}  // namespace ps::model
