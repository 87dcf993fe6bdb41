#pragma once
// Index arithmetic shared by every kernel: strides, axis normalisation, broadcasting
// (numpy rules, ONNX "Broadcasting in ONNX" doc), multi-index walking. Header-only
// templates so the fixed-point executor uses the same code. Shape errors are thrown as
// std::invalid_argument; the executor turns them into ps::Error naming the node.
#include "core/model/graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace ps::model {

inline std::vector<size_t> strides_of(const Shape& shape) {
    std::vector<size_t> s(shape.size(), 1);
    for (size_t i = shape.size(); i-- > 1;) s[i - 1] = s[i] * static_cast<size_t>(shape[i]);
    return s;
}

// ONNX axes may be negative (counted from the end); valid range is [-rank, rank-1].
inline size_t normalise_axis(int64_t axis, size_t rank) {
    const int64_t r = static_cast<int64_t>(rank);
    if (axis < -r || axis >= r)
        throw std::invalid_argument("axis " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank));
    return static_cast<size_t>(axis < 0 ? axis + r : axis);
}

// float → int64 for index-like values; saturates (INT64_MAX in Slice ends arrives as 9.2e18f).
inline int64_t to_index(double v) {
    if (std::isnan(v)) return 0;
    if (v >= 9.2e18) return std::numeric_limits<int64_t>::max();
    if (v <= -9.2e18) return std::numeric_limits<int64_t>::min();
    return static_cast<int64_t>(std::llround(v));
}

template <class T>
std::vector<int64_t> to_ints(const Tensor<T>& t) {
    std::vector<int64_t> out;
    out.reserve(t.size());
    for (const T& v : t.data) out.push_back(to_index(static_cast<double>(v)));
    return out;
}

inline Shape broadcast_shapes(const Shape& a, const Shape& b) {
    const size_t rank = std::max(a.size(), b.size());
    Shape out(rank, 1);
    for (size_t i = 0; i < rank; ++i) {
        const int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
        const int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
        if (da != db && da != 1 && db != 1)
            throw std::invalid_argument("shapes " + shape_to_string(a) + " and " + shape_to_string(b) +
                                        " do not broadcast");
        out[i] = da == 1 ? db : da;
    }
    return out;
}

// For each flat output position of `out_shape`, the flat position in a tensor of shape
// `in_shape` that broadcasts to it.
inline std::vector<size_t> broadcast_map(const Shape& in_shape, const Shape& out_shape) {
    if (broadcast_shapes(in_shape, out_shape) != out_shape)
        throw std::invalid_argument("shape " + shape_to_string(in_shape) + " does not broadcast to " + shape_to_string(out_shape));
    const size_t n = checked_element_count(out_shape);
    std::vector<size_t> map(n);
    if (in_shape == out_shape) {
        for (size_t i = 0; i < n; ++i) map[i] = i;
        return map;
    }
    const size_t rank = out_shape.size(), offset = rank - in_shape.size();
    std::vector<size_t> in_strides(rank, 0);
    const std::vector<size_t> s = strides_of(in_shape);
    for (size_t i = 0; i < in_shape.size(); ++i) in_strides[i + offset] = in_shape[i] == 1 ? 0 : s[i];
    std::vector<int64_t> idx(rank, 0);
    size_t pos = 0;
    for (size_t flat = 0; flat < n; ++flat) {
        map[flat] = pos;
        for (size_t d = rank; d-- > 0;) {  // odometer increment
            if (++idx[d] < out_shape[d]) {
                pos += in_strides[d];
                break;
            }
            pos -= in_strides[d] * static_cast<size_t>(idx[d] - 1);
            idx[d] = 0;
        }
    }
    return map;
}

template <class T>
Tensor<T> broadcast_to(const Tensor<T>& x, const Shape& shape) {
    if (x.shape == shape) return x;
    const std::vector<size_t> map = broadcast_map(x.shape, shape);
    Tensor<T> out;
    out.shape = shape;
    out.data.resize(map.size());
    for (size_t i = 0; i < map.size(); ++i) out.data[i] = x.data[map[i]];
    return out;
}

// Decomposes a flat index into coordinates.
inline void unravel(size_t flat, const Shape& shape, std::vector<int64_t>& idx) {
    idx.resize(shape.size());
    for (size_t d = shape.size(); d-- > 0;) {
        idx[d] = static_cast<int64_t>(flat % static_cast<size_t>(shape[d]));
        flat /= static_cast<size_t>(shape[d]);
    }
}

inline size_t ravel(const std::vector<int64_t>& idx, const std::vector<size_t>& strides) {
    size_t flat = 0;
    for (size_t d = 0; d < idx.size(); ++d) flat += static_cast<size_t>(idx[d]) * strides[d];
    return flat;
}

// Splits a shape around `axis` into (outer, axis length, inner) extents.
struct AxisSplit {
    size_t outer = 1, length = 1, inner = 1;
};
inline AxisSplit split_at_axis(const Shape& shape, size_t axis) {
    AxisSplit s;
    for (size_t d = 0; d < shape.size(); ++d) {
        if (d < axis) s.outer *= static_cast<size_t>(shape[d]);
        else if (d == axis) s.length = static_cast<size_t>(shape[d]);
        else s.inner *= static_cast<size_t>(shape[d]);
    }
    return s;
}

}  // namespace ps::model
