// Ops that make tensors from shapes or nothing (ONNX Operators.md: Constant, Shape, Size,
// ConstantOfShape, Range, EyeLike, NonZero, OneHot). Most are folded at load time.
#include "core/model/float_kernels.hpp"

namespace ps::model {
namespace {

std::vector<FloatTensor> constant(const OpCall& call) {
    const Node& n = call.node;
    if (n.has_attr("value")) return {n.attrs.at("value").tensor};
    if (n.has_attr("value_float")) return {FloatTensor({}, n.attr_float("value_float", 0))};
    if (n.has_attr("value_int")) return {FloatTensor({}, static_cast<float>(n.attr_int("value_int", 0)))};
    if (n.has_attr("value_floats")) {
        auto v = n.attr_floats("value_floats");
        return {FloatTensor({static_cast<int64_t>(v.size())}, v)};
    }
    if (n.has_attr("value_ints")) {
        auto v = n.attr_ints("value_ints");
        FloatTensor t({static_cast<int64_t>(v.size())});
        for (size_t i = 0; i < v.size(); ++i) t.data[i] = static_cast<float>(v[i]);
        return {t};
    }
    call.fail("has no value attribute this executor understands (value, value_float(s), value_int(s))",
              "sparse and string constants are not supported");
}

std::vector<FloatTensor> shape(const OpCall& call) {
    const Shape& s = call.in(0).shape;
    const int64_t rank = static_cast<int64_t>(s.size());
    int64_t start = call.node.attr_int("start", 0), end = call.node.attr_int("end", rank);
    if (start < 0) start += rank;
    if (end < 0) end += rank;
    start = std::clamp<int64_t>(start, 0, rank);
    end = std::clamp<int64_t>(end, start, rank);
    FloatTensor out({end - start});
    for (int64_t i = start; i < end; ++i) out.data[static_cast<size_t>(i - start)] = static_cast<float>(s[static_cast<size_t>(i)]);
    return {out};
}

std::vector<FloatTensor> size(const OpCall& call) {
    return {FloatTensor({}, static_cast<float>(call.in(0).size()))};
}

std::vector<FloatTensor> constant_of_shape(const OpCall& call) {
    const std::vector<int64_t> dims = int_input(call, 0);
    float value = 0.0f;
    if (call.node.has_attr("value") && call.node.attrs.at("value").tensor.size())
        value = call.node.attrs.at("value").tensor.data[0];
    return {FloatTensor(Shape(dims.begin(), dims.end()), value)};
}

std::vector<FloatTensor> range(const OpCall& call) {
    const double start = scalar_input(call, 0, 0), limit = scalar_input(call, 1, 0), delta = scalar_input(call, 2, 1);
    if (delta == 0) call.fail("delta is 0");
    const int64_t count = std::max<int64_t>(static_cast<int64_t>(std::ceil((limit - start) / delta)), 0);
    FloatTensor out({count});
    for (int64_t i = 0; i < count; ++i) out.data[static_cast<size_t>(i)] = static_cast<float>(start + static_cast<double>(i) * delta);
    return {out};
}

std::vector<FloatTensor> eye_like(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    if (x.rank() != 2) call.fail("input must be 2-D, found " + shape_to_string(x.shape));
    const int64_t k = call.node.attr_int("k", 0);
    FloatTensor out(x.shape, 0.0f);
    for (int64_t i = 0; i < x.shape[0]; ++i) {
        const int64_t j = i + k;
        if (j >= 0 && j < x.shape[1]) out.data[static_cast<size_t>(i * x.shape[1] + j)] = 1.0f;
    }
    return {out};
}

// NonZero: [rank, count] coordinates of non-zero elements in row-major order.
std::vector<FloatTensor> non_zero(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const Shape shape = x.rank() ? x.shape : Shape{1};
    std::vector<size_t> hits;
    for (size_t i = 0; i < x.size(); ++i)
        if (x.data[i] != 0.0f) hits.push_back(i);
    FloatTensor out({static_cast<int64_t>(shape.size()), static_cast<int64_t>(hits.size())});
    std::vector<int64_t> idx;
    for (size_t h = 0; h < hits.size(); ++h) {
        unravel(hits[h], shape, idx);
        for (size_t d = 0; d < shape.size(); ++d) out.data[d * hits.size() + h] = static_cast<float>(idx[d]);
    }
    return {out};
}

// OneHot(indices, depth, values=[off, on]); negative indices count from depth.
std::vector<FloatTensor> one_hot(const OpCall& call) {
    const FloatTensor& indices = call.in(0);
    const int64_t depth = to_index(scalar_input(call, 1, 0));
    const FloatTensor& values = call.in(2);
    if (values.size() != 2) call.fail("values must hold [off, on], found " + std::to_string(values.size()) + " values");
    Shape shape = indices.shape;
    const size_t axis = normalise_axis(call.node.attr_int("axis", -1), shape.size() + 1);
    shape.insert(shape.begin() + static_cast<std::ptrdiff_t>(axis), depth);
    FloatTensor out(shape, values.data[0]);
    const AxisSplit s = split_at_axis(shape, axis);
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            int64_t k = to_index(indices.data[o * s.inner + in]);
            if (k < 0) k += depth;
            if (k >= 0 && k < depth) out.data[(o * s.length + static_cast<size_t>(k)) * s.inner + in] = values.data[1];
        }
    return {out};
}

// Window functions (opset 17): w[n] = Σ_k a_k·cos(2πkn/N'), N' = size (periodic) or size − 1.
template <int Kind>  // 0 Hann, 1 Hamming, 2 Blackman
std::vector<FloatTensor> window(const OpCall& call) {
    const int64_t size = to_index(scalar_input(call, 0, 0));
    const bool periodic = call.node.attr_int("periodic", 1) != 0;
    const double n_prime = static_cast<double>(periodic ? size : size - 1);
    FloatTensor out({size});
    for (int64_t n = 0; n < size; ++n) {
        const double t = 2.0 * M_PI * static_cast<double>(n) / n_prime;
        double v;
        if (Kind == 0) v = 0.5 - 0.5 * std::cos(t);
        else if (Kind == 1) v = 25.0 / 46.0 - 21.0 / 46.0 * std::cos(t);
        else v = 0.42 - 0.5 * std::cos(t) + 0.08 * std::cos(2 * t);
        out.data[static_cast<size_t>(n)] = static_cast<float>(v);
    }
    return {out};
}

}  // namespace

void register_shape_ops(KernelTable& t) {
    t["Constant"] = &constant;
    t["Shape"] = &shape;
    t["Size"] = &size;
    t["ConstantOfShape"] = &constant_of_shape;
    t["Range"] = &range;
    t["EyeLike"] = &eye_like;
    t["NonZero"] = &non_zero;
    t["OneHot"] = &one_hot;
    t["HannWindow"] = &window<0>;
    t["HammingWindow"] = &window<1>;
    t["BlackmanWindow"] = &window<2>;
}

}  // namespace ps::model
