// Tensors made from shapes or attributes: Constant, Shape, Size, ConstantOfShape, Range,
// EyeLike, NonZero, OneHot.
#include "op_test_support.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

class TestOpsShape : public QObject {
    Q_OBJECT
private slots:
    void constant_from_each_attribute_kind() {
        EXPECT_TENSOR(run(NodeBuilder("Constant", 0).tensor("value", T({2}, {1, 2})), {})[0], {2}, {1, 2});
        EXPECT_TENSOR(run(NodeBuilder("Constant", 0).f("value_float", 2.5f), {})[0], {}, {2.5f});
        EXPECT_TENSOR(run(NodeBuilder("Constant", 0).ints("value_ints", {3, -4}), {})[0], {2}, {3, -4});
    }
    void shape_and_size_with_start_end() {
        const FloatTensor x(Shape{2, 3, 4});
        EXPECT_TENSOR(run(NodeBuilder("Shape"), {x})[0], {3}, {2, 3, 4});
        EXPECT_TENSOR(run(NodeBuilder("Shape").i("start", 1).i("end", -1), {x}, 15)[0], {1}, {3});
        EXPECT_TENSOR(run(NodeBuilder("Size"), {x})[0], {}, {24});
    }
    void constant_of_shape_fills() {
        EXPECT_TENSOR(run(NodeBuilder("ConstantOfShape").tensor("value", T({1}, {7})), {T({2}, {2, 1})})[0], {2, 1}, {7, 7});
        EXPECT_TENSOR(run(NodeBuilder("ConstantOfShape"), {T({1}, {3})})[0], {3}, {0, 0, 0});
    }
    void range_counts_ceil_of_span_over_delta() {
        EXPECT_TENSOR(run(NodeBuilder("Range", 3), {T({}, {1}), T({}, {2}), T({}, {0.3f})})[0], {4}, {1, 1.3f, 1.6f, 1.9f});
        EXPECT_TENSOR(run(NodeBuilder("Range", 3), {T({}, {10}), T({}, {4}), T({}, {-3})})[0], {2}, {10, 7});
        EXPECT_TENSOR(run(NodeBuilder("Range", 3), {T({}, {0}), T({}, {-1}), T({}, {1})})[0], {0}, {});
    }
    void eye_like_with_offset() {
        EXPECT_TENSOR(run(NodeBuilder("EyeLike").i("k", 1), {FloatTensor(Shape{2, 3})})[0], {2, 3}, {0, 1, 0, 0, 0, 1});
    }
    void non_zero_lists_coordinates_per_dim() {
        EXPECT_TENSOR(run(NodeBuilder("NonZero"), {T({2, 2}, {1, 0, 1, 1})})[0], {2, 3}, {0, 1, 1, 0, 0, 1});
    }
    void window_functions_periodic_and_symmetric() {
        // periodic N' = 4: Hann = 0.5 − 0.5 cos(πn/2) → 0, 0.5, 1, 0.5
        EXPECT_TENSOR(run(NodeBuilder("HannWindow"), {T({}, {4})})[0], {4}, {0, 0.5f, 1, 0.5f});
        // symmetric N' = 2: Hamming = 25/46 − 21/46 cos(πn) → 4/46, 1, 4/46
        EXPECT_TENSOR(run(NodeBuilder("HammingWindow").i("periodic", 0), {T({}, {3})})[0], {3}, {4.0f / 46, 1, 4.0f / 46});
        // Blackman at n = N'/2: 0.42 + 0.5 + 0.08 = 1; at 0: 0
        EXPECT_TENSOR(run(NodeBuilder("BlackmanWindow").i("periodic", 0), {T({}, {3})})[0], {3}, {0, 1, 0});
    }
    void one_hot_with_negative_index_and_axis() {
        auto y = run(NodeBuilder("OneHot", 3), {T({3}, {0, 2, -1}), T({}, {3}), T({2}, {0, 5})});
        EXPECT_TENSOR(y[0], {3, 3}, {5, 0, 0, 0, 0, 5, 0, 0, 5});
        auto a0 = run(NodeBuilder("OneHot", 3).i("axis", 0), {T({2}, {1, 0}), T({}, {2}), T({2}, {-1, 1})});
        EXPECT_TENSOR(a0[0], {2, 2}, {-1, 1, 1, -1});
    }
};

QTEST_APPLESS_MAIN(TestOpsShape)
#include "tst_ops_shape.moc"
