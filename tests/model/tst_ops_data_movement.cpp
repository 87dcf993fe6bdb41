// Data movement: the templates in data_movement.hpp through the float executor, and the
// same templates on int64 (the fixed-point executor's path) giving identical moves.
#include "op_test_support.hpp"
#include "core/model/data_movement.hpp"
#include "core/util/error.hpp"

#include <QtTest>
#include <limits>
#include <numeric>

using namespace ps::model;
using namespace ps::model::testing;

namespace {
FloatTensor iota(Shape shape) {
    FloatTensor t(shape);
    std::iota(t.data.begin(), t.data.end(), 0.0f);
    return t;
}
constexpr float kInt64Max = 9.2233720e18f;
}  // namespace

class TestOpsDataMovement : public QObject {
    Q_OBJECT
private slots:
    void reshape_copies_zero_and_infers_minus_one() {
        auto y = run(NodeBuilder("Reshape", 2), {iota({2, 3, 4}), T({2}, {0, -1})});
        QCOMPARE(y[0].shape, (Shape{2, 12}));
        QCOMPARE(y[0].data, iota({2, 12}).data);
        auto z = run(NodeBuilder("Reshape", 2).i("allowzero", 1), {T({0, 3}, {}), T({2}, {3, 0})});
        QCOMPARE(z[0].shape, (Shape{3, 0}));
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("Reshape", 2), {iota({2, 3}), T({1}, {4})}));
    }
    void flatten_at_axis() {
        QCOMPARE(run(NodeBuilder("Flatten").i("axis", 0), {iota({2, 3, 4})})[0].shape, (Shape{1, 24}));
        QCOMPARE(run(NodeBuilder("Flatten").i("axis", 2), {iota({2, 3, 4})})[0].shape, (Shape{6, 4}));
        QCOMPARE(run(NodeBuilder("Flatten").i("axis", -1), {iota({2, 3, 4})})[0].shape, (Shape{6, 4}));
    }
    void squeeze_unsqueeze_attribute_and_input_forms() {
        QCOMPARE(run(NodeBuilder("Squeeze").ints("axes", {0, 2}), {iota({1, 3, 1})}, 11)[0].shape, (Shape{3}));
        QCOMPARE(run(NodeBuilder("Squeeze", 2), {iota({1, 3, 1}), T({1}, {-1})}, 13)[0].shape, (Shape{1, 3}));
        QCOMPARE(run(NodeBuilder("Squeeze"), {iota({1, 3, 1})}, 13)[0].shape, (Shape{3}));
        QCOMPARE(run(NodeBuilder("Unsqueeze").ints("axes", {0, 3}), {iota({2, 3})}, 11)[0].shape, (Shape{1, 2, 3, 1}));
        QCOMPARE(run(NodeBuilder("Unsqueeze", 2), {iota({2, 3}), T({1}, {-1})}, 13)[0].shape, (Shape{2, 3, 1}));
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("Squeeze").ints("axes", {1}), {iota({1, 3})}, 11));
    }
    void transpose_default_and_permutation() {
        EXPECT_TENSOR(run(NodeBuilder("Transpose"), {iota({2, 3})})[0], {3, 2}, {0, 3, 1, 4, 2, 5});
        // perm [1, 0, 2] on [2, 2, 2]: swap the two leading axes
        EXPECT_TENSOR(run(NodeBuilder("Transpose").ints("perm", {1, 0, 2}), {iota({2, 2, 2})})[0], {2, 2, 2}, {0, 1, 4, 5, 2, 3, 6, 7});
    }
    void concat_along_an_inner_axis() {
        auto y = run(NodeBuilder("Concat", 2).i("axis", 1), {T({2, 1}, {1, 2}), T({2, 2}, {3, 4, 5, 6})});
        EXPECT_TENSOR(y[0], {2, 3}, {1, 3, 4, 2, 5, 6});
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("Concat", 2).i("axis", 1), {T({2, 1}, {1, 2}), T({3, 1}, {3, 4, 5})}));
    }
    void split_equal_explicit_and_uneven() {
        auto eq = run(NodeBuilder("Split", 1, 2).i("axis", 1), {iota({2, 4})}, 13);
        EXPECT_TENSOR(eq[0], {2, 2}, {0, 1, 4, 5});
        EXPECT_TENSOR(eq[1], {2, 2}, {2, 3, 6, 7});
        auto sized = run(NodeBuilder("Split", 2, 2), {iota({5}), T({2}, {1, 4})}, 13);
        EXPECT_TENSOR(sized[1], {4}, {1, 2, 3, 4});
        auto legacy = run(NodeBuilder("Split", 1, 2).ints("split", {3, 2}), {iota({5})}, 11);
        EXPECT_TENSOR(legacy[0], {3}, {0, 1, 2});
        auto uneven = run(NodeBuilder("Split", 1, 3).i("num_outputs", 3), {iota({5})}, 18);  // ceil(5/3) = 2: 2, 2, 1
        EXPECT_TENSOR(uneven[2], {1}, {4});
    }
    void slice_negative_steps_and_huge_ends() {
        const FloatTensor x = iota({2, 5});
        // axis 1 from −4 to INT64_MAX step 2 → columns 1, 3
        auto y = run(NodeBuilder("Slice", 5), {x, T({1}, {-4}), T({1}, {kInt64Max}), T({1}, {1}), T({1}, {2})});
        EXPECT_TENSOR(y[0], {2, 2}, {1, 3, 6, 8});
        // reversed: start at the end (clamped) down to before column 0 (INT64_MIN)
        auto r = run(NodeBuilder("Slice", 5), {x, T({1}, {10}), T({1}, {-kInt64Max}), T({1}, {1}), T({1}, {-1})});
        EXPECT_TENSOR(r[0], {2, 5}, {4, 3, 2, 1, 0, 9, 8, 7, 6, 5});
        auto legacy = run(NodeBuilder("Slice").ints("starts", {1}).ints("ends", {2}), {x}, 9);
        EXPECT_TENSOR(legacy[0], {1, 5}, {5, 6, 7, 8, 9});
    }
    void pad_modes() {
        const FloatTensor x = T({3}, {1, 2, 3});
        const FloatTensor pads = T({2}, {2, 2});
        EXPECT_TENSOR(run(NodeBuilder("Pad", 3), {x, pads, T({}, {-1})})[0], {7}, {-1, -1, 1, 2, 3, -1, -1});
        EXPECT_TENSOR(run(NodeBuilder("Pad", 2).s("mode", "reflect"), {x, pads})[0], {7}, {3, 2, 1, 2, 3, 2, 1});
        EXPECT_TENSOR(run(NodeBuilder("Pad", 2).s("mode", "edge"), {x, pads})[0], {7}, {1, 1, 1, 2, 3, 3, 3});
        EXPECT_TENSOR(run(NodeBuilder("Pad", 2).s("mode", "wrap"), {x, pads}, 19)[0], {7}, {2, 3, 1, 2, 3, 1, 2});
        EXPECT_TENSOR(run(NodeBuilder("Pad", 2), {x, T({2}, {-1, 1})})[0], {3}, {2, 3, 0});  // negative pad crops
        EXPECT_TENSOR(run(NodeBuilder("Pad").ints("pads", {1, 0}).f("value", 7), {x}, 2)[0], {4}, {7, 1, 2, 3});
    }
    void expand_and_tile() {
        EXPECT_TENSOR(run(NodeBuilder("Expand", 2), {T({2, 1}, {1, 2}), T({2}, {2, 3})})[0], {2, 3}, {1, 1, 1, 2, 2, 2});
        // Expand to a smaller-rank shape broadcasts both ways
        QCOMPARE(run(NodeBuilder("Expand", 2), {iota({3, 1}), T({1}, {4})})[0].shape, (Shape{3, 4}));
        EXPECT_TENSOR(run(NodeBuilder("Tile", 2), {T({1, 2}, {1, 2}), T({2}, {2, 2})})[0], {2, 4}, {1, 2, 1, 2, 1, 2, 1, 2});
    }
    void gather_axes_and_negative_indices() {
        const FloatTensor x = iota({3, 2});
        EXPECT_TENSOR(run(NodeBuilder("Gather", 2), {x, T({2}, {2, -3})})[0], {2, 2}, {4, 5, 0, 1});
        EXPECT_TENSOR(run(NodeBuilder("Gather", 2).i("axis", 1), {x, T({}, {1})})[0], {3}, {1, 3, 5});
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("Gather", 2), {x, T({1}, {3})}));
    }
    void gather_elements_and_gather_nd() {
        auto ge = run(NodeBuilder("GatherElements", 2).i("axis", 1), {T({2, 2}, {1, 2, 3, 4}), T({2, 2}, {0, 0, 1, 0})});
        EXPECT_TENSOR(ge[0], {2, 2}, {1, 1, 4, 3});
        auto nd = run(NodeBuilder("GatherND", 2), {T({2, 2}, {0, 1, 2, 3}), T({2, 2}, {0, 0, 1, 1})});
        EXPECT_TENSOR(nd[0], {2}, {0, 3});
        auto rows = run(NodeBuilder("GatherND", 2), {T({2, 2}, {0, 1, 2, 3}), T({2, 1}, {1, 0})});
        EXPECT_TENSOR(rows[0], {2, 2}, {2, 3, 0, 1});
        // batch_dims 1: each batch indexes its own [2, 2] slice
        auto batched = run(NodeBuilder("GatherND", 2).i("batch_dims", 1), {iota({2, 2, 2}), T({2, 1}, {1, 0})});
        EXPECT_TENSOR(batched[0], {2, 2}, {2, 3, 4, 5});
    }
    void scatter_elements_with_reduction_and_scatter_nd() {
        const FloatTensor data = T({1, 5}, {1, 2, 3, 4, 5});
        auto s = run(NodeBuilder("ScatterElements", 3).i("axis", 1), {data, T({1, 2}, {1, 3}), T({1, 2}, {1.1f, 2.1f})});
        EXPECT_TENSOR(s[0], {1, 5}, {1, 1.1f, 3, 2.1f, 5});
        auto add = run(NodeBuilder("ScatterElements", 3).i("axis", 1).s("reduction", "add"), {data, T({1, 2}, {1, 1}), T({1, 2}, {1, 2})});
        EXPECT_TENSOR(add[0], {1, 5}, {1, 5, 3, 4, 5});
        auto nd = run(NodeBuilder("ScatterND", 3), {T({8}, {1, 2, 3, 4, 5, 6, 7, 8}), T({4, 1}, {4, 3, 1, 7}), T({4}, {9, 10, 11, 12})});
        EXPECT_TENSOR(nd[0], {8}, {1, 11, 3, 10, 9, 6, 7, 12});  // the spec's example 1
    }
    void where_broadcasts_all_three() {
        auto y = run(NodeBuilder("Where", 3), {T({2, 1}, {1, 0}), T({1, 2}, {1, 2}), T({}, {-1})});
        EXPECT_TENSOR(y[0], {2, 2}, {1, 2, -1, -1});
    }
    void trilu_upper_lower_and_k() {
        const FloatTensor x = T({3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
        EXPECT_TENSOR(run(NodeBuilder("Trilu"), {x})[0], {3, 3}, {1, 2, 3, 0, 5, 6, 0, 0, 9});
        EXPECT_TENSOR(run(NodeBuilder("Trilu").i("upper", 0), {x})[0], {3, 3}, {1, 0, 0, 4, 5, 0, 7, 8, 9});
        EXPECT_TENSOR(run(NodeBuilder("Trilu", 2), {x, T({}, {1})})[0], {3, 3}, {0, 2, 3, 0, 0, 6, 0, 0, 0});
        EXPECT_TENSOR(run(NodeBuilder("Trilu", 2).i("upper", 0), {x, T({}, {-1})})[0], {3, 3}, {0, 0, 0, 4, 0, 0, 7, 8, 0});
    }
    void depth_to_space_and_back() {
        // 4 channels of 1×1 → one 2×2 plane; DCR and CRD agree when C/(b²) = 1
        const FloatTensor x = T({1, 4, 1, 1}, {1, 2, 3, 4});
        EXPECT_TENSOR(run(NodeBuilder("DepthToSpace").i("blocksize", 2), {x})[0], {1, 1, 2, 2}, {1, 2, 3, 4});
        const FloatTensor x8 = iota({1, 8, 1, 1});
        EXPECT_TENSOR(run(NodeBuilder("DepthToSpace").i("blocksize", 2), {x8})[0], {1, 2, 2, 2}, {0, 2, 4, 6, 1, 3, 5, 7});
        EXPECT_TENSOR(run(NodeBuilder("DepthToSpace").i("blocksize", 2).s("mode", "CRD"), {x8})[0], {1, 2, 2, 2}, {0, 1, 2, 3, 4, 5, 6, 7});
        auto back = run(NodeBuilder("SpaceToDepth").i("blocksize", 2), {T({1, 1, 2, 2}, {1, 2, 3, 4})});
        EXPECT_TENSOR(back[0], {1, 4, 1, 1}, {1, 2, 3, 4});
    }
    void reverse_sequence_per_batch_length() {
        // time_axis 0, batch_axis 1: batch 0 reverses 2 steps, batch 1 all 3
        auto y = run(NodeBuilder("ReverseSequence", 2), {T({3, 2}, {1, 10, 2, 20, 3, 30}), T({2}, {2, 3})});
        EXPECT_TENSOR(y[0], {3, 2}, {2, 30, 1, 20, 3, 10});
    }
    void compress_along_axis_and_flat() {
        const FloatTensor x = T({3, 2}, {1, 2, 3, 4, 5, 6});
        EXPECT_TENSOR(run(NodeBuilder("Compress", 2).i("axis", 0), {x, T({3}, {0, 1, 1})})[0], {2, 2}, {3, 4, 5, 6});
        EXPECT_TENSOR(run(NodeBuilder("Compress", 2).i("axis", 1), {x, T({1}, {1})})[0], {3, 1}, {1, 3, 5});
        EXPECT_TENSOR(run(NodeBuilder("Compress", 2), {x, T({5}, {0, 1, 0, 0, 1})})[0], {2}, {2, 5});
    }
    void int64_path_moves_values_identically() {
        // The fixed-point executor calls the same template with T = int64_t.
        Node n = NodeBuilder("Transpose").ints("perm", {1, 0}).node();
        IntTensor xi({2, 3}, std::vector<int64_t>{-3, 1, 4, 1 << 20, -5, 9});
        auto yi = run_data_movement<int64_t>(n, 17, {&xi}, {nullptr});
        QCOMPARE(yi[0].shape, (Shape{3, 2}));
        QCOMPARE(yi[0].data, (std::vector<int64_t>{-3, 1 << 20, 1, -5, 4, 9}));
        Node g = NodeBuilder("Gather", 2).node();
        IntTensor idx({1}, std::vector<int64_t>{-1});
        auto gi = run_data_movement<int64_t>(g, 17, {&xi, nullptr}, {nullptr, &idx});
        QCOMPARE(gi[0].data, (std::vector<int64_t>{1 << 20, -5, 9}));
        QVERIFY(is_index_input("Reshape", 1) && !is_index_input("Reshape", 0) && is_index_input("Where", 0));
        QVERIFY(is_data_movement_op("ScatterND") && !is_data_movement_op("Relu"));
    }
};

QTEST_APPLESS_MAIN(TestOpsDataMovement)
#include "tst_ops_data_movement.moc"
