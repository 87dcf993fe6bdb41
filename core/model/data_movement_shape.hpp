#pragma once
// Data movement that only rearranges values (ONNX Operators.md: Reshape, Flatten,
// Squeeze, Unsqueeze, Transpose, Concat, Split, Slice, Pad, Expand, Tile). Templates on T:
// the float executor and the fixed-point executor move values identically.
#include "core/model/tensor_index.hpp"

namespace ps::model::move {

// Reshape: 0 copies the input dim (unless allowzero), one -1 is inferred.
template <class T>
Tensor<T> reshape(const Tensor<T>& x, const std::vector<int64_t>& spec, bool allowzero = false) {
    Shape shape(spec.begin(), spec.end());
    int64_t infer_at = -1;
    size_t known = 1;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 0 && !allowzero) {
            if (i >= x.shape.size()) throw std::invalid_argument("reshape: 0 at position " + std::to_string(i) + " beyond the input rank");
            shape[i] = x.shape[i];
        }
        if (shape[i] == -1) {
            if (infer_at >= 0) throw std::invalid_argument("reshape: more than one -1 in the target shape");
            infer_at = static_cast<int64_t>(i);
        } else {
            known *= static_cast<size_t>(shape[i]);
        }
    }
    if (infer_at >= 0) shape[static_cast<size_t>(infer_at)] = known ? static_cast<int64_t>(x.size() / known) : 0;
    if (element_count(shape) != x.size())
        throw std::invalid_argument("reshape: cannot view " + shape_to_string(x.shape) + " as " + shape_to_string(shape));
    return Tensor<T>(shape, x.data);
}

template <class T>
Tensor<T> flatten(const Tensor<T>& x, int64_t axis) {
    const int64_t r = static_cast<int64_t>(x.rank());
    if (axis < 0) axis += r;
    if (axis < 0 || axis > r) throw std::invalid_argument("flatten: axis out of range");
    int64_t outer = 1;
    for (int64_t i = 0; i < axis; ++i) outer *= x.shape[static_cast<size_t>(i)];
    const int64_t inner = outer ? static_cast<int64_t>(x.size()) / outer : 0;
    return Tensor<T>({outer, inner}, x.data);
}

template <class T>
Tensor<T> squeeze(const Tensor<T>& x, std::vector<int64_t> axes) {
    std::vector<bool> drop(x.rank(), false);
    if (axes.empty()) {
        for (size_t d = 0; d < x.rank(); ++d) drop[d] = x.shape[d] == 1;
    } else {
        for (int64_t a : axes) {
            const size_t d = normalise_axis(a, x.rank());
            if (x.shape[d] != 1) throw std::invalid_argument("squeeze: axis " + std::to_string(a) + " has size " + std::to_string(x.shape[d]));
            drop[d] = true;
        }
    }
    Shape shape;
    for (size_t d = 0; d < x.rank(); ++d)
        if (!drop[d]) shape.push_back(x.shape[d]);
    return Tensor<T>(shape, x.data);
}

template <class T>
Tensor<T> unsqueeze(const Tensor<T>& x, const std::vector<int64_t>& axes) {
    const size_t out_rank = x.rank() + axes.size();
    std::vector<bool> inserted(out_rank, false);
    for (int64_t a : axes) inserted[normalise_axis(a, out_rank)] = true;
    Shape shape;
    size_t src = 0;
    for (size_t d = 0; d < out_rank; ++d) shape.push_back(inserted[d] ? 1 : x.shape[src++]);
    return Tensor<T>(shape, x.data);
}

template <class T>
Tensor<T> transpose(const Tensor<T>& x, std::vector<int64_t> perm) {
    const size_t r = x.rank();
    if (perm.empty())
        for (size_t d = r; d-- > 0;) perm.push_back(static_cast<int64_t>(d));
    if (perm.size() != r) throw std::invalid_argument("transpose: perm has " + std::to_string(perm.size()) + " entries for rank " + std::to_string(r));
    std::vector<bool> seen(r, false);  // a repeated axis would gather past the input
    for (int64_t p : perm) {
        const size_t a = normalise_axis(p, r);
        if (seen[a]) throw std::invalid_argument("transpose: perm names axis " + std::to_string(a) + " twice");
        seen[a] = true;
    }
    Shape shape(r);
    for (size_t d = 0; d < r; ++d) shape[d] = x.shape[normalise_axis(perm[d], r)];
    const std::vector<size_t> in_strides = strides_of(x.shape);
    std::vector<size_t> gather_strides(r);
    for (size_t d = 0; d < r; ++d) gather_strides[d] = in_strides[normalise_axis(perm[d], r)];
    Tensor<T> out(shape);
    std::vector<int64_t> idx;
    for (size_t flat = 0; flat < out.size(); ++flat) {
        unravel(flat, shape, idx);
        out.data[flat] = x.data[ravel(idx, gather_strides)];
    }
    return out;
}

