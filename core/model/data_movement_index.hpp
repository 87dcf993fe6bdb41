#pragma once
// Data movement driven by index tensors (ONNX Operators.md: Gather, GatherElements,
// GatherND, ScatterElements, ScatterND, Where, Trilu, DepthToSpace, SpaceToDepth).
// Templates on T; indices are plain integers for both executors. Negative indices count
// from the end of their axis, as the spec allows.
#include "core/model/tensor_index.hpp"

namespace ps::model::move {

inline int64_t wrap_index(int64_t i, int64_t dim, const char* op) {
    if (i < -dim || i >= dim)
        throw std::invalid_argument(std::string(op) + ": index " + std::to_string(i) + " is out of range for an axis of " + std::to_string(dim));
    return i < 0 ? i + dim : i;
}

template <class T>
Tensor<T> gather(const Tensor<T>& x, const IntTensor& indices, int64_t axis_attr) {
    const size_t axis = normalise_axis(axis_attr, x.rank());
    const AxisSplit s = split_at_axis(x.shape, axis);
    Shape shape(x.shape.begin(), x.shape.begin() + static_cast<std::ptrdiff_t>(axis));
    shape.insert(shape.end(), indices.shape.begin(), indices.shape.end());
    shape.insert(shape.end(), x.shape.begin() + static_cast<std::ptrdiff_t>(axis) + 1, x.shape.end());
    Tensor<T> out;
    out.shape = shape;
    out.data.reserve(element_count(shape));
    for (size_t o = 0; o < s.outer; ++o)
        for (int64_t raw : indices.data) {
            const size_t i = static_cast<size_t>(wrap_index(raw, static_cast<int64_t>(s.length), "Gather"));
            auto begin = x.data.begin() + static_cast<std::ptrdiff_t>((o * s.length + i) * s.inner);
            out.data.insert(out.data.end(), begin, begin + static_cast<std::ptrdiff_t>(s.inner));
        }
    return out;
}

template <class T>
Tensor<T> gather_elements(const Tensor<T>& x, const IntTensor& indices, int64_t axis_attr) {
    const size_t axis = normalise_axis(axis_attr, x.rank());
    if (indices.rank() != x.rank()) throw std::invalid_argument("GatherElements: indices rank differs from data rank");
    for (size_t d = 0; d < x.rank(); ++d)
        if (d != axis && indices.shape[d] > x.shape[d]) throw std::invalid_argument("GatherElements: indices " + shape_to_string(indices.shape) + " exceed data " + shape_to_string(x.shape) + " off the axis");
    const std::vector<size_t> in_strides = strides_of(x.shape);
    Tensor<T> out(indices.shape);
    std::vector<int64_t> idx;
    for (size_t flat = 0; flat < out.size(); ++flat) {
        unravel(flat, indices.shape, idx);
        idx[axis] = wrap_index(indices.data[flat], x.shape[axis], "GatherElements");
        out.data[flat] = x.data[ravel(idx, in_strides)];
    }
    return out;
}

// Offsets (into x) of the slices GatherND/ScatterND address, one per index tuple, and the
// slice length. indices: [batch..., n..., k]; batch_dims leading dims are shared with x.
template <class T>
std::pair<std::vector<size_t>, size_t> nd_offsets(const Tensor<T>& x, const IntTensor& indices, size_t batch_dims, const char* op) {
    if (indices.rank() < 1) throw std::invalid_argument(std::string(op) + ": indices must have rank >= 1");
    const size_t k = static_cast<size_t>(indices.shape.back());
    if (indices.rank() <= batch_dims || x.rank() < batch_dims)
        throw std::invalid_argument(std::string(op) + ": indices and data ranks must exceed batch_dims");
    for (size_t d = 0; d < batch_dims; ++d)
        if (indices.shape[d] != x.shape[d]) throw std::invalid_argument(std::string(op) + ": batch dims of indices and data differ");
    if (batch_dims + k > x.rank()) throw std::invalid_argument(std::string(op) + ": index tuples of length " + std::to_string(k) + " exceed the data rank");
    const std::vector<size_t> x_strides = strides_of(x.shape);
    size_t slice = 1;
    for (size_t d = batch_dims + k; d < x.rank(); ++d) slice *= static_cast<size_t>(x.shape[d]);
    size_t batch_count = 1;
    for (size_t d = 0; d < batch_dims; ++d) batch_count *= static_cast<size_t>(x.shape[d]);
    const size_t tuples = k ? indices.size() / k : element_count(Shape(indices.shape.begin(), indices.shape.end() - 1));
    const size_t per_batch = batch_count ? tuples / batch_count : 0;
    const size_t batch_stride = batch_dims ? x_strides[batch_dims - 1] : 0;
    std::vector<size_t> offsets(tuples);
    for (size_t t = 0; t < tuples; ++t) {
        size_t off = per_batch ? (t / per_batch) * batch_stride : 0;
        for (size_t j = 0; j < k; ++j) {
            const size_t d = batch_dims + j;
            off += static_cast<size_t>(wrap_index(indices.data[t * k + j], x.shape[d], op)) * x_strides[d];
        }
        offsets[t] = off;
    }
    return {offsets, slice};
}

template <class T>
Tensor<T> gather_nd(const Tensor<T>& x, const IntTensor& indices, int64_t batch_dims) {
    const auto [offsets, slice] = nd_offsets(x, indices, static_cast<size_t>(batch_dims), "GatherND");
    const size_t k = static_cast<size_t>(indices.shape.back());
    Shape shape(indices.shape.begin(), indices.shape.end() - 1);
    shape.insert(shape.end(), x.shape.begin() + static_cast<std::ptrdiff_t>(batch_dims + static_cast<int64_t>(k)), x.shape.end());
    Tensor<T> out;
    out.shape = shape;
    out.data.reserve(element_count(shape));
    for (size_t off : offsets)
        out.data.insert(out.data.end(), x.data.begin() + static_cast<std::ptrdiff_t>(off),
                        x.data.begin() + static_cast<std::ptrdiff_t>(off + slice));
    return out;
}

// reduction: "none" (overwrite), "add", "mul", "max", "min" (ScatterElements-16/18).
template <class T>
void scatter_combine(T& dst, const T& v, const std::string& reduction) {
    if (reduction == "none") dst = v;
    else if (reduction == "add") dst = dst + v;
    else if (reduction == "mul") dst = dst * v;
    else if (reduction == "max") dst = std::max(dst, v);
    else if (reduction == "min") dst = std::min(dst, v);
    else throw std::invalid_argument("scatter: unknown reduction '" + reduction + "'");
}

template <class T>
Tensor<T> scatter_elements(const Tensor<T>& x, const IntTensor& indices, const Tensor<T>& updates,
                           int64_t axis_attr, const std::string& reduction) {
    const size_t axis = normalise_axis(axis_attr, x.rank());
    if (indices.shape != updates.shape) throw std::invalid_argument("ScatterElements: indices and updates differ in shape");
    if (indices.rank() != x.rank()) throw std::invalid_argument("ScatterElements: indices rank differs from data rank");
    for (size_t d = 0; d < x.rank(); ++d)
        if (d != axis && indices.shape[d] > x.shape[d]) throw std::invalid_argument("ScatterElements: indices " + shape_to_string(indices.shape) + " exceed data " + shape_to_string(x.shape) + " off the axis");
    const std::vector<size_t> out_strides = strides_of(x.shape);
    Tensor<T> out = x;
    std::vector<int64_t> idx;
    for (size_t flat = 0; flat < indices.size(); ++flat) {
        unravel(flat, indices.shape, idx);
        idx[axis] = wrap_index(indices.data[flat], x.shape[axis], "ScatterElements");
        scatter_combine(out.data[ravel(idx, out_strides)], updates.data[flat], reduction);
    }
    return out;
}

template <class T>
Tensor<T> scatter_nd(const Tensor<T>& x, const IntTensor& indices, const Tensor<T>& updates, const std::string& reduction) {
    const auto [offsets, slice] = nd_offsets(x, indices, 0, "ScatterND");
    if (updates.size() != offsets.size() * slice)
        throw std::invalid_argument("ScatterND: updates hold " + std::to_string(updates.size()) + " values, expected " + std::to_string(offsets.size() * slice));
    Tensor<T> out = x;
    for (size_t t = 0; t < offsets.size(); ++t)
        for (size_t j = 0; j < slice; ++j) scatter_combine(out.data[offsets[t] + j], updates.data[t * slice + j], reduction);
    return out;
}

template <class T>
Tensor<T> where(const IntTensor& condition, const Tensor<T>& a, const Tensor<T>& b) {
    const Shape shape = broadcast_shapes(broadcast_shapes(condition.shape, a.shape), b.shape);
    const auto mc = broadcast_map(condition.shape, shape), ma = broadcast_map(a.shape, shape), mb = broadcast_map(b.shape, shape);
    Tensor<T> out(shape);
    for (size_t i = 0; i < out.size(); ++i) out.data[i] = condition.data[mc[i]] ? a.data[ma[i]] : b.data[mb[i]];
    return out;
}

// Trilu: keeps the upper (j - i >= k) or lower (j - i <= k) triangle of the last two dims.
template <class T>
Tensor<T> trilu(const Tensor<T>& x, int64_t k, bool upper) {
    if (x.rank() < 2) throw std::invalid_argument("Trilu: input rank must be >= 2");
    const int64_t rows = x.shape[x.rank() - 2], cols = x.shape[x.rank() - 1];
    Tensor<T> out = x;
    for (size_t flat = 0; flat < out.size(); ++flat) {
        const int64_t j = static_cast<int64_t>(flat % static_cast<size_t>(cols));
        const int64_t i = static_cast<int64_t>((flat / static_cast<size_t>(cols)) % static_cast<size_t>(rows));
        const bool keep = upper ? j - i >= k : j - i <= k;
        if (!keep) out.data[flat] = T{};
    }
    return out;
}

// ReverseSequence: for each batch entry b, reverse its first lens[b] steps along time_axis.
template <class T>
Tensor<T> reverse_sequence(const Tensor<T>& x, const IntTensor& lens, int64_t batch_axis_attr, int64_t time_axis_attr) {
    const size_t batch_axis = normalise_axis(batch_axis_attr, x.rank()), time_axis = normalise_axis(time_axis_attr, x.rank());
    const std::vector<size_t> strides = strides_of(x.shape);
    Tensor<T> out(x.shape);
    std::vector<int64_t> idx;
    for (size_t flat = 0; flat < x.size(); ++flat) {
        unravel(flat, x.shape, idx);
        const int64_t len = lens.data.at(static_cast<size_t>(idx[batch_axis]));
        if (len < 0 || len > x.shape[time_axis]) throw std::invalid_argument("ReverseSequence: length " + std::to_string(len) + " exceeds the time axis");
        if (idx[time_axis] < len) idx[time_axis] = len - 1 - idx[time_axis];
        out.data[ravel(idx, strides)] = x.data[flat];
    }
    return out;
}

// Compress: keep the slices along `axis` whose condition is true (a shorter condition
// keeps nothing beyond its end); without an axis, select from the flattened input.
template <class T>
Tensor<T> compress(const Tensor<T>& x, const IntTensor& condition, bool has_axis, int64_t axis_attr) {
    if (!has_axis) {
        Tensor<T> out;
        for (size_t i = 0; i < x.size() && i < condition.size(); ++i)
            if (condition.data[i]) out.data.push_back(x.data[i]);
        out.shape = {static_cast<int64_t>(out.data.size())};
        return out;
    }
    const size_t axis = normalise_axis(axis_attr, x.rank());
    const AxisSplit s = split_at_axis(x.shape, axis);
    std::vector<size_t> keep;
    for (size_t k = 0; k < s.length && k < condition.size(); ++k)
        if (condition.data[k]) keep.push_back(k);
    Shape shape = x.shape;
    shape[axis] = static_cast<int64_t>(keep.size());
    Tensor<T> out;
    out.shape = shape;
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t k : keep) {
            auto begin = x.data.begin() + static_cast<std::ptrdiff_t>((o * s.length + k) * s.inner);
            out.data.insert(out.data.end(), begin, begin + static_cast<std::ptrdiff_t>(s.inner));
        }
    return out;
}

}  // namespace ps::model::move
