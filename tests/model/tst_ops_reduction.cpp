// Reductions over chosen axes (attribute and input forms), keepdims, empty axes, and
// ArgMax/ArgMin/CumSum, on values small enough to sum by hand.
#include "op_test_support.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

namespace {
const FloatTensor X = T({2, 3}, {1, 2, 3, 4, 5, 6});
}

class TestOpsReduction : public QObject {
    Q_OBJECT
private slots:
    void reduce_sum_axes_input_and_keepdims() {
        EXPECT_TENSOR(run(NodeBuilder("ReduceSum", 2), {X, T({1}, {1})}, 13)[0], {2, 1}, {6, 15});
        EXPECT_TENSOR(run(NodeBuilder("ReduceSum", 2).i("keepdims", 0), {X, T({1}, {0})}, 13)[0], {3}, {5, 7, 9});
        EXPECT_TENSOR(run(NodeBuilder("ReduceSum"), {X}, 13)[0], {1, 1}, {21});  // no axes: everything
        EXPECT_TENSOR(run(NodeBuilder("ReduceSum", 2).i("noop_with_empty_axes", 1), {X, T({0}, {})}, 13)[0], {2, 3}, {1, 2, 3, 4, 5, 6});
    }
    void reduce_with_attribute_axes_before_opset18() {
        EXPECT_TENSOR(run(NodeBuilder("ReduceMean").ints("axes", {-1}), {X}, 13)[0], {2, 1}, {2, 5});
        EXPECT_TENSOR(run(NodeBuilder("ReduceMax").ints("axes", {0}).i("keepdims", 0), {X}, 13)[0], {3}, {4, 5, 6});
        EXPECT_TENSOR(run(NodeBuilder("ReduceMin", 2).i("keepdims", 0), {X, T({1}, {1})}, 18)[0], {2}, {1, 4});
    }
    void product_norms_and_logs() {
        EXPECT_TENSOR(run(NodeBuilder("ReduceProd").ints("axes", {1}).i("keepdims", 0), {X}, 13)[0], {2}, {6, 120});
        const FloatTensor v = T({1, 2}, {3, -4});
        EXPECT_TENSOR(run(NodeBuilder("ReduceL1").i("keepdims", 0), {v}, 13)[0], {}, {7});
        EXPECT_TENSOR(run(NodeBuilder("ReduceL2").i("keepdims", 0), {v}, 13)[0], {}, {5});
        EXPECT_TENSOR(run(NodeBuilder("ReduceSumSquare").i("keepdims", 0), {v}, 13)[0], {}, {25});
        EXPECT_TENSOR(run(NodeBuilder("ReduceLogSum").i("keepdims", 0), {T({2}, {1, 1.718281828f})}, 13)[0], {}, {1});
        // log(e^1000 + e^1000) = 1000 + ln 2: must not overflow
        EXPECT_TENSOR(run(NodeBuilder("ReduceLogSumExp").i("keepdims", 0), {T({2}, {1000, 1000})}, 13)[0], {}, {1000.693147f});
    }
    void arg_max_min_first_or_last_index() {
        const FloatTensor t = T({2, 3}, {1, 3, 3, 0, -1, 0});
        EXPECT_TENSOR(run(NodeBuilder("ArgMax").i("axis", 1), {t})[0], {2, 1}, {1, 0});
        EXPECT_TENSOR(run(NodeBuilder("ArgMax").i("axis", 1).i("select_last_index", 1), {t})[0], {2, 1}, {2, 2});
        EXPECT_TENSOR(run(NodeBuilder("ArgMin").i("axis", 0).i("keepdims", 0), {t})[0], {3}, {1, 1, 1});
    }
    void cum_sum_inclusive_exclusive_reverse() {
        const FloatTensor v = T({4}, {1, 2, 3, 4});
        EXPECT_TENSOR(run(NodeBuilder("CumSum", 2), {v, T({}, {0})})[0], {4}, {1, 3, 6, 10});
        EXPECT_TENSOR(run(NodeBuilder("CumSum", 2).i("exclusive", 1), {v, T({}, {0})})[0], {4}, {0, 1, 3, 6});
        EXPECT_TENSOR(run(NodeBuilder("CumSum", 2).i("reverse", 1), {v, T({}, {0})})[0], {4}, {10, 9, 7, 4});
        EXPECT_TENSOR(run(NodeBuilder("CumSum", 2), {X, T({}, {1})})[0], {2, 3}, {1, 3, 6, 4, 9, 15});
    }
};

QTEST_APPLESS_MAIN(TestOpsReduction)
#include "tst_ops_reduction.moc"
