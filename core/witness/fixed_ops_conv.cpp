// Convolutions and average pooling in fixed point (ONNX Conv, ConvTranspose,
// AveragePool, GlobalAveragePool; N spatial dimensions). Dot products accumulate in
// i128 and are rebased once per output, as EZKL's einsum-based conv.
#include "core/model/op_registry.hpp"
#include "core/witness/fixed_tensor_ops.hpp"

namespace ps::fixed {
namespace {

using model::IntTensor;
using model::Shape;
using quant::i128;

struct Window {
    size_t rank = 0;                       // spatial dimensions
    std::vector<int64_t> in, out, kernel;  // spatial extents
    std::vector<int64_t> strides, dilations, pad_begin, pad_end;
};

std::vector<int64_t> attr_or(const model::Node& n, const char* key, size_t rank, int64_t fill) {
    std::vector<int64_t> v = n.attr_ints(key);
    if (v.empty()) v.assign(rank, fill);
    return v;
}

// Spatial geometry of a Conv/Pool node; the output extent comes from shape inference
// when it is known (it covers ceil_mode), else from the ONNX formulas.
Window window_of(const FixedCall& call, const Shape& x, const std::vector<int64_t>& kernel) {
    Window w;
    w.rank = x.size() - 2;
    w.in.assign(x.begin() + 2, x.end());
    w.kernel = kernel;
    w.strides = attr_or(call.node, "strides", w.rank, 1);
    w.dilations = attr_or(call.node, "dilations", w.rank, 1);
    std::vector<int64_t> pads = attr_or(call.node, "pads", 2 * w.rank, 0);
    w.pad_begin.assign(pads.begin(), pads.begin() + long(w.rank));
    w.pad_end.assign(pads.begin() + long(w.rank), pads.end());
    const std::string auto_pad = call.node.attr_string("auto_pad", "NOTSET");
    const bool ceil_mode = call.node.attr_int("ceil_mode", 0) != 0;
    w.out.resize(w.rank);
    for (size_t d = 0; d < w.rank; ++d) {
        const int64_t span = (w.kernel[d] - 1) * w.dilations[d] + 1;
        if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
            w.out[d] = (w.in[d] + w.strides[d] - 1) / w.strides[d];
            const int64_t total = std::max<int64_t>(0, (w.out[d] - 1) * w.strides[d] + span - w.in[d]);
            w.pad_begin[d] = auto_pad == "SAME_UPPER" ? total / 2 : total - total / 2;
            w.pad_end[d] = total - w.pad_begin[d];
        } else {
            if (auto_pad == "VALID") w.pad_begin[d] = w.pad_end[d] = 0;
            const int64_t room = w.in[d] + w.pad_begin[d] + w.pad_end[d] - span;
            w.out[d] = (ceil_mode ? (room + w.strides[d] - 1) / w.strides[d] : room / w.strides[d]) + 1;
        }
    }
    if (auto it = call.env.graph.shapes.find(call.node.outputs.at(0));
        it != call.env.graph.shapes.end() && it->second.size() == x.size())
        for (size_t d = 0; d < w.rank; ++d)
            if (it->second[d + 2] > 0) w.out[d] = it->second[d + 2];
    return w;
}

// For every (output position, kernel position) pair the input position it reads, or −1
// when it falls into padding; `inside_pads` tells padding from beyond-the-pads.
struct Taps {
    size_t out_count = 0, kernel_count = 0;
    std::vector<int64_t> input;       // out_count × kernel_count
    std::vector<uint8_t> inside_pads; // 1 when within the explicit pads
};

Taps taps_of(const Window& w) {
    Taps t;
    t.out_count = model::element_count(w.out);
    t.kernel_count = model::element_count(w.kernel);
    t.input.resize(t.out_count * t.kernel_count);
    t.inside_pads.resize(t.input.size());
    const auto in_strides = model::strides_of(w.in);
    std::vector<int64_t> o, k;
    for (size_t oi = 0; oi < t.out_count; ++oi) {
        model::unravel(oi, w.out, o);
        for (size_t ki = 0; ki < t.kernel_count; ++ki) {
            model::unravel(ki, w.kernel, k);
            int64_t flat = 0;
            bool valid = true, padded = true;
            for (size_t d = 0; d < w.rank; ++d) {
                const int64_t p = o[d] * w.strides[d] - w.pad_begin[d] + k[d] * w.dilations[d];
                if (p < 0 || p >= w.in[d]) valid = false;
                if (p < -w.pad_begin[d] || p >= w.in[d] + w.pad_end[d]) padded = false;
                flat += p * int64_t(in_strides[d]);
            }
            t.input[oi * t.kernel_count + ki] = valid ? flat : -1;
            t.inside_pads[oi * t.kernel_count + ki] = padded;
        }
    }
    return t;
}

FixedResult conv(const FixedCall& call) {
    const FixedTensor x = call.natural(0), w = call.natural(1);
    const Shape& xs = x.t.shape;
    const Shape& ws = w.t.shape;
    if (xs.size() < 3 || ws.size() != xs.size()) call.fail("Conv needs input and weight of the same rank >= 3");
    const int64_t n = xs[0], c = xs[1], m = ws[0], group = call.node.attr_int("group", 1);
    const int64_t cg = c / group, mg = m / group;
    if (ws[1] != cg) call.fail("Conv weight has " + std::to_string(ws[1]) + " input channels per group, expected " + std::to_string(cg));
    const Window win = window_of(call, xs, Shape(ws.begin() + 2, ws.end()));
    const Taps taps = taps_of(win);
    const size_t in_sp = model::element_count(win.in), out_sp = taps.out_count, k_sp = taps.kernel_count;
    Shape out_shape{n, m};
    out_shape.insert(out_shape.end(), win.out.begin(), win.out.end());
    WideTensor y(out_shape);
    const Scale s = x.scale + w.scale;
    FixedTensor bias;
    if (call.present(2)) bias = call.at_scale(2, s);
    for (int64_t b = 0; b < n; ++b)
        for (int64_t oc = 0; oc < m; ++oc) {
            const int64_t g = oc / mg;
            i128* Y = y.data.data() + size_t(b * m + oc) * out_sp;
            for (size_t oi = 0; oi < out_sp; ++oi) {
                i128 acc = call.present(2) ? i128(bias.t.data[size_t(oc)]) : 0;
                for (int64_t ic = 0; ic < cg; ++ic) {
                    const int64_t* X = x.t.data.data() + size_t(b * c + g * cg + ic) * in_sp;
                    const int64_t* W = w.t.data.data() + size_t(oc * cg + ic) * k_sp;
                    const int64_t* tap = taps.input.data() + oi * k_sp;
                    for (size_t ki = 0; ki < k_sp; ++ki)
                        if (tap[ki] >= 0) acc += i128(X[tap[ki]]) * W[ki];
                }
                Y[oi] = acc;
            }
        }
    call.add_cells(3 * uint64_t(y.size()) * uint64_t(cg) * k_sp);
    return {{call.rebase(std::move(y), s)}, ProofKind::Linear};
}

FixedResult conv_transpose(const FixedCall& call) {
    const FixedTensor x = call.natural(0), w = call.natural(1);
    const Shape& xs = x.t.shape;
    const Shape& ws = w.t.shape;
    if (xs.size() < 3 || ws.size() != xs.size()) call.fail("ConvTranspose needs input and weight of the same rank >= 3");
    const int64_t n = xs[0], c = xs[1], group = call.node.attr_int("group", 1);
    const int64_t cg = c / group, mg = ws[1], m = mg * group;
    const size_t rank = xs.size() - 2;
    std::vector<int64_t> in(xs.begin() + 2, xs.end()), kernel(ws.begin() + 2, ws.end());
    const auto strides = attr_or(call.node, "strides", rank, 1), dil = attr_or(call.node, "dilations", rank, 1);
    const auto out_pad = attr_or(call.node, "output_padding", rank, 0);
    std::vector<int64_t> pads = attr_or(call.node, "pads", 2 * rank, 0), out(rank);
    const std::vector<int64_t> explicit_out = call.node.attr_ints("output_shape");
    const std::string auto_pad = call.node.attr_string("auto_pad", "NOTSET");
    for (size_t d = 0; d < rank; ++d) {
        const int64_t full = strides[d] * (in[d] - 1) + out_pad[d] + (kernel[d] - 1) * dil[d] + 1;
        if (!explicit_out.empty() || auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
            const int64_t target = !explicit_out.empty() ? explicit_out[explicit_out.size() - rank + d] : in[d] * strides[d];
            const int64_t total = full - target;
            pads[d] = auto_pad == "SAME_UPPER" ? total / 2 : total - total / 2;
            pads[d + rank] = total - pads[d];
        }
        out[d] = full - pads[d] - pads[d + rank];
    }
    Shape out_shape{n, m};
    out_shape.insert(out_shape.end(), out.begin(), out.end());
    const Scale s = x.scale + w.scale;
    WideTensor y(out_shape);
    const size_t in_sp = model::element_count(in), out_sp = model::element_count(out), k_sp = model::element_count(kernel);
    const auto out_strides = model::strides_of(out);
    // Where each (input position, kernel position) lands in the output, or −1.
    std::vector<int64_t> land(in_sp * k_sp);
    std::vector<int64_t> ii, kk;
    for (size_t i = 0; i < in_sp; ++i) {
        model::unravel(i, in, ii);
        for (size_t k = 0; k < k_sp; ++k) {
            model::unravel(k, kernel, kk);
            int64_t flat = 0;
            bool valid = true;
            for (size_t d = 0; d < rank; ++d) {
                const int64_t p = ii[d] * strides[d] - pads[d] + kk[d] * dil[d];
                if (p < 0 || p >= out[d]) valid = false;
                flat += p * int64_t(out_strides[d]);
            }
            land[i * k_sp + k] = valid ? flat : -1;
        }
    }
    for (int64_t b = 0; b < n; ++b)
        for (int64_t ic = 0; ic < c; ++ic) {
            const int64_t g = ic / cg;
            const int64_t* X = x.t.data.data() + size_t(b * c + ic) * in_sp;
            for (int64_t j = 0; j < mg; ++j) {
                const int64_t oc = g * mg + j;
                const int64_t* W = w.t.data.data() + size_t(ic * mg + j) * k_sp;
                i128* Y = y.data.data() + size_t(b * m + oc) * out_sp;
                for (size_t i = 0; i < in_sp; ++i)
                    for (size_t k = 0; k < k_sp; ++k)
                        if (const int64_t at = land[i * k_sp + k]; at >= 0) Y[at] += i128(X[i]) * W[k];
            }
        }
    if (call.present(2)) {
        const FixedTensor bias = call.at_scale(2, s);
        for (int64_t b = 0; b < n; ++b)
            for (int64_t oc = 0; oc < m; ++oc)
                for (size_t o = 0; o < out_sp; ++o) y.data[size_t(b * m + oc) * out_sp + o] += bias.t.data[size_t(oc)];
    }
    call.add_cells(3 * uint64_t(n) * uint64_t(c) * uint64_t(mg) * in_sp * k_sp);
    return {{call.rebase(std::move(y), s)}, ProofKind::Linear};
}

FixedResult average_pool(const FixedCall& call) {
    const FixedTensor x = call.natural(0);
    const Window win = window_of(call, x.t.shape, call.node.attr_ints("kernel_shape"));
    const Taps taps = taps_of(win);
    const bool include_pad = call.node.attr_int("count_include_pad", 0) != 0;
    const size_t in_sp = model::element_count(win.in), channels = size_t(x.t.shape[0] * x.t.shape[1]);
    Shape out_shape{x.t.shape[0], x.t.shape[1]};
    out_shape.insert(out_shape.end(), win.out.begin(), win.out.end());
    WideTensor y(out_shape);
    int64_t largest = 1;
    for (size_t ch = 0; ch < channels; ++ch)
        for (size_t oi = 0; oi < taps.out_count; ++oi) {
            i128 acc = 0;
            int64_t count = 0;
            for (size_t ki = 0; ki < taps.kernel_count; ++ki) {
                const int64_t at = taps.input[oi * taps.kernel_count + ki];
                if (at >= 0) {
                    acc += x.t.data[ch * in_sp + size_t(at)];
                    ++count;
                } else if (include_pad && taps.inside_pads[oi * taps.kernel_count + ki]) {
                    ++count;
                }
            }
            largest = std::max(largest, count);
            y.data[ch * taps.out_count + oi] = count ? quant::div_round(acc, count) : 0;
        }
    call.env.stats.range_checks.insert({0, largest - 1});
    call.add_cells(uint64_t(y.size()) * (taps.kernel_count + 4));
    return {{call.narrow(y, x.scale)}, ProofKind::Linear};
}

FixedResult global_average_pool(const FixedCall& call) {
    const FixedTensor x = call.natural(0);
    std::vector<int64_t> axes;
    for (size_t d = 2; d < x.t.rank(); ++d) axes.push_back(int64_t(d));
    const ReductionPlan p = plan_reduction(x.t.shape, axes, true);
    WideTensor y(p.out_shape);
    for (size_t i = 0; i < x.t.size(); ++i) y.data[p.target[i]] += x.t.data[i];
    for (auto& v : y.data) v = quant::div_round(v, i128(p.group));
    call.env.stats.range_checks.insert({0, int64_t(p.group) - 1});
    call.add_cells(2 * x.t.size() + 4 * y.size());
    return {{call.narrow(y, x.scale)}, ProofKind::Linear};
}

}  // namespace

void register_fixed_conv_ops(FixedKernelTable& t) {
    t["Conv"] = &conv;
    t["ConvTranspose"] = &conv_transpose;
    t["AveragePool"] = &average_pool;
    t["GlobalAveragePool"] = &global_average_pool;
}

}  // namespace ps::fixed
