// Comparisons and boolean/bitwise logic with broadcasting; results are 0/1.
#include "op_test_support.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

class TestOpsLogic : public QObject {
    Q_OBJECT
private slots:
    void comparisons_broadcast_against_a_scalar() {
        const FloatTensor x = T({4}, {-1, 0, 1, 2}), zero = T({}, {0});
        EXPECT_TENSOR(run(NodeBuilder("Equal", 2), {x, zero})[0], {4}, {0, 1, 0, 0});
        EXPECT_TENSOR(run(NodeBuilder("Less", 2), {x, zero})[0], {4}, {1, 0, 0, 0});
        EXPECT_TENSOR(run(NodeBuilder("LessOrEqual", 2), {x, zero})[0], {4}, {1, 1, 0, 0});
        EXPECT_TENSOR(run(NodeBuilder("Greater", 2), {x, zero})[0], {4}, {0, 0, 1, 1});
        EXPECT_TENSOR(run(NodeBuilder("GreaterOrEqual", 2), {x, zero})[0], {4}, {0, 1, 1, 1});
    }
    void boolean_truth_tables() {
        const FloatTensor a = T({4}, {0, 0, 1, 1}), b = T({4}, {0, 1, 0, 1});
        EXPECT_TENSOR(run(NodeBuilder("And", 2), {a, b})[0], {4}, {0, 0, 0, 1});
        EXPECT_TENSOR(run(NodeBuilder("Or", 2), {a, b})[0], {4}, {0, 1, 1, 1});
        EXPECT_TENSOR(run(NodeBuilder("Xor", 2), {a, b})[0], {4}, {0, 1, 1, 0});
        EXPECT_TENSOR(run(NodeBuilder("Not"), {a})[0], {4}, {1, 1, 0, 0});
    }
    void comparison_grid_by_broadcasting() {
        // [2,1] < [1,3]: the outer comparison table
        EXPECT_TENSOR(run(NodeBuilder("Less", 2), {T({2, 1}, {1, 2}), T({1, 3}, {0, 1.5f, 3})})[0], {2, 3}, {0, 1, 1, 0, 0, 1});
    }
    void bitwise_ops_on_integers() {
        const FloatTensor a = T({3}, {12, 10, -1}), b = T({3}, {10, 6, 5});
        EXPECT_TENSOR(run(NodeBuilder("BitwiseAnd", 2), {a, b})[0], {3}, {8, 2, 5});
        EXPECT_TENSOR(run(NodeBuilder("BitwiseOr", 2), {a, b})[0], {3}, {14, 14, -1});
        EXPECT_TENSOR(run(NodeBuilder("BitwiseXor", 2), {a, b})[0], {3}, {6, 12, -6});
        EXPECT_TENSOR(run(NodeBuilder("BitwiseNot"), {T({2}, {0, 5})}, 18, {}, {DType::Int32})[0], {2}, {-1, -6});
        EXPECT_TENSOR(run(NodeBuilder("BitwiseNot"), {T({2}, {0, 5})}, 18, {}, {DType::Uint8})[0], {2}, {255, 250});
    }
};

QTEST_APPLESS_MAIN(TestOpsLogic)
#include "tst_ops_logic.moc"
