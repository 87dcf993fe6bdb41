// Normalisation layers in inference form, worked by hand (means, variances, scales).
#include "op_test_support.hpp"
#include "core/util/error.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

class TestOpsNormalisation : public QObject {
    Q_OBJECT
private slots:
    void batch_norm_uses_running_statistics_per_channel() {
        // ch0: (x − 2)/1·1 + 0; ch1: (x − 3)/2·2 + 1
        auto y = run(NodeBuilder("BatchNormalization", 5).f("epsilon", 0),
                     {T({1, 2, 1, 2}, {1, 3, 2, 4}), T({2}, {1, 2}), T({2}, {0, 1}), T({2}, {2, 3}), T({2}, {1, 4})});
        EXPECT_TENSOR(y[0], {1, 2, 1, 2}, {-1, 1, 0, 2});
    }
    void batch_norm_epsilon_enters_the_variance() {
        // var 0 with ε = 0.25: 1/sqrt(0.25) = 2
        auto y = run(NodeBuilder("BatchNormalization", 5).f("epsilon", 0.25f),
                     {T({1, 1, 2}, {1, 2}), T({1}, {1}), T({1}, {0}), T({1}, {0}), T({1}, {0})});
        EXPECT_TENSOR(y[0], {1, 1, 2}, {2, 4});
    }
    void batch_norm_training_mode_is_rejected() {
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("BatchNormalization", 5).i("training_mode", 1),
                                                {T({1, 1, 1}, {1}), T({1}, {1}), T({1}, {0}), T({1}, {0}), T({1}, {1})}));
    }
    void instance_norm_over_spatial_dims() {
        // mean 2.5, variance 1.25 → (x − 2.5)/1.1180340, then ·2 + 1
        auto y = run(NodeBuilder("InstanceNormalization", 3).f("epsilon", 0), {T({1, 1, 4}, {1, 2, 3, 4}), T({1}, {2}), T({1}, {1})});
        EXPECT_TENSOR(y[0], {1, 1, 4}, {-1.683281573f, 0.105572809f, 1.894427191f, 3.683281573f});
    }
    void layer_norm_last_axis_with_scale_bias_and_statistics() {
        auto y = run(NodeBuilder("LayerNormalization", 3, 3), {T({2, 2}, {1, 3, 2, 2}), T({2}, {1, 2}), T({2}, {0, 0.5f})});
        EXPECT_TENSOR(y[0], {2, 2}, {-1, 2.5f, 0, 0.5f});
        EXPECT_TENSOR(y[1], {2, 1}, {2, 2});
        EXPECT_TENSOR(y[2], {2, 1}, {1, 316.227766f});  // 1/sqrt(0 + 1e-5) for the constant row
    }
    void layer_norm_over_two_axes() {
        // axis 1 of [1, 2, 2]: normalise all four values together (mean 2.5, var 1.25)
        auto y = run(NodeBuilder("LayerNormalization", 2).i("axis", 1).f("epsilon", 0), {T({1, 2, 2}, {1, 2, 3, 4}), T({2, 2}, {1, 1, 1, 1})});
        EXPECT_TENSOR(y[0], {1, 2, 2}, {-1.341640786f, -0.447213595f, 0.447213595f, 1.341640786f});
    }
    void lp_normalization_p1_and_p2() {
        EXPECT_TENSOR(run(NodeBuilder("LpNormalization"), {T({1, 2}, {3, 4})})[0], {1, 2}, {0.6f, 0.8f});
        EXPECT_TENSOR(run(NodeBuilder("LpNormalization").i("p", 1), {T({1, 2}, {1, -3})})[0], {1, 2}, {0.25f, -0.75f});
    }
    void lrn_divides_by_the_channel_window_energy() {
        // size 3, alpha 3, beta 1, bias 1: channel 0 window {0,1}: 1 + (3/3)(1 + 4) = 6 → 1/6;
        // channel 1 window {0,1,2}: 1 + 14 = 15 → 2/15; channel 2 window {1,2}: 1 + 13 = 14 → 3/14
        auto y = run(NodeBuilder("LRN").i("size", 3).f("alpha", 3).f("beta", 1).f("bias", 1), {T({1, 3, 1}, {1, 2, 3})});
        EXPECT_TENSOR(y[0], {1, 3, 1}, {1.0f / 6, 2.0f / 15, 3.0f / 14});
    }
    void mean_variance_normalization_default_axes() {
        auto y = run(NodeBuilder("MeanVarianceNormalization"), {T({1, 1, 2, 2}, {1, 2, 3, 4})});
        EXPECT_TENSOR(y[0], {1, 1, 2, 2}, {-1.341640786f, -0.447213595f, 0.447213595f, 1.341640786f});
    }
};

QTEST_APPLESS_MAIN(TestOpsNormalisation)
#include "tst_ops_normalisation.moc"
