// Resize / Upsample (ONNX Operators.md, Resize-10/11/13/18): separable interpolation.
// Every output coordinate maps back to the input through coordinate_transformation_mode;
// each axis contributes (index, weight) taps — 1 for nearest, 2 for linear, 4 for cubic
// (Keys kernel with cubic_coeff_a) — and the output is the weighted sum over all tap
// combinations.
#include "core/model/float_kernels.hpp"

namespace ps::model {
namespace {

struct Tap {
    int64_t index;
    double weight;
};

struct ResizeSpec {
    std::string mode = "nearest", transform = "half_pixel", nearest = "round_prefer_floor";
    double cubic_a = -0.75, extrapolation = 0.0;
    bool exclude_outside = false;
};

// out_len is in_len·scale when scales were given (not rounded), as the spec's reference
// implementation uses it in align_corners and tf_crop_and_resize.
double original_coordinate(const ResizeSpec& r, double x, double scale, int64_t in_len, double out_len, double roi_start, double roi_end) {
    const std::string& m = r.transform;
    if (m == "tf_half_pixel_for_nn") return (x + 0.5) / scale;
    if (m == "asymmetric") return x / scale;
    if (m == "align_corners") return out_len == 1 ? 0.0 : x * static_cast<double>(in_len - 1) / static_cast<double>(out_len - 1);
    if (m == "pytorch_half_pixel") return out_len > 1 ? (x + 0.5) / scale - 0.5 : 0.0;
    if (m == "tf_crop_and_resize") {
        return out_len > 1 ? roi_start * static_cast<double>(in_len - 1) + x * (roi_end - roi_start) * static_cast<double>(in_len - 1) / static_cast<double>(out_len - 1)
                           : 0.5 * (roi_start + roi_end) * static_cast<double>(in_len - 1);
    }
    if (m == "half_pixel_symmetric") {
        const double adjustment = static_cast<double>(out_len) / (scale * static_cast<double>(in_len));
        const double center = static_cast<double>(in_len) / 2.0, offset = center * (1.0 - adjustment);
        return offset + (x + 0.5) / scale - 0.5;
    }
    return (x + 0.5) / scale - 0.5;  // half_pixel
}

int64_t nearest_index(const std::string& mode, double x) {
    if (mode == "floor") return static_cast<int64_t>(std::floor(x));
    if (mode == "ceil") return static_cast<int64_t>(std::ceil(x));
    const double f = std::floor(x);
    if (x - f == 0.5) return static_cast<int64_t>(mode == "round_prefer_ceil" ? f + 1 : f);
    return static_cast<int64_t>(std::round(x));
}

std::vector<Tap> taps_for(const ResizeSpec& r, double x, int64_t len, bool& outside) {
    outside = r.transform == "tf_crop_and_resize" && (x < 0 || x > static_cast<double>(len - 1));
    auto clampi = [len](int64_t i) { return std::clamp<int64_t>(i, 0, len - 1); };
    if (r.mode == "nearest") return {{clampi(nearest_index(r.nearest, x)), 1.0}};
    if (r.mode == "linear") {
        const double xc = std::clamp(x, 0.0, static_cast<double>(len - 1));
        const int64_t i0 = static_cast<int64_t>(std::floor(xc)), i1 = std::min(i0 + 1, len - 1);
        const double t = xc - static_cast<double>(i0);
        return {{i0, 1.0 - t}, {i1, t}};
    }
    // cubic
    const double a = r.cubic_a;
    const int64_t base = static_cast<int64_t>(std::floor(x));
    const double t = x - static_cast<double>(base);
    auto w = [a](double d) {
        d = std::fabs(d);
        if (d <= 1) return ((a + 2) * d - (a + 3)) * d * d + 1;
        if (d < 2) return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a;
        return 0.0;
    };
    std::vector<Tap> taps;
    double total = 0;
    for (int64_t o = -1; o <= 2; ++o) {
        const int64_t i = base + o;
        double weight = w(t - static_cast<double>(o));
        if (r.exclude_outside && (i < 0 || i >= len)) weight = 0;
        taps.push_back({clampi(i), weight});
        total += weight;
    }
    if (r.exclude_outside && total != 0)
        for (Tap& tp : taps) tp.weight /= total;
    return taps;
}

}  // namespace

std::vector<FloatTensor> resize_kernel(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const Node& node = call.node;
    const size_t r = x.rank();
    ResizeSpec spec;
    spec.mode = node.attr_string("mode", "nearest");
    const bool legacy = node.op == "Upsample" || call.opset < 11;
    spec.transform = legacy ? "asymmetric" : node.attr_string("coordinate_transformation_mode", "half_pixel");
    spec.nearest = legacy ? "floor" : node.attr_string("nearest_mode", "round_prefer_floor");
    spec.cubic_a = node.attr_float("cubic_coeff_a", -0.75f);
    spec.exclude_outside = node.attr_int("exclude_outside", 0) != 0;
    spec.extrapolation = node.attr_float("extrapolation_value", 0.0f);
    if (spec.mode != "nearest" && spec.mode != "linear" && spec.mode != "bilinear" && spec.mode != "cubic")
        call.fail("mode '" + spec.mode + "' is not supported", "use nearest, linear or cubic");
    if (spec.mode == "bilinear") spec.mode = "linear";
    if (node.attr_int("antialias", 0) != 0) call.fail("antialias = 1 is not supported", "export with antialias disabled");

    // Inputs: Upsample-9 (X, scales); Resize-10 (X, scales); Resize-11+ (X, roi, scales, sizes).
    std::vector<double> scales;
    std::vector<int64_t> sizes;
    std::vector<double> roi;
    const size_t scales_at = legacy ? 1 : 2;
    if (node.op == "Upsample" && !call.has(1)) for (float s : node.attr_floats("scales")) scales.push_back(s);
    if (call.has(scales_at) && call.in(scales_at).size()) for (float s : call.in(scales_at).data) scales.push_back(s);
    if (!legacy && call.has(3) && call.in(3).size()) sizes = to_ints(call.in(3));
    if (!legacy && call.has(1) && call.in(1).size()) for (float v : call.in(1).data) roi.push_back(v);
    std::vector<int64_t> axes = node.attr_ints("axes");
    if (axes.empty()) for (size_t d = 0; d < r; ++d) axes.push_back(static_cast<int64_t>(d));
    std::vector<double> full_scales(r, 1.0), full_roi_start(r, 0.0), full_roi_end(r, 1.0), real_out(r);
    for (size_t d = 0; d < r; ++d) real_out[d] = static_cast<double>(x.shape[d]);
    Shape out_shape = x.shape;
    const std::string keep_ratio = node.attr_string("keep_aspect_ratio_policy", "stretch");
    for (size_t i = 0; i < axes.size(); ++i) {
        const size_t d = normalise_axis(axes[i], r);
        if (!sizes.empty()) {
            out_shape[d] = sizes.at(i);
            real_out[d] = static_cast<double>(sizes[i]);
            full_scales[d] = static_cast<double>(sizes[i]) / static_cast<double>(x.shape[d]);
        } else if (!scales.empty()) {
            full_scales[d] = scales.at(i);
            real_out[d] = static_cast<double>(x.shape[d]) * scales[i];
            out_shape[d] = static_cast<int64_t>(std::floor(real_out[d]));
        }
        if (roi.size() == 2 * axes.size()) {
            full_roi_start[d] = roi[i];
            full_roi_end[d] = roi[i + axes.size()];
        }
    }
    if (keep_ratio != "stretch" && !sizes.empty()) call.fail("keep_aspect_ratio_policy '" + keep_ratio + "' is not supported");

    for (size_t d = 0; d < r; ++d)
        if (x.shape[d] == 0 && out_shape[d] != 0) call.fail("cannot resize axis " + std::to_string(d) + " of length 0 to " + std::to_string(out_shape[d]));
    std::vector<std::vector<std::vector<Tap>>> taps(r);  // [dim][output index] → taps
    std::vector<std::vector<char>> outside(r);
    for (size_t d = 0; d < r; ++d) {
        taps[d].resize(static_cast<size_t>(out_shape[d]));
        outside[d].resize(static_cast<size_t>(out_shape[d]));
        for (int64_t o = 0; o < out_shape[d]; ++o) {
            bool out_of_range = false;
            if (out_shape[d] == x.shape[d] && full_scales[d] == 1.0 && spec.transform != "tf_crop_and_resize") {
                taps[d][static_cast<size_t>(o)] = {{o, 1.0}};
            } else {
                const double xo = original_coordinate(spec, static_cast<double>(o), full_scales[d], x.shape[d], real_out[d], full_roi_start[d], full_roi_end[d]);
                taps[d][static_cast<size_t>(o)] = taps_for(spec, xo, x.shape[d], out_of_range);
            }
            outside[d][static_cast<size_t>(o)] = out_of_range;
        }
    }
    const std::vector<size_t> in_strides = strides_of(x.shape);
    FloatTensor y(out_shape);
    std::vector<int64_t> idx;
    std::vector<size_t> which(r);
    for (size_t flat = 0; flat < y.size(); ++flat) {
        unravel(flat, out_shape, idx);
        bool extrapolate = false;
        for (size_t d = 0; d < r; ++d) extrapolate = extrapolate || outside[d][static_cast<size_t>(idx[d])];
        if (extrapolate) {
            y.data[flat] = static_cast<float>(spec.extrapolation);
            continue;
        }
        double acc = 0;
        std::fill(which.begin(), which.end(), 0);
        while (true) {  // odometer over tap combinations
            double w = 1;
            size_t src = 0;
            for (size_t d = 0; d < r; ++d) {
                const Tap& t = taps[d][static_cast<size_t>(idx[d])][which[d]];
                w *= t.weight;
                src += static_cast<size_t>(t.index) * in_strides[d];
            }
            acc += w * x.data[src];
            size_t d = r;
            while (d-- > 0) {
                if (++which[d] < taps[d][static_cast<size_t>(idx[d])].size()) break;
                which[d] = 0;
            }
            if (d == static_cast<size_t>(-1)) break;
        }
        y.data[flat] = static_cast<float>(acc);
    }
    return {y};
}

}  // namespace ps::model
