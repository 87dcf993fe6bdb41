// Gemm (alpha, beta, transA, transB, C broadcast) and MatMul (numpy.matmul: batch
// broadcasting and 1-D promotion), values worked out by hand.
#include "op_test_support.hpp"
#include "core/util/error.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

class TestOpsLinear : public QObject {
    Q_OBJECT
    const FloatTensor A = T({2, 2}, {1, 2, 3, 4});
    const FloatTensor B = T({2, 2}, {5, 6, 7, 8});
private slots:
    void gemm_plain_product() {
        EXPECT_TENSOR(run(NodeBuilder("Gemm", 2), {A, B})[0], {2, 2}, {19, 22, 43, 50});
    }
    void gemm_transposes() {
        EXPECT_TENSOR(run(NodeBuilder("Gemm", 2).i("transB", 1), {A, B})[0], {2, 2}, {17, 23, 39, 53});
        EXPECT_TENSOR(run(NodeBuilder("Gemm", 2).i("transA", 1), {A, B})[0], {2, 2}, {26, 30, 38, 44});
    }
    void gemm_alpha_beta_and_row_bias() {
        auto y = run(NodeBuilder("Gemm", 3).f("alpha", 2).f("beta", 0.5f), {A, B, T({2}, {1, 2})});
        EXPECT_TENSOR(y[0], {2, 2}, {38.5f, 45, 86.5f, 101});
        auto scalar_bias = run(NodeBuilder("Gemm", 3), {A, B, T({}, {-1})});
        EXPECT_TENSOR(scalar_bias[0], {2, 2}, {18, 21, 42, 49});
    }
    void gemm_non_square() {
        // [1,3]·[3,2]: (1·1+2·3+3·5, 1·2+2·4+3·6) = (22, 28)
        auto y = run(NodeBuilder("Gemm", 2), {T({1, 3}, {1, 2, 3}), T({3, 2}, {1, 2, 3, 4, 5, 6})});
        EXPECT_TENSOR(y[0], {1, 2}, {22, 28});
    }
    void gemm_rejects_mismatched_inner_dims() {
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("Gemm", 2), {T({1, 3}, {1, 2, 3}), A}));
    }
    void matmul_batched_with_broadcast_rhs() {
        // a [2,2,2] · b [2,2]: b is shared by both batches
        auto y = run(NodeBuilder("MatMul", 2), {T({2, 2, 2}, {1, 2, 3, 4, 1, 0, 0, 1}), B});
        EXPECT_TENSOR(y[0], {2, 2, 2}, {19, 22, 43, 50, 5, 6, 7, 8});
    }
    void matmul_broadcasts_batch_dims_both_ways() {
        // a [2,1,1,2] · b [3,2,1] → [2,3,1,1]
        auto y = run(NodeBuilder("MatMul", 2), {T({2, 1, 1, 2}, {1, 1, 2, 2}), T({3, 2, 1}, {1, 0, 0, 1, 1, 1})});
        EXPECT_TENSOR(y[0], {2, 3, 1, 1}, {1, 1, 2, 2, 2, 4});
    }
    void matmul_promotes_vectors() {
        const FloatTensor m = T({2, 3}, {1, 2, 3, 4, 5, 6});
        EXPECT_TENSOR(run(NodeBuilder("MatMul", 2), {T({2}, {1, 2}), m})[0], {3}, {9, 12, 15});
        EXPECT_TENSOR(run(NodeBuilder("MatMul", 2), {m, T({3}, {1, 1, 1})})[0], {2}, {6, 15});
        EXPECT_TENSOR(run(NodeBuilder("MatMul", 2), {T({3}, {1, 2, 3}), T({3}, {4, 5, 6})})[0], {}, {32});
    }
    void einsum_matmul_transpose_trace_and_batch() {
        EXPECT_TENSOR(run(NodeBuilder("Einsum", 2).s("equation", "ij,jk->ik"), {A, B})[0], {2, 2}, {19, 22, 43, 50});
        EXPECT_TENSOR(run(NodeBuilder("Einsum").s("equation", "ij->ji"), {A})[0], {2, 2}, {1, 3, 2, 4});
        EXPECT_TENSOR(run(NodeBuilder("Einsum").s("equation", "ii"), {A})[0], {}, {5});           // trace, implicit output
        EXPECT_TENSOR(run(NodeBuilder("Einsum").s("equation", "ii->i"), {A})[0], {2}, {1, 4});   // diagonal
        EXPECT_TENSOR(run(NodeBuilder("Einsum", 2).s("equation", "i,i"), {T({3}, {1, 2, 3}), T({3}, {4, 5, 6})})[0], {}, {32});
        // batched with ellipsis: "...ij,...jk" (implicit output "...ik")
        auto y = run(NodeBuilder("Einsum", 2).s("equation", "...ij,...jk"), {T({2, 1, 2}, {1, 2, 3, 4}), T({2, 1}, {1, 1})});
        EXPECT_TENSOR(y[0], {2, 1, 1}, {3, 7});
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("Einsum", 2).s("equation", "ij,jk->ik"), {A, T({3, 1}, {1, 1, 1})}));
    }
    void matmul_error_names_the_node_and_shapes() {
        try {
            run(NodeBuilder("MatMul", 2), {T({2, 3}, std::vector<float>(6)), A});
            QFAIL("expected an error");
        } catch (const ps::Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("MatMul_test") != std::string::npos && m.find("2\u00d73") != std::string::npos, m.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestOpsLinear)
#include "tst_ops_linear.moc"