template <class T>
Tensor<T> concat(const std::vector<const Tensor<T>*>& parts, int64_t axis_attr) {
    if (parts.empty()) throw std::invalid_argument("concat: no inputs");
    const size_t r = parts[0]->rank();
    const size_t axis = normalise_axis(axis_attr, r);
    Shape shape = parts[0]->shape;
    shape[axis] = 0;
    for (const Tensor<T>* p : parts) {
        if (p->rank() != r) throw std::invalid_argument("concat: inputs of rank " + std::to_string(r) + " and " + std::to_string(p->rank()));
        for (size_t d = 0; d < r; ++d)
            if (d != axis && p->shape[d] != parts[0]->shape[d])
                throw std::invalid_argument("concat: shapes " + shape_to_string(parts[0]->shape) + " and " + shape_to_string(p->shape) + " differ off the axis");
        shape[axis] += p->shape[axis];
    }
    Tensor<T> out;
    out.shape = shape;
    out.data.reserve(element_count(shape));
    const AxisSplit s = split_at_axis(shape, axis);
    for (size_t o = 0; o < s.outer; ++o)
        for (const Tensor<T>* p : parts) {
            const size_t block = static_cast<size_t>(p->shape[axis]) * s.inner;
            out.data.insert(out.data.end(), p->data.begin() + static_cast<std::ptrdiff_t>(o * block),
                            p->data.begin() + static_cast<std::ptrdiff_t>((o + 1) * block));
        }
    return out;
}

template <class T>
std::vector<Tensor<T>> split(const Tensor<T>& x, int64_t axis_attr, std::vector<int64_t> sizes, size_t outputs) {
    const size_t axis = normalise_axis(axis_attr, x.rank());
    const int64_t length = x.shape[axis];
    if (sizes.empty()) {  // equal parts, the last one smaller when it does not divide (opset 18)
        const int64_t part = (length + static_cast<int64_t>(outputs) - 1) / static_cast<int64_t>(outputs);
        for (size_t i = 0; i < outputs; ++i) sizes.push_back(std::min(part, length - part * static_cast<int64_t>(i)));
    }
    int64_t total = 0;
    for (int64_t v : sizes) {
        if (v < 0) throw std::invalid_argument("split: negative size " + std::to_string(v));
        total += v;
    }
    if (total != length) throw std::invalid_argument("split: sizes sum to " + std::to_string(total) + ", axis has " + std::to_string(length));
    const AxisSplit s = split_at_axis(x.shape, axis);
    std::vector<Tensor<T>> out;
    int64_t offset = 0;
    for (int64_t len : sizes) {
        Shape shape = x.shape;
        shape[axis] = len;
        Tensor<T> part;
        part.shape = shape;
        part.data.reserve(element_count(shape));
        for (size_t o = 0; o < s.outer; ++o) {
            auto begin = x.data.begin() + static_cast<std::ptrdiff_t>((o * s.length + static_cast<size_t>(offset)) * s.inner);
            part.data.insert(part.data.end(), begin, begin + static_cast<std::ptrdiff_t>(static_cast<size_t>(len) * s.inner));
        }
        out.push_back(std::move(part));
        offset += len;
    }
    return out;
}

// Slice (opset ≥ 10 semantics): starts/ends clamped per the spec, negative steps walk back.
template <class T>
Tensor<T> slice(const Tensor<T>& x, const std::vector<int64_t>& starts, const std::vector<int64_t>& ends,
                std::vector<int64_t> axes, std::vector<int64_t> steps) {
    const size_t r = x.rank();
    if (axes.empty())
        for (size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<int64_t>(i));
    if (steps.empty()) steps.assign(starts.size(), 1);
    if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
        throw std::invalid_argument("slice: starts, ends, axes and steps differ in length");
    std::vector<int64_t> first(r, 0), step(r, 1);
    Shape shape = x.shape;
    for (size_t i = 0; i < starts.size(); ++i) {
        const size_t d = normalise_axis(axes[i], r);
        const int64_t dim = x.shape[d], st = steps[i];
        if (st == 0) throw std::invalid_argument("slice: step 0");
        int64_t b = starts[i], e = ends[i];
        if (b < 0) b += dim;
        if (e < 0) e += dim;
        if (st > 0) {
            b = std::clamp<int64_t>(b, 0, dim);
            e = std::clamp<int64_t>(e, 0, dim);
            shape[d] = e > b ? (e - b + st - 1) / st : 0;
        } else {  // spec: starts clamp to [0, dim-1], ends to [-1, dim-1] when stepping back
            b = std::clamp<int64_t>(b, 0, dim - 1);
            e = std::clamp<int64_t>(e, -1, dim - 1);
            shape[d] = b > e ? (b - e - st - 1) / (-st) : 0;
        }
        first[d] = b;
        step[d] = st;
    }
    const std::vector<size_t> in_strides = strides_of(x.shape);
    Tensor<T> out(shape);
    std::vector<int64_t> idx;
    for (size_t flat = 0; flat < out.size(); ++flat) {
        unravel(flat, shape, idx);
        size_t src = 0;
        for (size_t d = 0; d < r; ++d) src += static_cast<size_t>(first[d] + idx[d] * step[d]) * in_strides[d];
        out.data[flat] = x.data[src];
    }
    return out;
}

