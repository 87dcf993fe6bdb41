// Window geometry of the fixed-point convolution and pooling kernels (see the header).
#include "core/witness/conv_geometry.hpp"

#include "core/model/tensor_index.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ps::fixed {

using model::Shape;

namespace {

std::vector<int64_t> attr_or(const model::Node& n, const char* key, size_t rank, int64_t fill) {
    std::vector<int64_t> v = n.attr_ints(key);
    if (v.empty()) v.assign(rank, fill);
    return v;
}

}  // namespace

Window window_of(const model::Node& node, const model::Graph& graph, const Shape& x,
                 const std::vector<int64_t>& kernel) {
    Window w;
    w.rank = x.size() - 2;
    w.in.assign(x.begin() + 2, x.end());
    w.kernel = kernel;
    w.strides = attr_or(node, "strides", w.rank, 1);
    w.dilations = attr_or(node, "dilations", w.rank, 1);
    std::vector<int64_t> pads = attr_or(node, "pads", 2 * w.rank, 0);
    w.pad_begin.assign(pads.begin(), pads.begin() + long(w.rank));
    w.pad_end.assign(pads.begin() + long(w.rank), pads.end());
    const std::string auto_pad = node.attr_string("auto_pad", "NOTSET");
    const bool ceil_mode = node.attr_int("ceil_mode", 0) != 0;
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
            if (room < 0)
                throw std::invalid_argument("the window (" + std::to_string(span) + ") is larger than the padded input (" +
                                            std::to_string(w.in[d] + w.pad_begin[d] + w.pad_end[d]) + ") on spatial axis " +
                                            std::to_string(d));
            w.out[d] = (ceil_mode ? (room + w.strides[d] - 1) / w.strides[d] : room / w.strides[d]) + 1;
        }
    }
    if (auto it = graph.shapes.find(node.outputs.at(0));
        it != graph.shapes.end() && it->second.size() == x.size())
        for (size_t d = 0; d < w.rank; ++d)
            if (it->second[d + 2] > 0) w.out[d] = it->second[d + 2];
    return w;
}

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

TransposeTaps transpose_taps_of(const model::Node& node, const Shape& xs, const Shape& ws) {
    TransposeTaps t;
    const size_t rank = xs.size() - 2;
    t.in.assign(xs.begin() + 2, xs.end());
    t.kernel.assign(ws.begin() + 2, ws.end());
    const auto strides = attr_or(node, "strides", rank, 1), dil = attr_or(node, "dilations", rank, 1);
    const auto out_pad = attr_or(node, "output_padding", rank, 0);
    std::vector<int64_t> pads = attr_or(node, "pads", 2 * rank, 0);
    t.out.resize(rank);
    const std::vector<int64_t> explicit_out = node.attr_ints("output_shape");
    const std::string auto_pad = node.attr_string("auto_pad", "NOTSET");
    for (size_t d = 0; d < rank; ++d) {
        const int64_t full = strides[d] * (t.in[d] - 1) + out_pad[d] + (t.kernel[d] - 1) * dil[d] + 1;
        if (!explicit_out.empty() || auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
            const int64_t target = !explicit_out.empty() ? explicit_out[explicit_out.size() - rank + d] : t.in[d] * strides[d];
            const int64_t total = full - target;
            pads[d] = auto_pad == "SAME_UPPER" ? total / 2 : total - total / 2;
            pads[d + rank] = total - pads[d];
        }
        t.out[d] = full - pads[d] - pads[d + rank];
    }
    t.in_count = model::element_count(t.in);
    t.kernel_count = model::element_count(t.kernel);
    t.out_count = model::element_count(t.out);
    const auto out_strides = model::strides_of(t.out);
    t.land.resize(t.in_count * t.kernel_count);
    std::vector<int64_t> ii, kk;
    for (size_t i = 0; i < t.in_count; ++i) {
        model::unravel(i, t.in, ii);
        for (size_t k = 0; k < t.kernel_count; ++k) {
            model::unravel(k, t.kernel, kk);
            int64_t flat = 0;
            bool valid = true;
            for (size_t d = 0; d < rank; ++d) {
                const int64_t p = ii[d] * strides[d] - pads[d] + kk[d] * dil[d];
                if (p < 0 || p >= t.out[d]) valid = false;
                flat += p * int64_t(out_strides[d]);
            }
            t.land[i * t.kernel_count + k] = valid ? flat : -1;
        }
    }
    return t;
}

}  // namespace ps::fixed
