// MaxPool / AveragePool / LpPool and the global forms: padding with and without
// count_include_pad, ceil_mode, dilation, MaxPool indices.
#include "op_test_support.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

class TestOpsPooling : public QObject {
    Q_OBJECT
private slots:
    void max_pool_2x2_stride_2() {
        std::vector<float> v(16);
        for (int i = 0; i < 16; ++i) v[static_cast<size_t>(i)] = static_cast<float>(i + 1);
        auto y = run(NodeBuilder("MaxPool").ints("kernel_shape", {2, 2}).ints("strides", {2, 2}), {T({1, 1, 4, 4}, v)});
        EXPECT_TENSOR(y[0], {1, 1, 2, 2}, {6, 8, 14, 16});
    }
    void average_pool_padding_excluded_or_counted() {
        const FloatTensor x = T({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
        auto excl = run(NodeBuilder("AveragePool").ints("kernel_shape", {3, 3}).ints("pads", {1, 1, 1, 1}), {x});
        EXPECT_TENSOR(excl[0], {1, 1, 3, 3}, {3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7});
        auto incl = run(NodeBuilder("AveragePool").ints("kernel_shape", {3, 3}).ints("pads", {1, 1, 1, 1}).i("count_include_pad", 1), {x});
        EXPECT_TENSOR(incl[0], {1, 1, 3, 3}, {12.0f / 9, 21.0f / 9, 16.0f / 9, 27.0f / 9, 5, 33.0f / 9, 24.0f / 9, 39.0f / 9, 28.0f / 9});
    }
    void ceil_mode_adds_a_partial_window() {
        const FloatTensor x = T({1, 1, 5}, {1, 2, 3, 4, 5});
        EXPECT_TENSOR(run(NodeBuilder("MaxPool").ints("kernel_shape", {2}).ints("strides", {2}), {x})[0], {1, 1, 2}, {2, 4});
        EXPECT_TENSOR(run(NodeBuilder("MaxPool").ints("kernel_shape", {2}).ints("strides", {2}).i("ceil_mode", 1), {x})[0], {1, 1, 3}, {2, 4, 5});
        // the partial window averages only its real cell
        EXPECT_TENSOR(run(NodeBuilder("AveragePool").ints("kernel_shape", {2}).ints("strides", {2}).i("ceil_mode", 1), {x})[0], {1, 1, 3},
                      {1.5f, 3.5f, 5});
    }
    void dilated_max_pool() {
        auto y = run(NodeBuilder("MaxPool").ints("kernel_shape", {2}).ints("dilations", {2}), {T({1, 1, 5}, {1, 5, 2, 6, 3})});
        EXPECT_TENSOR(y[0], {1, 1, 3}, {2, 6, 3});
    }
    void max_pool_indices_are_flat_row_major() {
        auto y = run(NodeBuilder("MaxPool", 1, 2).ints("kernel_shape", {2, 2}), {T({1, 2, 2, 2}, {1, 4, 3, 2, 0, 0, 9, 0})});
        EXPECT_TENSOR(y[0], {1, 2, 1, 1}, {4, 9});
        EXPECT_TENSOR(y[1], {1, 2, 1, 1}, {1, 6});  // second plane starts at 4
    }
    void lp_pool_is_the_p_norm_of_the_window() {
        EXPECT_TENSOR(run(NodeBuilder("LpPool").ints("kernel_shape", {2}), {T({1, 1, 2}, {3, -4})})[0], {1, 1, 1}, {5});
        EXPECT_TENSOR(run(NodeBuilder("LpPool").ints("kernel_shape", {2}).i("p", 1), {T({1, 1, 2}, {3, -4})})[0], {1, 1, 1}, {7});
    }
    void max_unpool_places_values_at_pool_indices() {
        auto y = run(NodeBuilder("MaxUnpool", 2).ints("kernel_shape", {2, 2}).ints("strides", {2, 2}),
                     {T({1, 1, 1, 2}, {7, 9}), T({1, 1, 1, 2}, {1, 2})});
        EXPECT_TENSOR(y[0], {1, 1, 2, 4}, {0, 7, 9, 0, 0, 0, 0, 0});
        // explicit output_shape: same coordinates in a larger tensor (spec example)
        auto z = run(NodeBuilder("MaxUnpool", 3).ints("kernel_shape", {2, 2}).ints("strides", {2, 2}),
                     {T({1, 1, 2, 2}, {5, 6, 7, 8}), T({1, 1, 2, 2}, {5, 7, 13, 15}), T({4}, {1, 1, 5, 5})});
        QCOMPARE(z[0].data[6], 5.0f);   // index 5 of 4×4 = (1, 1) → (1, 1) of 5×5
        QCOMPARE(z[0].data[18], 8.0f);  // index 15 = (3, 3) → 3·5 + 3
        QCOMPARE(z[0].data[5], 0.0f);
    }
    void global_pools_reduce_each_channel() {
        const FloatTensor x = T({1, 2, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8});
        EXPECT_TENSOR(run(NodeBuilder("GlobalAveragePool"), {x})[0], {1, 2, 1, 1}, {2.5f, 6.5f});
        EXPECT_TENSOR(run(NodeBuilder("GlobalMaxPool"), {x})[0], {1, 2, 1, 1}, {4, 8});
        EXPECT_TENSOR(run(NodeBuilder("GlobalLpPool"), {T({1, 1, 2}, {3, 4})})[0], {1, 1, 1}, {5});
    }
};

QTEST_APPLESS_MAIN(TestOpsPooling)
#include "tst_ops_pooling.moc"
