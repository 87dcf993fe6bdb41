// NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss: reductions, weights, ignore_index.
#include "op_test_support.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

namespace {
// N = 2, C = 3 log-probabilities; targets 2 and 0 pick −0.2 and −1.5
const FloatTensor LogP = T({2, 3}, {-1, -2, -0.2f, -1.5f, -0.5f, -3});
const FloatTensor Target = T({2}, {2, 0});
}  // namespace

class TestOpsLoss : public QObject {
    Q_OBJECT
private slots:
    void nll_reductions() {
        EXPECT_TENSOR(run(NodeBuilder("NegativeLogLikelihoodLoss", 2).s("reduction", "none"), {LogP, Target})[0], {2}, {0.2f, 1.5f});
        EXPECT_TENSOR(run(NodeBuilder("NegativeLogLikelihoodLoss", 2).s("reduction", "sum"), {LogP, Target})[0], {}, {1.7f});
        EXPECT_TENSOR(run(NodeBuilder("NegativeLogLikelihoodLoss", 2), {LogP, Target})[0], {}, {0.85f});
    }
    void nll_weighted_mean_divides_by_weights() {
        // weights w2 = 3, w0 = 1: (0.2·3 + 1.5·1) / 4
        auto y = run(NodeBuilder("NegativeLogLikelihoodLoss", 3), {LogP, Target, T({3}, {1, 2, 3})});
        EXPECT_TENSOR(y[0], {}, {2.1f / 4});
    }
    void nll_ignore_index_drops_the_sample() {
        auto y = run(NodeBuilder("NegativeLogLikelihoodLoss", 2).i("ignore_index", 0), {LogP, Target});
        EXPECT_TENSOR(y[0], {}, {0.2f});
    }
    void softmax_cross_entropy_equals_nll_of_log_softmax() {
        // scores [0, 0] → log-probabilities −ln 2 each; loss ln 2
        auto y = run(NodeBuilder("SoftmaxCrossEntropyLoss", 2, 2), {T({1, 2}, {0, 0}), T({1}, {1})});
        EXPECT_TENSOR(y[0], {}, {0.693147181f});
        EXPECT_TENSOR(y[1], {1, 2}, {-0.693147181f, -0.693147181f});
    }
};

QTEST_APPLESS_MAIN(TestOpsLoss)
#include "tst_ops_loss.moc"
