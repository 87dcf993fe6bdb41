// Quantisation primitives: rounding rule (half away from zero, as EZKL's f64::round),
// exact rescaling, and negatives as r − |v| in Fr.
#include "core/witness/quantize.hpp"
#include "core/util/error.hpp"
#include <QtTest>
#include <cmath>

using namespace ps;
using namespace ps::quant;

class TstQuantize : public QObject {
    Q_OBJECT
private slots:
    void quantize_known_values() {
        QCOMPARE(quantize(1.0, 7), int64_t(128));
        QCOMPARE(quantize(-1.0, 7), int64_t(-128));
        QCOMPARE(quantize(0.28125, 5), int64_t(9));  // 0.28125·32 = 9 exactly
        QCOMPARE(quantize(1.5417295, 0), int64_t(2));  // EZKL 1l_mlp witness: "rescaled_inputs" 2
        QCOMPARE(quantize(0.5346153, 0), int64_t(1));
        QCOMPARE(quantize(3.0, -1), int64_t(2));  // 1.5 rounds away from zero
    }
    void ties_round_away_from_zero() {
        // x·2^s exactly half-way between two integers.
        QCOMPARE(quantize(0.5 / 128.0, 7), int64_t(1));
        QCOMPARE(quantize(-0.5 / 128.0, 7), int64_t(-1));
        QCOMPARE(quantize(2.5 / 128.0, 7), int64_t(3));    // not banker's rounding (would be 2)
        QCOMPARE(quantize(-2.5 / 128.0, 7), int64_t(-3));
        // Just inside the half-way point stays down.
        QCOMPARE(quantize(std::nextafter(0.5, 0.0) / 128.0, 7), int64_t(0));
        QCOMPARE(quantize(std::nextafter(-0.5, 0.0) / 128.0, 7), int64_t(0));
    }
    void quantize_rejects_overflow_and_nan() {
        QVERIFY_THROWS_EXCEPTION(ps::Error, quantize(std::nan(""), 7, "input 0"));
        QVERIFY_THROWS_EXCEPTION(ps::Error, quantize(1e30, 7));
        try {
            quantize(1e30, 7, "input 0 value 3");
            QFAIL("no error");
        } catch (const ps::Error& e) {
            QVERIFY(std::string(e.what()).find("input 0 value 3") != std::string::npos);
            QVERIFY(std::string(e.what()).find("smaller scale") != std::string::npos);
        }
    }
    void dequantize_inverts_on_the_grid() {
        for (int64_t v : {-300, -1, 0, 1, 77, 1 << 20}) QCOMPARE(quantize(dequantize(v, 9), 9), v);
        QCOMPARE(dequantize(-192, 7), -1.5);
    }
    void div_round_is_exact_with_ties_up() {
        QCOMPARE(int64_t(div_round(7, 2)), int64_t(4));
        QCOMPARE(int64_t(div_round(-7, 2)), int64_t(-3));  // −3.5: ties toward +∞
        QCOMPARE(int64_t(div_round(5, 2)), int64_t(3));
        QCOMPARE(int64_t(div_round(-5, 2)), int64_t(-2));
        QCOMPARE(int64_t(div_round(-6, 2)), int64_t(-3));
        QCOMPARE(int64_t(div_round(-4, 3)), int64_t(-1));
        QCOMPARE(int64_t(div_round(4, 3)), int64_t(1));
        QCOMPARE(int64_t(div_round(5, 3)), int64_t(2));
        QCOMPARE(int64_t(div_round(-5, 3)), int64_t(-2));
        QCOMPARE(int64_t(div_round(0, 9)), int64_t(0));
        // Beyond double precision: (2^80 + 1) / 2 rounds to 2^79 + 1.
        const i128 big = (i128(1) << 80) + 1;
        QVERIFY(div_round(big, 2) == (i128(1) << 79) + 1);
    }
    void rescale_up_is_exact_and_down_rounds() {
        QVERIFY(rescale(3, 7, 9) == 12);
        QVERIFY(rescale(-3, 7, 9) == -12);
        QVERIFY(rescale(192, 14, 7) == 2);    // 1.5 → 2
        QVERIFY(rescale(-192, 14, 7) == -1);  // −1.5 → −1 (ties toward +∞)
        QVERIFY(rescale(-193, 14, 7) == -2);
        QVERIFY(rescale(191, 14, 7) == 1);
        QVERIFY(rescale(64, 7, 0) == 1);      // exactly half: up
        QVERIFY(rescale(-64, 7, 0) == 0);
        QVERIFY(rescale(-65, 7, 0) == -1);
        QVERIFY(rescale(63, 7, 0) == 0);
    }
    void narrow_rejects_out_of_range() {
        QCOMPARE(narrow(i128(-5), "x"), int64_t(-5));
        QVERIFY_THROWS_EXCEPTION(ps::Error, narrow(i128(1) << 70, "node 'mm'"));
    }
    void negatives_are_r_minus_abs_in_fr() {
        // r − 1 in hex (BN254 scalar field).
        QCOMPARE(QString::fromStdString(to_field(-1).to_hex()),
                 QStringLiteral("0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000"));
        QVERIFY(to_field(-5) + to_field(5) == Fr::zero());
        QVERIFY(to_field(-128) == -Fr::from_u64(128));
        for (int64_t v : {int64_t(0), int64_t(1), int64_t(-1), int64_t(-128), int64_t(1) << 40, -(int64_t(1) << 62),
                          INT64_MAX, -INT64_MAX}) {
            const auto back = from_field(to_field(v));
            QVERIFY(back.has_value());
            QCOMPARE(*back, v);
        }
    }
    void from_field_refuses_large_elements() {
        // 2^64 is neither a small positive nor a small negative integer.
        const Fr big = Fr::from_u64(uint64_t(1) << 63) * Fr::from_u64(2);
        QVERIFY(!from_field(big).has_value());
        QVERIFY(!from_field(-big).has_value());
    }
    void i128_to_string() {
        QCOMPARE(QString::fromStdString(to_string(i128(0))), QStringLiteral("0"));
        QCOMPARE(QString::fromStdString(to_string(-(i128(1) << 70))), QStringLiteral("-1180591620717411303424"));
    }
};

QTEST_APPLESS_MAIN(TstQuantize)
#include "tst_quantize.moc"
