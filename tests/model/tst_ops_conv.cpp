// Conv and ConvTranspose: padding, strides, dilations, groups, bias, auto_pad, output
// padding — small enough to add up by hand.
#include "op_test_support.hpp"
#include "core/util/error.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

namespace {
const FloatTensor X3x3 = T({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
}

class TestOpsConv : public QObject {
    Q_OBJECT
private slots:
    void conv_valid_2x2_window_sums() {
        auto y = run(NodeBuilder("Conv", 2), {X3x3, T({1, 1, 2, 2}, {1, 1, 1, 1})});
        EXPECT_TENSOR(y[0], {1, 1, 2, 2}, {12, 16, 24, 28});
    }
    void conv_padded_3x3_keeps_size() {
        auto y = run(NodeBuilder("Conv", 2).ints("pads", {1, 1, 1, 1}), {X3x3, T({1, 1, 3, 3}, std::vector<float>(9, 1))});
        EXPECT_TENSOR(y[0], {1, 1, 3, 3}, {12, 21, 16, 27, 45, 33, 24, 39, 28});
    }
    void conv_strided_with_bias_and_two_output_channels() {
        // kernel 0: top-left tap only; kernel 1: bottom-right tap only; stride 2
        auto y = run(NodeBuilder("Conv", 3).ints("strides", {2, 2}),
                     {X3x3, T({2, 1, 2, 2}, {1, 0, 0, 0, 0, 0, 0, 1}), T({2}, {100, -100})});
        EXPECT_TENSOR(y[0], {1, 2, 1, 1}, {101, -95});
    }
    void depthwise_conv_with_groups() {
        auto y = run(NodeBuilder("Conv", 3).i("group", 2),
                     {T({1, 2, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8}), T({2, 1, 1, 1}, {2, -1}), T({2}, {1, 0})});
        EXPECT_TENSOR(y[0], {1, 2, 2, 2}, {3, 5, 7, 9, -5, -6, -7, -8});
    }
    void dilated_1d_conv() {
        auto y = run(NodeBuilder("Conv", 2).ints("dilations", {2}), {T({1, 1, 5}, {1, 2, 3, 4, 5}), T({1, 1, 2}, {1, 1})});
        EXPECT_TENSOR(y[0], {1, 1, 3}, {4, 6, 8});
    }
    void auto_pad_same_upper_and_lower() {
        const FloatTensor x = T({1, 1, 4}, {1, 2, 3, 4}), w = T({1, 1, 3}, {1, 1, 1});
        // out = ceil(4/2) = 2, total pad 1: UPPER pads the end, LOWER the start
        EXPECT_TENSOR(run(NodeBuilder("Conv", 2).s("auto_pad", "SAME_UPPER").ints("strides", {2}), {x, w})[0], {1, 1, 2}, {6, 7});
        EXPECT_TENSOR(run(NodeBuilder("Conv", 2).s("auto_pad", "SAME_LOWER").ints("strides", {2}), {x, w})[0], {1, 1, 2}, {3, 9});
    }
    void conv_rejects_channel_mismatch() {
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("Conv", 2), {X3x3, T({1, 2, 1, 1}, {1, 1})}));
    }
    void conv_transpose_1d_strides_pads_output_padding() {
        const FloatTensor x = T({1, 1, 2}, {1, 2}), w = T({1, 1, 3}, {1, 1, 1});
        EXPECT_TENSOR(run(NodeBuilder("ConvTranspose", 2), {x, w})[0], {1, 1, 4}, {1, 3, 3, 2});
        EXPECT_TENSOR(run(NodeBuilder("ConvTranspose", 2).ints("strides", {2}), {x, w})[0], {1, 1, 5}, {1, 1, 3, 2, 2});
        EXPECT_TENSOR(run(NodeBuilder("ConvTranspose", 2).ints("strides", {2}).ints("pads", {1, 1}), {x, w})[0], {1, 1, 3}, {1, 3, 2});
        EXPECT_TENSOR(run(NodeBuilder("ConvTranspose", 2).ints("strides", {2}).ints("output_padding", {1}), {x, w})[0], {1, 1, 6},
                      {1, 1, 3, 2, 2, 0});
    }
    void conv_transpose_2d_upsamples_blocks() {
        auto y = run(NodeBuilder("ConvTranspose", 2).ints("strides", {2, 2}), {T({1, 1, 2, 2}, {1, 2, 3, 4}), T({1, 1, 2, 2}, {1, 1, 1, 1})});
        EXPECT_TENSOR(y[0], {1, 1, 4, 4}, {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4});
    }
    void conv_transpose_sums_input_channels_and_adds_bias() {
        // W is [C_in, C_out/group, k]: 3·1 + 4·2 + bias 0.5
        auto y = run(NodeBuilder("ConvTranspose", 3), {T({1, 2, 1}, {1, 2}), T({2, 1, 1}, {3, 4}), T({1}, {0.5f})});
        EXPECT_TENSOR(y[0], {1, 1, 1}, {11.5f});
    }
    void conv_transpose_output_shape_sets_padding() {
        // natural length 5 (stride 2); output_shape 4 → total padding 1; NOTSET puts the
        // larger half (here all of it) at the start (spec: pads[start] = total − total/2)
        auto y = run(NodeBuilder("ConvTranspose", 2).ints("strides", {2}).ints("output_shape", {4}),
                     {T({1, 1, 2}, {1, 2}), T({1, 1, 3}, {1, 1, 1})});
        EXPECT_TENSOR(y[0], {1, 1, 4}, {1, 3, 2, 2});
    }
};

QTEST_APPLESS_MAIN(TestOpsConv)
#include "tst_ops_conv.moc"
