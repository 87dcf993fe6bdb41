// TopK, Resize/Upsample (the spec's worked examples), Dropout at inference.
#include "op_test_support.hpp"
#include "core/util/error.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

namespace {
const FloatTensor X2x2 = T({1, 1, 2, 2}, {1, 2, 3, 4});
}

class TestOpsTopK : public QObject {
    Q_OBJECT
private slots:
    void top_k_largest_and_smallest_with_stable_ties() {
        const FloatTensor x = T({2, 4}, {1, 5, 3, 5, 0, -1, 2, 2});
        auto y = run(NodeBuilder("TopK", 2, 2), {x, T({1}, {2})}, 11);
        EXPECT_TENSOR(y[0], {2, 2}, {5, 5, 2, 2});
        EXPECT_TENSOR(y[1], {2, 2}, {1, 3, 2, 3});  // equal values keep the lower index first
        auto s = run(NodeBuilder("TopK", 2, 2).i("largest", 0), {x, T({1}, {1})}, 11);
        EXPECT_TENSOR(s[0], {2, 1}, {1, -1});
        EXPECT_TENSOR(s[1], {2, 1}, {0, 1});
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("TopK", 2, 2), {x, T({1}, {5})}, 11));
    }
    void resize_nearest_upsample_by_scales() {
        // Operators.md, resize_upsample_scales_nearest
        auto y = run(NodeBuilder("Resize", 3).s("mode", "nearest"), {X2x2, T({0}, {}), T({4}, {1, 1, 2, 3})}, 13);
        EXPECT_TENSOR(y[0], {1, 1, 4, 6}, {1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4});
    }
    void resize_linear_half_pixel() {
        // Operators.md, resize_upsample_scales_linear
        auto y = run(NodeBuilder("Resize", 3).s("mode", "linear"), {X2x2, T({0}, {}), T({4}, {1, 1, 2, 2})}, 13);
        EXPECT_TENSOR(y[0], {1, 1, 4, 4}, {1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4});
    }
    void resize_linear_align_corners() {
        auto y = run(NodeBuilder("Resize", 3).s("mode", "linear").s("coordinate_transformation_mode", "align_corners"),
                     {X2x2, T({0}, {}), T({4}, {1, 1, 2, 2})}, 13);
        const float a = 1.0f / 3, b = 2.0f / 3;
        EXPECT_TENSOR(y[0], {1, 1, 4, 4}, {1, 1 + a, 1 + b, 2, 1 + b, 2, 2 + a, 2 + b, 2 + a, 2 + b, 3, 3 + a, 3, 3 + a, 3 + b, 4});
    }
    void resize_by_sizes() {
        auto y = run(NodeBuilder("Resize", 4).s("mode", "nearest"), {X2x2, T({0}, {}), T({0}, {}), T({4}, {1, 1, 1, 4})}, 13);
        EXPECT_TENSOR(y[0], {1, 1, 1, 4}, {1, 1, 2, 2});
    }
    void upsample_legacy_nearest() {
        auto y = run(NodeBuilder("Upsample", 2).s("mode", "nearest"), {X2x2, T({4}, {1, 1, 2, 2})}, 9);
        EXPECT_TENSOR(y[0], {1, 1, 4, 4}, {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4});
    }
    void det_of_batched_matrices_with_pivoting() {
        // [[0, 1], [1, 0]] needs a row swap: det = −1; [[2, 1], [4, 3]] = 2
        EXPECT_TENSOR(run(NodeBuilder("Det"), {T({2, 2, 2}, {0, 1, 1, 0, 2, 1, 4, 3})})[0], {2}, {-1, 2});
        EXPECT_TENSOR(run(NodeBuilder("Det"), {T({3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9})})[0], {}, {0});
    }
    void unique_sorted_with_indices_inverse_counts() {
        auto y = run(NodeBuilder("Unique", 1, 4), {T({6}, {2, 1, 1, 3, 4, 3})});
        EXPECT_TENSOR(y[0], {4}, {1, 2, 3, 4});
        EXPECT_TENSOR(y[1], {4}, {1, 0, 3, 4});
        EXPECT_TENSOR(y[2], {6}, {1, 0, 0, 2, 3, 2});
        EXPECT_TENSOR(y[3], {4}, {2, 1, 2, 1});
        auto unsorted = run(NodeBuilder("Unique", 1, 4).i("sorted", 0), {T({4}, {3, 1, 3, 2})});
        EXPECT_TENSOR(unsorted[0], {3}, {3, 1, 2});
        auto rows = run(NodeBuilder("Unique", 1, 4).i("axis", 0), {T({3, 2}, {1, 0, 0, 1, 1, 0})});
        EXPECT_TENSOR(rows[0], {2, 2}, {0, 1, 1, 0});
    }
    void dropout_is_identity_at_inference() {
        auto y = run(NodeBuilder("Dropout", 1, 2).f("ratio", 0.5f), {T({3}, {1, -2, 3})}, 12);
        EXPECT_TENSOR(y[0], {3}, {1, -2, 3});
        EXPECT_TENSOR(y[1], {3}, {1, 1, 1});
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("Dropout", 3), {T({1}, {1}), T({}, {0.5f}), T({}, {1})}, 13));
    }
};

QTEST_APPLESS_MAIN(TestOpsTopK)
#include "tst_ops_topk.moc"
