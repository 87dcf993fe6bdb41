// Element-wise arithmetic and math: hand-computed values, numpy broadcasting, integer
// semantics (Div truncates, Mod takes the divisor's sign), ties-to-even Round, Cast.
#include "op_test_support.hpp"
#include "core/util/error.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

class TestOpsElementwise : public QObject {
    Q_OBJECT
private slots:
    void add_broadcasts_row_over_matrix() {
        auto y = run(NodeBuilder("Add", 2), {T({2, 3}, {1, 2, 3, 4, 5, 6}), T({3}, {10, 20, 30})});
        EXPECT_TENSOR(y[0], {2, 3}, {11, 22, 33, 14, 25, 36});
    }
    void sub_broadcasts_column_against_row() {
        // [2,1] − [1,3] → [2,3]: both operands stretch (multidirectional broadcasting)
        auto y = run(NodeBuilder("Sub", 2), {T({2, 1}, {10, 20}), T({1, 3}, {1, 2, 3})});
        EXPECT_TENSOR(y[0], {2, 3}, {9, 8, 7, 19, 18, 17});
    }
    void mul_by_scalar() {
        auto y = run(NodeBuilder("Mul", 2), {T({3}, {1, -2, 3}), T({}, {-1.5f})});
        EXPECT_TENSOR(y[0], {3}, {-1.5f, 3, -4.5f});
    }
    void div_float_and_integer_truncation() {
        auto y = run(NodeBuilder("Div", 2), {T({3}, {7, -7, 1}), T({3}, {2, 2, 4})});
        EXPECT_TENSOR(y[0], {3}, {3.5f, -3.5f, 0.25f});
        auto yi = run(NodeBuilder("Div", 2), {T({3}, {7, -7, 1}), T({3}, {2, 2, 4})}, 17, {DType::Int64});
        EXPECT_TENSOR(yi[0], {3}, {3, -3, 0});  // C/ORT integer division truncates toward zero
    }
    void pow_with_broadcast_exponent() {
        auto y = run(NodeBuilder("Pow", 2), {T({3}, {2, 3, 4}), T({1}, {2})});
        EXPECT_TENSOR(y[0], {3}, {4, 9, 16});
        auto r = run(NodeBuilder("Pow", 2), {T({1}, {16}), T({1}, {0.5f})});
        EXPECT_TENSOR(r[0], {1}, {4});
    }
    void mod_sign_follows_divisor_unless_fmod() {
        auto y = run(NodeBuilder("Mod", 2), {T({4}, {-7, 7, -7, 7}), T({4}, {3, -3, -3, 3})});
        EXPECT_TENSOR(y[0], {4}, {2, -2, -1, 1});  // Python %: -7 % 3 = 2, 7 % -3 = -2
        auto f = run(NodeBuilder("Mod", 2).i("fmod", 1), {T({2}, {-7, 5.5f}), T({2}, {3, 2})});
        EXPECT_TENSOR(f[0], {2}, {-1, 1.5f});  // C fmod keeps the dividend's sign
    }
    void variadic_max_min_sum_mean() {
        const std::vector<FloatTensor> in = {T({3}, {1, 5, 3}), T({1}, {2}), T({3}, {0, 4, 9})};
        EXPECT_TENSOR(run(NodeBuilder("Max", 3), in)[0], {3}, {2, 5, 9});
        EXPECT_TENSOR(run(NodeBuilder("Min", 3), in)[0], {3}, {0, 2, 2});
        EXPECT_TENSOR(run(NodeBuilder("Sum", 3), in)[0], {3}, {3, 11, 14});
        EXPECT_TENSOR(run(NodeBuilder("Mean", 3), in)[0], {3}, {1, 11.0f / 3, 14.0f / 3});
    }
    void sign_abs_neg_reciprocal() {
        const FloatTensor x = T({3}, {-2, 0, 4});
        EXPECT_TENSOR(run(NodeBuilder("Sign"), {x})[0], {3}, {-1, 0, 1});
        EXPECT_TENSOR(run(NodeBuilder("Abs"), {x})[0], {3}, {2, 0, 4});
        EXPECT_TENSOR(run(NodeBuilder("Neg"), {x})[0], {3}, {2, 0, -4});
        EXPECT_TENSOR(run(NodeBuilder("Reciprocal"), {T({2}, {-2, 4})})[0], {2}, {-0.5f, 0.25f});
    }
    void exp_log_sqrt_known_values() {
        EXPECT_TENSOR(run(NodeBuilder("Exp"), {T({2}, {0, 1})})[0], {2}, {1, 2.718281828f});
        EXPECT_TENSOR(run(NodeBuilder("Log"), {T({2}, {1, 2.718281828f})})[0], {2}, {0, 1});
        EXPECT_TENSOR(run(NodeBuilder("Sqrt"), {T({2}, {9, 2})})[0], {2}, {3, 1.414213562f});
        auto nan = run(NodeBuilder("Sqrt"), {T({1}, {-1})});
        QVERIFY(std::isnan(nan[0].data[0]));
    }
    void round_ties_to_even_floor_ceil() {
        const FloatTensor x = T({6}, {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 2.4f});
        EXPECT_TENSOR(run(NodeBuilder("Round"), {x})[0], {6}, {0, 2, 2, 0, -2, 2});
        EXPECT_TENSOR(run(NodeBuilder("Floor"), {x})[0], {6}, {0, 1, 2, -1, -2, 2});
        EXPECT_TENSOR(run(NodeBuilder("Ceil"), {x})[0], {6}, {1, 2, 3, 0, -1, 3});
    }
    void trigonometric_and_hyperbolic() {
        const float pi = 3.14159265f;
        EXPECT_TENSOR(run(NodeBuilder("Sin"), {T({2}, {0, pi / 2})})[0], {2}, {0, 1});
        EXPECT_TENSOR(run(NodeBuilder("Cos"), {T({2}, {0, pi})})[0], {2}, {1, -1});
        EXPECT_TENSOR(run(NodeBuilder("Tan"), {T({1}, {pi / 4})})[0], {1}, {1});
        EXPECT_TENSOR(run(NodeBuilder("Atan"), {T({1}, {1})})[0], {1}, {pi / 4});
        EXPECT_TENSOR(run(NodeBuilder("Asin"), {T({1}, {1})})[0], {1}, {pi / 2});
        EXPECT_TENSOR(run(NodeBuilder("Acos"), {T({1}, {-1})})[0], {1}, {pi});
        // sinh(1) = (e − 1/e)/2, cosh(1) = (e + 1/e)/2
        EXPECT_TENSOR(run(NodeBuilder("Sinh"), {T({1}, {1})})[0], {1}, {1.175201194f});
        EXPECT_TENSOR(run(NodeBuilder("Cosh"), {T({1}, {1})})[0], {1}, {1.543080635f});
        EXPECT_TENSOR(run(NodeBuilder("Asinh"), {T({1}, {1.175201194f})})[0], {1}, {1});
        EXPECT_TENSOR(run(NodeBuilder("Atanh"), {T({1}, {0.5f})})[0], {1}, {0.549306144f});
    }
    void erf_matches_tabulated_values() {
        // erf(0.5) = 0.5204998778, erf(1) = 0.8427007929 (Abramowitz & Stegun table 7.1)
        EXPECT_TENSOR(run(NodeBuilder("Erf"), {T({3}, {0, 0.5f, -1})})[0], {3}, {0, 0.5204998778f, -0.8427007929f});
    }
    void cast_truncates_toward_zero_and_makes_bools() {
        const FloatTensor x = T({4}, {-1.7f, 2.9f, 0, 0.1f});
        auto to_int = run(NodeBuilder("Cast").i("to", 7), {x});
        EXPECT_TENSOR(to_int[0], {4}, {-1, 2, 0, 0});
        auto to_bool = run(NodeBuilder("Cast").i("to", 9), {x});
        EXPECT_TENSOR(to_bool[0], {4}, {1, 1, 0, 1});
        auto like = run(NodeBuilder("CastLike", 2), {x, T({1}, {0})}, 17, {}, {DType::Float, DType::Int32});
        EXPECT_TENSOR(like[0], {4}, {-1, 2, 0, 0});
    }
    void bit_shift_both_directions() {
        EXPECT_TENSOR(run(NodeBuilder("BitShift", 2).s("direction", "LEFT"), {T({3}, {1, 3, 5}), T({3}, {2, 1, 0})})[0], {3}, {4, 6, 5});
        EXPECT_TENSOR(run(NodeBuilder("BitShift", 2).s("direction", "RIGHT"), {T({2}, {16, 5}), T({1}, {2})})[0], {2}, {4, 1});
        // Regression (UBSan): a negative or NaN operand was converted to uint64_t.
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("BitShift", 2).s("direction", "LEFT"), {T({1}, {-1}), T({1}, {1})}));
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("BitShift", 2).s("direction", "RIGHT"), {T({1}, {4}), T({1}, {NAN})}));
    }
    void isnan_isinf() {
        const FloatTensor x = T({4}, {NAN, INFINITY, -INFINITY, 1});
        EXPECT_TENSOR(run(NodeBuilder("IsNaN"), {x})[0], {4}, {1, 0, 0, 0});
        EXPECT_TENSOR(run(NodeBuilder("IsInf").i("detect_negative", 0), {x})[0], {4}, {0, 1, 0, 0});
    }
    void incompatible_shapes_name_the_node() {
        try {
            run(NodeBuilder("Add", 2), {T({2, 3}, std::vector<float>(6)), T({4}, std::vector<float>(4))});
            QFAIL("expected an error");
        } catch (const ps::Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("Add_test") != std::string::npos, m.c_str());
            QVERIFY2(m.find("2\u00d73") != std::string::npos && m.find("broadcast") != std::string::npos, m.c_str());
        }
    }
    void unknown_op_is_an_error_not_a_crash() {
        QVERIFY(!float_op_supported("NoSuchOp"));
        QVERIFY_THROWS_EXCEPTION(ps::Error, run(NodeBuilder("NoSuchOp"), {T({1}, {1})}));
    }
};

QTEST_APPLESS_MAIN(TestOpsElementwise)
#include "tst_ops_elementwise.moc"
