#include "core/model/window_geometry.hpp"
#include "core/model/tensor_index.hpp"

namespace ps::model {

WindowGeometry make_window_geometry(const Node& node, const Shape& input, const Shape& kernel, bool ceil_mode) {
    const size_t k = input.size();
    WindowGeometry g;
    g.input = input;
    g.kernel = kernel;
    g.strides = node.attr_ints("strides", std::vector<int64_t>(k, 1));
    g.dilations = node.attr_ints("dilations", std::vector<int64_t>(k, 1));
    std::vector<int64_t> pads = node.attr_ints("pads", std::vector<int64_t>(2 * k, 0));
    if (g.strides.size() != k || g.dilations.size() != k || pads.size() != 2 * k || kernel.size() != k)
        throw std::invalid_argument("strides/dilations/pads/kernel_shape do not match " + std::to_string(k) + " spatial dims");
    const std::string auto_pad = node.attr_string("auto_pad", "NOTSET");
    g.pad_begin.assign(pads.begin(), pads.begin() + static_cast<std::ptrdiff_t>(k));
    g.pad_end.assign(pads.begin() + static_cast<std::ptrdiff_t>(k), pads.end());
    g.output.resize(k);
    for (size_t d = 0; d < k; ++d) {
        const int64_t extent = g.dilations[d] * (kernel[d] - 1) + 1;
        if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
            const int64_t out = (input[d] + g.strides[d] - 1) / g.strides[d];
            const int64_t total = std::max<int64_t>(0, (out - 1) * g.strides[d] + extent - input[d]);
            g.pad_begin[d] = auto_pad == "SAME_UPPER" ? total / 2 : total - total / 2;
            g.pad_end[d] = total - g.pad_begin[d];
            g.output[d] = out;
            continue;
        }
        if (auto_pad == "VALID") g.pad_begin[d] = g.pad_end[d] = 0;
        const int64_t span = input[d] + g.pad_begin[d] + g.pad_end[d] - extent;
        if (span < 0) throw std::invalid_argument("the window (" + std::to_string(extent) + ") is larger than the padded input (" + std::to_string(input[d] + g.pad_begin[d] + g.pad_end[d]) + ")");
        int64_t out = (ceil_mode ? (span + g.strides[d] - 1) / g.strides[d] : span / g.strides[d]) + 1;
        // A ceil_mode window must start inside the input or its left padding (PyTorch/ORT rule).
        if (ceil_mode && (out - 1) * g.strides[d] >= input[d] + g.pad_begin[d]) --out;
        g.output[d] = out;
    }
    g.input_count = element_count(input);
    g.kernel_count = element_count(kernel);
    g.output_count = element_count(g.output);
    g.offsets.resize(g.output_count * g.kernel_count);
    const std::vector<size_t> in_strides = strides_of(input);
    std::vector<int64_t> o_idx, k_idx;
    for (size_t o = 0; o < g.output_count; ++o) {
        unravel(o, g.output, o_idx);
        for (size_t kk = 0; kk < g.kernel_count; ++kk) {
            unravel(kk, kernel, k_idx);
            int64_t offset = 0;
            int64_t state = 0;
            for (size_t d = 0; d < k; ++d) {
                const int64_t pos = o_idx[d] * g.strides[d] + k_idx[d] * g.dilations[d] - g.pad_begin[d];
                if (pos < -g.pad_begin[d] || pos >= input[d] + g.pad_end[d]) state = WindowGeometry::kBeyond;
                else if ((pos < 0 || pos >= input[d]) && state == 0) state = WindowGeometry::kPadding;
                offset += pos * static_cast<int64_t>(in_strides[d]);
            }
            g.offsets[o * g.kernel_count + kk] = state ? state : offset;
        }
    }
    return g;
}

}  // namespace ps::model
