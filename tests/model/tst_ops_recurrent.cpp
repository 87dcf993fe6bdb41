// RNN, GRU and LSTM on one hidden unit, two time steps: the expected values follow the
// spec's equations step by step (σ = logistic, tanh), e.g. for the RNN
//   h1 = tanh(0.5·1 + 2·0 + 0.1 + 0.2) = tanh(0.8) = 0.664036770
//   h2 = tanh(0.5·(−1) + 2·h1 + 0.3) = tanh(1.128073540) = 0.810358905
#include "op_test_support.hpp"
#include "core/util/error.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

namespace {
// X [seq = 2, batch = 1, input = 1]
const FloatTensor X = T({2, 1, 1}, {1, -0.5f});
}

class TestOpsRecurrent : public QObject {
    Q_OBJECT
private slots:
    void rnn_two_steps_with_biases() {
        auto y = run(NodeBuilder("RNN", 4, 2).i("hidden_size", 1),
                     {T({2, 1, 1}, {1, -1}), T({1, 1, 1}, {0.5f}), T({1, 1, 1}, {2}), T({1, 2}, {0.1f, 0.2f})});
        EXPECT_TENSOR(y[0], {2, 1, 1, 1}, {0.664036770f, 0.810358905f});
        EXPECT_TENSOR(y[1], {1, 1, 1}, {0.810358905f});
    }
    void gru_linear_before_reset_changes_the_candidate() {
        // W = R·2 = 1 for z, r, h; Wb = (0.1, 0.2, 0.3), Rb = (0.4, 0.5, 0.6); X = (1, 0.5)
        const std::vector<FloatTensor> in = {T({2, 1, 1}, {1, 0.5f}), T({1, 3, 1}, {1, 1, 1}), T({1, 3, 1}, {0.5f, 0.5f, 0.5f}),
                                             T({1, 6}, {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f})};
        auto y0 = run(NodeBuilder("GRU", 4, 2).i("hidden_size", 1), in);
        EXPECT_TENSOR(y0[0], {2, 1, 1, 1}, {0.174442119f, 0.357199812f});
        auto y1 = run(NodeBuilder("GRU", 4, 2).i("hidden_size", 1).i("linear_before_reset", 1), in);
        EXPECT_TENSOR(y1[0], {2, 1, 1, 1}, {0.172858931f, 0.349032659f});
        EXPECT_TENSOR(y1[1], {1, 1, 1}, {0.349032659f});
    }
    void lstm_forward_state_and_cell() {
        // gates i, o, f, c with W = (1, 0.5, −1, 2), R = 0.3 each, no bias
        auto y = run(NodeBuilder("LSTM", 3, 3).i("hidden_size", 1), {X, T({1, 4, 1}, {1, 0.5f, -1, 2}), T({1, 4, 1}, {0.3f, 0.3f, 0.3f, 0.3f})});
        EXPECT_TENSOR(y[0], {2, 1, 1, 1}, {0.378069876f, 0.078490888f});
        EXPECT_TENSOR(y[1], {1, 1, 1}, {0.078490888f});
        EXPECT_TENSOR(y[2], {1, 1, 1}, {0.170090071f});
    }
    void lstm_bidirectional_runs_the_reverse_pass_backwards() {
        const FloatTensor w = T({2, 4, 1}, {1, 0.5f, -1, 2, 1, 0.5f, -1, 2});
        const FloatTensor r = T({2, 4, 1}, std::vector<float>(8, 0.3f));
        auto y = run(NodeBuilder("LSTM", 3, 3).i("hidden_size", 1).s("direction", "bidirectional"), {X, w, r});
        // Y [seq, dirs, batch, hidden]: (t0 fwd, t0 rev, t1 fwd, t1 rev)
        EXPECT_TENSOR(y[0], {2, 2, 1, 1}, {0.378069876f, 0.338493957f, 0.078490888f, -0.122530333f});
        EXPECT_TENSOR(y[1], {2, 1, 1}, {0.078490888f, 0.338493957f});
        EXPECT_TENSOR(y[2], {2, 1, 1}, {0.170090071f, 0.620517506f});
    }
    void sequence_lens_stop_early_and_zero_the_tail() {
        // batch of 1 with length 1: the second step is skipped, Y there is 0, Y_h is step 1
        auto y = run(NodeBuilder("RNN", 5, 2).i("hidden_size", 1),
                     {T({2, 1, 1}, {1, -1}), T({1, 1, 1}, {0.5f}), T({1, 1, 1}, {2}), T({1, 2}, {0.1f, 0.2f}), T({1}, {1})});
        EXPECT_TENSOR(y[0], {2, 1, 1, 1}, {0.664036770f, 0});
        EXPECT_TENSOR(y[1], {1, 1, 1}, {0.664036770f});
    }
    void batch_first_layout() {
        // layout 1: X [batch, seq, input]; Y [batch, seq, dirs, hidden]
        auto y = run(NodeBuilder("RNN", 4, 2).i("hidden_size", 1).i("layout", 1),
                     {T({1, 2, 1}, {1, -1}), T({1, 1, 1}, {0.5f}), T({1, 1, 1}, {2}), T({1, 2}, {0.1f, 0.2f})});
        EXPECT_TENSOR(y[0], {1, 2, 1, 1}, {0.664036770f, 0.810358905f});
    }
    void named_activations_and_clip() {
        // Relu instead of Tanh: h1 = relu(0.8) = 0.8, h2 = relu(−0.5 + 1.6 + 0.3) = 1.4; clip 1 caps the pre-activation
        const std::vector<FloatTensor> in = {T({2, 1, 1}, {1, -1}), T({1, 1, 1}, {0.5f}), T({1, 1, 1}, {2}), T({1, 2}, {0.1f, 0.2f})};
        EXPECT_TENSOR(run(NodeBuilder("RNN", 4, 2).i("hidden_size", 1).strings("activations", {"Relu"}), in)[0], {2, 1, 1, 1}, {0.8f, 1.4f});
        EXPECT_TENSOR(run(NodeBuilder("RNN", 4, 2).i("hidden_size", 1).strings("activations", {"Relu"}).f("clip", 1), in)[0],
                      {2, 1, 1, 1}, {0.8f, 1});
    }
    void mismatched_weights_are_an_error() {
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("LSTM", 3, 3).i("hidden_size", 2), {X, T({1, 4, 1}, {1, 1, 1, 1}), T({1, 4, 1}, {0, 0, 0, 0})}));
    }
};

QTEST_APPLESS_MAIN(TestOpsRecurrent)
#include "tst_ops_recurrent.moc"
