// NonMaxSuppression (greedy, IoU and score thresholds) and GridSample (coordinate
// unnormalisation, padding modes), on boxes and pixels small enough to reason about.
#include "op_test_support.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

namespace {
// Boxes 0 and 1 overlap with IoU 0.9/1.1 ≈ 0.82; box 2 is far away.
const FloatTensor Boxes = T({1, 3, 4}, {0, 0, 1, 1, 0, 0.1f, 1, 1.1f, 0, 10, 1, 11});
const FloatTensor Scores = T({1, 1, 3}, {0.9f, 0.75f, 0.6f});
const FloatTensor Plane = T({1, 1, 2, 2}, {1, 2, 3, 4});
}  // namespace

class TestOpsDetection : public QObject {
    Q_OBJECT
private slots:
    void nms_suppresses_overlaps_above_the_iou_threshold() {
        auto y = run(NodeBuilder("NonMaxSuppression", 4), {Boxes, Scores, T({1}, {3}), T({1}, {0.5f})});
        EXPECT_TENSOR(y[0], {2, 3}, {0, 0, 0, 0, 0, 2});
        auto loose = run(NodeBuilder("NonMaxSuppression", 4), {Boxes, Scores, T({1}, {3}), T({1}, {0.9f})});
        EXPECT_TENSOR(loose[0], {3, 3}, {0, 0, 0, 0, 0, 1, 0, 0, 2});
    }
    void nms_score_threshold_and_max_outputs() {
        auto y = run(NodeBuilder("NonMaxSuppression", 5), {Boxes, Scores, T({1}, {3}), T({1}, {0.5f}), T({1}, {0.7f})});
        EXPECT_TENSOR(y[0], {1, 3}, {0, 0, 0});
        auto one = run(NodeBuilder("NonMaxSuppression", 4), {Boxes, Scores, T({1}, {1}), T({1}, {0.5f})});
        EXPECT_TENSOR(one[0], {1, 3}, {0, 0, 0});
    }
    void grid_sample_bilinear_centre_and_corner() {
        // (0, 0) maps to the centre of a 2×2 image: the mean, 2.5
        EXPECT_TENSOR(run(NodeBuilder("GridSample", 2), {Plane, T({1, 1, 1, 2}, {0, 0})})[0], {1, 1, 1, 1}, {2.5f});
        // (−1, −1) with align_corners is pixel (0, 0); without, it is the outer corner (−0.5, −0.5)
        EXPECT_TENSOR(run(NodeBuilder("GridSample", 2).i("align_corners", 1), {Plane, T({1, 1, 1, 2}, {-1, -1})})[0], {1, 1, 1, 1}, {1});
        EXPECT_TENSOR(run(NodeBuilder("GridSample", 2), {Plane, T({1, 1, 1, 2}, {-1, -1})})[0], {1, 1, 1, 1}, {0.25f});
        EXPECT_TENSOR(run(NodeBuilder("GridSample", 2).s("padding_mode", "border"), {Plane, T({1, 1, 1, 2}, {-1, -1})})[0], {1, 1, 1, 1}, {1});
    }
    void grid_sample_nearest() {
        // x = y = 0.95 after unnormalising with align_corners → pixel (1, 1)
        auto y = run(NodeBuilder("GridSample", 2).s("mode", "nearest").i("align_corners", 1), {Plane, T({1, 1, 1, 2}, {0.9f, 0.9f})});
        EXPECT_TENSOR(y[0], {1, 1, 1, 1}, {4});
    }
};

QTEST_APPLESS_MAIN(TestOpsDetection)
#include "tst_ops_detection.moc"