// Pad: pads = [begin_0 .. begin_{k-1}, end_0 .. end_{k-1}] over `axes` (all when empty);
// negative pads crop. Modes constant, reflect, edge, wrap.
template <class T>
Tensor<T> pad(const Tensor<T>& x, const std::vector<int64_t>& pads, const std::string& mode, T constant,
              std::vector<int64_t> axes = {}) {
    const size_t r = x.rank();
    if (axes.empty())
        for (size_t d = 0; d < r; ++d) axes.push_back(static_cast<int64_t>(d));
    if (pads.size() != 2 * axes.size())
        throw std::invalid_argument("pad: " + std::to_string(pads.size()) + " pads for " + std::to_string(axes.size()) + " axes");
    std::vector<int64_t> begin(r, 0), end(r, 0);
    for (size_t i = 0; i < axes.size(); ++i) {
        const size_t d = normalise_axis(axes[i], r);
        begin[d] = pads[i];
        end[d] = pads[i + axes.size()];
    }
    Shape shape(r);
    for (size_t d = 0; d < r; ++d) shape[d] = x.shape[d] + begin[d] + end[d];
    const std::vector<size_t> in_strides = strides_of(x.shape);
    Tensor<T> out(shape);
    std::vector<int64_t> idx;
    for (size_t flat = 0; flat < out.size(); ++flat) {
        unravel(flat, shape, idx);
        bool outside = false;
        size_t src = 0;
        for (size_t d = 0; d < r && !outside; ++d) {
            int64_t i = idx[d] - begin[d];
            const int64_t n = x.shape[d];
            if (i < 0 || i >= n) {
                if (mode == "constant") { outside = true; break; }
                if (n == 0) throw std::invalid_argument("pad: cannot " + mode + "-pad an empty axis");
                if (mode == "edge") i = std::clamp<int64_t>(i, 0, n - 1);
                else if (mode == "wrap") i = ((i % n) + n) % n;
                else if (mode == "reflect") {
                    if (n == 1) i = 0;
                    else {
                        const int64_t period = 2 * (n - 1);
                        i = ((i % period) + period) % period;
                        if (i >= n) i = period - i;
                    }
                } else throw std::invalid_argument("pad: unknown mode '" + mode + "'");
            }
            src += static_cast<size_t>(i) * in_strides[d];
        }
        out.data[flat] = outside ? constant : x.data[src];
    }
    return out;
}

// Expand: bidirectional broadcast of x against `shape`.
template <class T>
Tensor<T> expand(const Tensor<T>& x, const std::vector<int64_t>& shape) {
    return broadcast_to(x, broadcast_shapes(x.shape, Shape(shape.begin(), shape.end())));
}

template <class T>
Tensor<T> tile(const Tensor<T>& x, const std::vector<int64_t>& repeats) {
    if (repeats.size() != x.rank()) throw std::invalid_argument("tile: repeats has " + std::to_string(repeats.size()) + " entries for rank " + std::to_string(x.rank()));
    Shape shape(x.rank());
    for (size_t d = 0; d < x.rank(); ++d)
        if (repeats[d] < 0 || __builtin_mul_overflow(x.shape[d], repeats[d], &shape[d]))
            throw std::invalid_argument("tile: repeats " + std::to_string(repeats[d]) + " on axis " + std::to_string(d) +
                                        " is negative or overflows");
    const std::vector<size_t> in_strides = strides_of(x.shape);
    Tensor<T> out(shape);
    std::vector<int64_t> idx;
    for (size_t flat = 0; flat < out.size(); ++flat) {
        unravel(flat, shape, idx);
        size_t src = 0;
        for (size_t d = 0; d < x.rank(); ++d) src += static_cast<size_t>(idx[d] % x.shape[d]) * in_strides[d];
        out.data[flat] = x.data[src];
    }
    return out;
}

}  // namespace ps::model::move
