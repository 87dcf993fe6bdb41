// Detection-style ops (Operators.md): NonMaxSuppression and GridSample (2-D).
#include "core/model/float_kernels.hpp"

#include <numeric>

namespace ps::model {
namespace {

struct Box {
    double y1, x1, y2, x2;
};

// center_point_box 0: [y1, x1, y2, x2] with either corner order; 1: [xc, yc, w, h].
Box box_at(const FloatTensor& boxes, size_t at, bool center) {
    const float* b = boxes.data.data() + at * 4;
    if (center) return {b[1] - b[3] / 2.0, b[0] - b[2] / 2.0, b[1] + b[3] / 2.0, b[0] + b[2] / 2.0};
    return {std::min(b[0], b[2]), std::min(b[1], b[3]), std::max(b[0], b[2]), std::max(b[1], b[3])};
}

double iou(const Box& a, const Box& b) {
    const double ih = std::min(a.y2, b.y2) - std::max(a.y1, b.y1), iw = std::min(a.x2, b.x2) - std::max(a.x1, b.x1);
    if (ih <= 0 || iw <= 0) return 0;
    const double inter = ih * iw, uni = (a.y2 - a.y1) * (a.x2 - a.x1) + (b.y2 - b.y1) * (b.x2 - b.x1) - inter;
    return uni <= 0 ? 0 : inter / uni;
}

// Greedy per (batch, class): highest score first, keep a box unless its IoU with a kept
// box exceeds iou_threshold; scores must exceed score_threshold. Output rows
// [batch, class, box].
std::vector<FloatTensor> non_max_suppression(const OpCall& call) {
    const FloatTensor& boxes = call.in(0);
    const FloatTensor& scores = call.in(1);
    if (boxes.rank() != 3 || boxes.shape[2] != 4 || scores.rank() != 3)
        call.fail("expects boxes [batches, boxes, 4] and scores [batches, classes, boxes], found " + shape_to_string(boxes.shape) +
                  " and " + shape_to_string(scores.shape));
    if (boxes.shape[0] != scores.shape[0] || boxes.shape[1] != scores.shape[2])
        call.fail("boxes " + shape_to_string(boxes.shape) + " and scores " + shape_to_string(scores.shape) + " disagree on batches or boxes");
    const int64_t max_out = call.has(2) && call.in(2).size() ? to_index(call.in(2).data[0]) : 0;
    const double iou_threshold = scalar_input(call, 3, 0.0f);
    const bool has_score_threshold = call.has(4) && call.in(4).size();
    const double score_threshold = scalar_input(call, 4, 0.0f);
    const bool center = call.node.attr_int("center_point_box", 0) != 0;
    const size_t batches = static_cast<size_t>(scores.shape[0]), classes = static_cast<size_t>(scores.shape[1]);
    const size_t count = static_cast<size_t>(scores.shape[2]);
    std::vector<float> rows;
    for (size_t b = 0; b < batches; ++b)
        for (size_t c = 0; c < classes; ++c) {
            const float* s = scores.data.data() + (b * classes + c) * count;
            std::vector<size_t> order;
            for (size_t i = 0; i < count; ++i)
                if (!has_score_threshold || s[i] > score_threshold) order.push_back(i);
            std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return s[x] > s[y]; });
            std::vector<Box> kept;
            for (size_t i : order) {
                if (static_cast<int64_t>(kept.size()) >= max_out) break;
                const Box candidate = box_at(boxes, b * count + i, center);
                bool suppressed = false;
                for (const Box& k : kept) suppressed = suppressed || iou(candidate, k) > iou_threshold;
                if (suppressed) continue;
                kept.push_back(candidate);
                rows.insert(rows.end(), {static_cast<float>(b), static_cast<float>(c), static_cast<float>(i)});
            }
        }
    return {FloatTensor({static_cast<int64_t>(rows.size() / 3), 3}, rows)};
}

// Reflects x into [lo, hi] (GridSample padding_mode "reflection").
double reflect(double x, double lo, double hi) {
    const double span = hi - lo;
    if (span <= 0) return lo;
    double d = std::fabs(x - lo);
    const double flips = std::floor(d / span);
    d -= flips * span;
    return static_cast<int64_t>(flips) % 2 == 0 ? lo + d : hi - d;
}

