// Pooling (ONNX Operators.md: MaxPool, AveragePool, LpPool and their Global forms).
// AveragePool divides by the window cells inside the input, or inside the padded input
// when count_include_pad (cells beyond the padding added by ceil_mode never count).
#include "core/model/float_kernels.hpp"
#include "core/model/window_geometry.hpp"

namespace ps::model {
namespace {

enum class Pool { Max, Average, Lp };

template <Pool P>
std::vector<FloatTensor> pool(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    if (x.rank() < 3) call.fail("expects X [N, C, spatial...], found " + shape_to_string(x.shape));
    const Shape in(x.shape.begin() + 2, x.shape.end());
    const Shape kernel = call.node.attr_ints("kernel_shape");
    if (kernel.size() != in.size()) call.fail("kernel_shape has " + std::to_string(kernel.size()) + " dims, input has " + std::to_string(in.size()) + " spatial dims");
    const WindowGeometry g = make_window_geometry(call.node, in, kernel, call.node.attr_int("ceil_mode", 0) != 0);
    const bool include_pad = call.node.attr_int("count_include_pad", 0) != 0;
    const double p = static_cast<double>(call.node.attr_int("p", 2));
    const bool column_major = call.node.attr_int("storage_order", 0) != 0;
    std::vector<size_t> column_strides(in.size(), 1);  // Indices over the spatial dims in column-major order
    for (size_t d = 1; d < in.size(); ++d) column_strides[d] = column_strides[d - 1] * static_cast<size_t>(in[d - 1]);
    std::vector<int64_t> arg_idx;    Shape out_shape = {x.shape[0], x.shape[1]};
    out_shape.insert(out_shape.end(), g.output.begin(), g.output.end());
    FloatTensor y(out_shape), indices(out_shape);  // MaxPool's Indices: flat row-major index into X
    const size_t planes = static_cast<size_t>(x.shape[0] * x.shape[1]);
    for (size_t pl = 0; pl < planes; ++pl) {
        const float* xp = x.data.data() + pl * g.input_count;
        for (size_t o = 0; o < g.output_count; ++o) {
            const int64_t* off = g.offsets.data() + o * g.kernel_count;
            double acc = P == Pool::Max ? -INFINITY : 0.0;
            size_t count = 0, arg = 0;
            for (size_t k = 0; k < g.kernel_count; ++k) {
                if (off[k] >= 0) {
                    const double v = xp[off[k]];
                    if constexpr (P == Pool::Max) {
                        if (v > acc) acc = v, arg = static_cast<size_t>(off[k]);
                    } else if constexpr (P == Pool::Average) {
                        acc += v;
                    } else {
                        acc += std::pow(std::fabs(v), p);
                    }
                    ++count;
                } else if (off[k] == WindowGeometry::kPadding && include_pad) {
                    ++count;
                }
            }
            if (P == Pool::Average) acc = count ? acc / static_cast<double>(count) : 0.0;
            if (P == Pool::Lp) acc = std::pow(acc, 1.0 / p);
            y.data[pl * g.output_count + o] = static_cast<float>(acc);
            if (column_major) {
                unravel(arg, in, arg_idx);
                arg = ravel(arg_idx, column_strides);
            }
            indices.data[pl * g.output_count + o] = static_cast<float>(pl * g.input_count + arg);
        }
    }
    if (P == Pool::Max) return {y, indices};
    return {y};
}

template <Pool P>
std::vector<FloatTensor> global_pool(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    if (x.rank() < 3) call.fail("expects X [N, C, spatial...], found " + shape_to_string(x.shape));
    Shape out_shape(x.rank(), 1);
    out_shape[0] = x.shape[0];
    out_shape[1] = x.shape[1];
    const size_t planes = static_cast<size_t>(x.shape[0] * x.shape[1]), area = x.size() / std::max<size_t>(planes, 1);
    const double p = static_cast<double>(call.node.attr_int("p", 2));
    FloatTensor y(out_shape);
    for (size_t pl = 0; pl < planes; ++pl) {
        double acc = P == Pool::Max ? -INFINITY : 0.0;
        for (size_t i = 0; i < area; ++i) {
            const double v = x.data[pl * area + i];
            if (P == Pool::Max) acc = std::max(acc, v);
            else if (P == Pool::Average) acc += v;
            else acc += std::pow(std::fabs(v), p);
        }
        if (P == Pool::Average) acc /= static_cast<double>(area);
        if (P == Pool::Lp) acc = std::pow(acc, 1.0 / p);
        y.data[pl] = static_cast<float>(acc);
    }
    return {y};
}

// MaxUnpool(X, I, output_shape?): zeros with X's values placed at the flat indices I
// (MaxPool's Indices). Default spatial size (in − 1)·stride + kernel − pad_begin − pad_end.
std::vector<FloatTensor> max_unpool(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const FloatTensor& indices = call.in(1);
    const size_t k = x.rank() - 2;
    const auto kernel = call.node.attr_ints("kernel_shape");
    const auto strides = call.node.attr_ints("strides", std::vector<int64_t>(k, 1));
    const auto pads = call.node.attr_ints("pads", std::vector<int64_t>(2 * k, 0));
    if (kernel.size() != k) call.fail("kernel_shape has " + std::to_string(kernel.size()) + " dims, input has " + std::to_string(k) + " spatial dims");
    // Indices address the tensor MaxPool saw (the default shape); an explicit output_shape
    // (which may be larger) receives each value at the same coordinates (spec example).
    Shape pooled_input = {x.shape[0], x.shape[1]};
    for (size_t d = 0; d < k; ++d) pooled_input.push_back((x.shape[d + 2] - 1) * strides[d] + kernel[d] - pads[d] - pads[d + k]);
    const Shape out_shape = call.has(2) ? Shape(to_ints(call.in(2))) : pooled_input;
    if (indices.size() != x.size()) call.fail("I holds " + std::to_string(indices.size()) + " indices for " + std::to_string(x.size()) + " values");
    if (out_shape.size() != pooled_input.size()) call.fail("output_shape " + shape_to_string(out_shape) + " has the wrong rank");
    FloatTensor y(out_shape, 0.0f);
    const std::vector<size_t> out_strides = strides_of(out_shape);
    std::vector<int64_t> idx;
    for (size_t i = 0; i < x.size(); ++i) {
        const int64_t at = to_index(indices.data[i]);
        if (at < 0 || static_cast<size_t>(at) >= element_count(pooled_input))
            call.fail("index " + std::to_string(at) + " is outside the pooled input of " + std::to_string(element_count(pooled_input)) + " values");
        unravel(static_cast<size_t>(at), pooled_input, idx);
        for (size_t d = 0; d < idx.size(); ++d)
            if (idx[d] >= out_shape[d]) call.fail("output_shape " + shape_to_string(out_shape) + " is smaller than the pooled input");
        y.data[ravel(idx, out_strides)] = x.data[i];
    }
    return {y};
}

}  // namespace

void register_pooling_ops(KernelTable& t) {
    t["MaxPool"] = &pool<Pool::Max>;
    t["AveragePool"] = &pool<Pool::Average>;
    t["LpPool"] = &pool<Pool::Lp>;
    t["GlobalMaxPool"] = &global_pool<Pool::Max>;
    t["GlobalAveragePool"] = &global_pool<Pool::Average>;
    t["GlobalLpPool"] = &global_pool<Pool::Lp>;
    t["MaxUnpool"] = &max_unpool;
}

}  // namespace ps::model
