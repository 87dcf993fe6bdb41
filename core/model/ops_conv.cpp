// Conv and ConvTranspose over any number of spatial dims (ONNX Operators.md).
//   Conv: X [N, C, D...], W [M, C/group, k...], B [M].
//   ConvTranspose: X [N, C, D...], W [C, M/group, k...]; each input value scatters
//   x·w into out[i·stride + k·dilation − pad_begin]; output size
//   stride·(in−1) + output_padding + dilation·(k−1) + 1 − pad_begin − pad_end, or the
//   pads implied by output_shape.
#include "core/model/float_kernels.hpp"
#include "core/model/window_geometry.hpp"

namespace ps::model {
namespace {

Shape spatial(const Shape& s) { return Shape(s.begin() + 2, s.end()); }

}  // namespace

// Conv on explicit operands (ConvInteger and QLinearConv feed shifted/dequantised ones).
std::vector<FloatTensor> conv_with_inputs(const OpCall& call, const FloatTensor& x, const FloatTensor& w, const FloatTensor* bias) {
    if (x.rank() < 3 || w.rank() != x.rank())
        call.fail("expects X [N, C, spatial...] and W of the same rank, found " + shape_to_string(x.shape) + " and " + shape_to_string(w.shape));
    const size_t group = static_cast<size_t>(call.node.attr_int("group", 1));
    const size_t n = static_cast<size_t>(x.shape[0]), c = static_cast<size_t>(x.shape[1]), m = static_cast<size_t>(w.shape[0]);
    const size_t cg = static_cast<size_t>(w.shape[1]);
    if (cg * group != c || m % group != 0)
        call.fail("channels: X has " + std::to_string(c) + ", W expects " + std::to_string(cg) + " per group × " + std::to_string(group) + " groups");
    const Shape kernel = call.node.attr_ints("kernel_shape", spatial(w.shape));
    if (kernel != spatial(w.shape)) call.fail("kernel_shape " + shape_to_string(kernel) + " differs from W's " + shape_to_string(spatial(w.shape)));
    if (bias && bias->size() != m) call.fail("B holds " + std::to_string(bias->size()) + " values for " + std::to_string(m) + " output channels");
    const WindowGeometry g = make_window_geometry(call.node, spatial(x.shape), kernel, false);
    Shape out_shape = {static_cast<int64_t>(n), static_cast<int64_t>(m)};
    out_shape.insert(out_shape.end(), g.output.begin(), g.output.end());
    FloatTensor y(out_shape);
    const size_t mg = m / group;
    std::vector<double> acc(g.output_count);
    for (size_t b = 0; b < n; ++b)
        for (size_t oc = 0; oc < m; ++oc) {
            const size_t grp = oc / mg;
            std::fill(acc.begin(), acc.end(), bias ? static_cast<double>(bias->data[oc]) : 0.0);
            for (size_t ic = 0; ic < cg; ++ic) {
                const float* xp = x.data.data() + (b * c + grp * cg + ic) * g.input_count;
                const float* wp = w.data.data() + (oc * cg + ic) * g.kernel_count;
                for (size_t o = 0; o < g.output_count; ++o) {
                    const int64_t* off = g.offsets.data() + o * g.kernel_count;
                    double s = 0;
                    for (size_t k = 0; k < g.kernel_count; ++k)
                        if (off[k] >= 0) s += static_cast<double>(xp[off[k]]) * wp[k];
                    acc[o] += s;
                }
            }
            float* yp = y.data.data() + (b * m + oc) * g.output_count;
            for (size_t o = 0; o < g.output_count; ++o) yp[o] = static_cast<float>(acc[o]);
        }
    return {y};
}

namespace {

std::vector<FloatTensor> conv(const OpCall& call) {
    return conv_with_inputs(call, call.in(0), call.in(1), call.has(2) ? &call.in(2) : nullptr);
}

std::vector<FloatTensor> conv_transpose(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const FloatTensor& w = call.in(1);
    if (x.rank() < 3 || w.rank() != x.rank())
        call.fail("expects X [N, C, spatial...] and W of the same rank, found " + shape_to_string(x.shape) + " and " + shape_to_string(w.shape));
    const Node& node = call.node;
    const size_t k = x.rank() - 2;
    const size_t group = static_cast<size_t>(node.attr_int("group", 1));
    const size_t n = static_cast<size_t>(x.shape[0]), c = static_cast<size_t>(x.shape[1]);
    const size_t mg = static_cast<size_t>(w.shape[1]), m = mg * group, cg = c / group;
    if (static_cast<size_t>(w.shape[0]) != c) call.fail("W has " + std::to_string(w.shape[0]) + " input channels, X has " + std::to_string(c));
    const Shape in = spatial(x.shape), kernel = node.attr_ints("kernel_shape", spatial(w.shape));
    if (kernel != spatial(w.shape)) call.fail("kernel_shape " + shape_to_string(kernel) + " differs from W's " + shape_to_string(spatial(w.shape)));
    if (call.has(2) && call.in(2).size() != m) call.fail("B holds " + std::to_string(call.in(2).size()) + " values for " + std::to_string(m) + " output channels");
    const auto strides = node.attr_ints("strides", std::vector<int64_t>(k, 1));
    const auto dilations = node.attr_ints("dilations", std::vector<int64_t>(k, 1));
    const auto out_pad = node.attr_ints("output_padding", std::vector<int64_t>(k, 0));
    auto pads = node.attr_ints("pads", std::vector<int64_t>(2 * k, 0));
    const auto output_shape = node.attr_ints("output_shape");
    const std::string auto_pad = node.attr_string("auto_pad", "NOTSET");
    if (strides.size() != k || dilations.size() != k || out_pad.size() != k || pads.size() != 2 * k ||
        (!output_shape.empty() && output_shape.size() < k))
        call.fail("strides/dilations/output_padding/pads/output_shape do not match " + std::to_string(k) + " spatial dims");
    Shape out(k);
    for (size_t d = 0; d < k; ++d) {
        const int64_t full = strides[d] * (in[d] - 1) + out_pad[d] + dilations[d] * (kernel[d] - 1) + 1;
        const bool same = auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER";
        if (!output_shape.empty() || same) {
            const int64_t target = !output_shape.empty() ? output_shape[output_shape.size() - k + d] : in[d] * strides[d];
            const int64_t total = full - target;
            // Spec: SAME_UPPER puts the smaller half first, otherwise the larger half; the
            // halves use floor division (Python //), which matters when total < 0 (an
            // output_shape larger than the natural one pads at the end).
            const int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);
            pads[d] = auto_pad == "SAME_UPPER" ? half : total - half;
            pads[d + k] = total - pads[d];
        } else if (auto_pad == "VALID") {
            pads[d] = pads[d + k] = 0;
        }
        out[d] = full - pads[d] - pads[d + k];
    }
    Shape out_shape = {static_cast<int64_t>(n), static_cast<int64_t>(m)};
    out_shape.insert(out_shape.end(), out.begin(), out.end());
    const size_t in_count = element_count(in), kernel_count = element_count(kernel), out_count = element_count(out);
    // Output offset for every (input position, kernel position), -1 when it falls outside.
    std::vector<int64_t> target(in_count * kernel_count);
    const std::vector<size_t> out_strides = strides_of(out);
    std::vector<int64_t> i_idx, k_idx;
    for (size_t i = 0; i < in_count; ++i) {
        unravel(i, in, i_idx);
        for (size_t kk = 0; kk < kernel_count; ++kk) {
            unravel(kk, kernel, k_idx);
            int64_t offset = 0;
            bool inside = true;
            for (size_t d = 0; d < k && inside; ++d) {
                const int64_t pos = i_idx[d] * strides[d] + k_idx[d] * dilations[d] - pads[d];
                inside = pos >= 0 && pos < out[d];
                offset += pos * static_cast<int64_t>(out_strides[d]);
            }
            target[i * kernel_count + kk] = inside ? offset : -1;
        }
    }
    std::vector<double> acc(out_count);
    FloatTensor y(out_shape);
    for (size_t b = 0; b < n; ++b)
        for (size_t oc = 0; oc < m; ++oc) {
            const size_t grp = oc / mg, ocg = oc % mg;
            std::fill(acc.begin(), acc.end(), call.has(2) ? static_cast<double>(call.in(2).data[oc]) : 0.0);
            for (size_t ic = 0; ic < cg; ++ic) {
                const size_t channel = grp * cg + ic;
                const float* xp = x.data.data() + (b * c + channel) * in_count;
                const float* wp = w.data.data() + (channel * mg + ocg) * kernel_count;
                for (size_t i = 0; i < in_count; ++i) {
                    const double xv = xp[i];
                    const int64_t* t = target.data() + i * kernel_count;
                    for (size_t kk = 0; kk < kernel_count; ++kk)
                        if (t[kk] >= 0) acc[static_cast<size_t>(t[kk])] += xv * wp[kk];
                }
            }
            float* yp = y.data.data() + (b * m + oc) * out_count;
            for (size_t o = 0; o < out_count; ++o) yp[o] = static_cast<float>(acc[o]);
        }
    return {y};
}

}  // namespace

void register_conv_ops(KernelTable& t) {
    t["Conv"] = &conv;
    t["ConvTranspose"] = &conv_transpose;
}

}  // namespace ps::model