// GridSample-16 on 4-D input: grid [N, H_out, W_out, 2] of (x, y) in [−1, 1].
std::vector<FloatTensor> grid_sample(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const FloatTensor& grid = call.in(1);
    if (x.rank() != 4 || grid.rank() != 4 || grid.shape[3] != 2)
        call.fail("supports X [N, C, H, W] with grid [N, H_out, W_out, 2], found " + shape_to_string(x.shape) + " and " + shape_to_string(grid.shape));
    if (grid.shape[0] != x.shape[0]) call.fail("grid batch " + std::to_string(grid.shape[0]) + " differs from X batch " + std::to_string(x.shape[0]));
    const bool align = call.node.attr_int("align_corners", 0) != 0;
    const std::string mode = call.node.attr_string("mode", "bilinear"), padding = call.node.attr_string("padding_mode", "zeros");
    const int64_t n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
    const int64_t ho = grid.shape[1], wo = grid.shape[2];
    auto unnormalise = [&](double g, int64_t size) {
        return align ? (g + 1) / 2 * static_cast<double>(size - 1) : ((g + 1) * static_cast<double>(size) - 1) / 2;
    };
    auto fold = [&](double v, int64_t size) {  // coordinate after padding_mode (zeros: unchanged)
        if (padding == "border") return std::clamp(v, 0.0, static_cast<double>(size - 1));
        if (padding == "reflection") {
            v = align ? reflect(v, 0, static_cast<double>(size - 1)) : reflect(v, -0.5, static_cast<double>(size) - 0.5);
            return std::clamp(v, 0.0, static_cast<double>(size - 1));
        }
        return v;
    };
    FloatTensor y({n, c, ho, wo});
    for (int64_t b = 0; b < n; ++b)
        for (int64_t oy = 0; oy < ho; ++oy)
            for (int64_t ox = 0; ox < wo; ++ox) {
                const float* g = grid.data.data() + ((b * ho + oy) * wo + ox) * 2;
                const double fx = fold(unnormalise(g[0], w), w), fy = fold(unnormalise(g[1], h), h);
                for (int64_t ch = 0; ch < c; ++ch) {
                    const float* plane = x.data.data() + (b * c + ch) * h * w;
                    auto pixel = [&](int64_t yy, int64_t xx) -> double {
                        if (padding != "zeros") {  // bicubic taps outside still need border/reflection
                            xx = static_cast<int64_t>(fold(static_cast<double>(xx), w));
                            yy = static_cast<int64_t>(fold(static_cast<double>(yy), h));
                        }
                        return yy < 0 || yy >= h || xx < 0 || xx >= w ? 0.0 : plane[yy * w + xx];
                    };
                    double v;
                    if (mode == "nearest") {
                        v = pixel(static_cast<int64_t>(std::nearbyint(fy)), static_cast<int64_t>(std::nearbyint(fx)));
                    } else if (mode == "bilinear") {
                        const int64_t x0 = static_cast<int64_t>(std::floor(fx)), y0 = static_cast<int64_t>(std::floor(fy));
                        const double tx = fx - static_cast<double>(x0), ty = fy - static_cast<double>(y0);
                        v = (1 - ty) * ((1 - tx) * pixel(y0, x0) + tx * pixel(y0, x0 + 1)) + ty * ((1 - tx) * pixel(y0 + 1, x0) + tx * pixel(y0 + 1, x0 + 1));
                    } else if (mode == "bicubic") {
                        const int64_t x0 = static_cast<int64_t>(std::floor(fx)), y0 = static_cast<int64_t>(std::floor(fy));
                        auto coeffs = [](double t, double out[4]) {  // Keys kernel, a = −0.75
                            const double a = -0.75;
                            auto near = [a](double d) { return ((a + 2) * d - (a + 3)) * d * d + 1; };
                            auto far = [a](double d) { return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a; };
                            out[0] = far(t + 1), out[1] = near(t), out[2] = near(1 - t), out[3] = far(2 - t);
                        };
                        double cx[4], cy[4];
                        coeffs(fx - static_cast<double>(x0), cx);
                        coeffs(fy - static_cast<double>(y0), cy);
                        v = 0;
                        for (int i = 0; i < 4; ++i)
                            for (int j = 0; j < 4; ++j) v += cy[i] * cx[j] * pixel(y0 - 1 + i, x0 - 1 + j);
                    } else {
                        call.fail("mode '" + mode + "' is not supported", "use bilinear, nearest or bicubic");
                    }
                    y.data[static_cast<size_t>(((b * c + ch) * ho + oy) * wo + ox)] = static_cast<float>(v);
                }
            }
    return {y};
}

}  // namespace

void register_detection_ops(KernelTable& t) {
    t["NonMaxSuppression"] = &non_max_suppression;
    t["GridSample"] = &grid_sample;
}

}  // namespace ps::model
