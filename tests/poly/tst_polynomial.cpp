// Polynomial helpers: Horner evaluation (small and chunked), synthetic division by
// (X − z), products (schoolbook and NTT), and Montgomery batch inversion.
#include "core/poly/batch_inversion.hpp"
#include "core/poly/polynomial.hpp"
#include "core/util/error.hpp"

#include <QTest>
#include <vector>

using namespace ps;

namespace {

std::vector<Fr> random_vector(size_t n, uint64_t seed) {
    SeededRandom rng(seed);
    std::vector<Fr> v(n);
    for (auto& x : v) x = Fr::random(rng);
    return v;
}

Fr naive_evaluate(const std::vector<Fr>& c, const Fr& x) {
    Fr acc = Fr::zero(), xi = Fr::one();
    for (const Fr& ci : c) {
        acc += ci * xi;
        xi *= x;
    }
    return acc;
}

}  // namespace

class TestPolynomial : public QObject {
    Q_OBJECT
private slots:
    void evaluate_known_answer() {
        // 3 + 2X + X² at X = 5 is 38
        const std::vector<Fr> p{Fr::from_u64(3), Fr::from_u64(2), Fr::one()};
        QCOMPARE(evaluate(p, Fr::from_u64(5)), Fr::from_u64(38));
        QCOMPARE(evaluate({}, Fr::from_u64(5)), Fr::zero());
    }

    void chunked_evaluation_matches_power_sum() {
        const auto p = random_vector(10000, 1);  // > one 4096 chunk, ragged tail
        const Fr x = Fr::from_u64(77);
        QCOMPARE(evaluate(p, x), naive_evaluate(p, x));
    }

    void division_by_linear_leaves_the_value_as_remainder() {
        const auto p = random_vector(37, 2);
        const Fr z = Fr::from_u64(31337);
        const auto q = divide_by_linear(p, z);
        QCOMPARE(q.size(), p.size() - 1);
        // p(X) = q(X)(X − z) + p(z), checked at a second point
        const Fr x = Fr::from_u64(4242);
        QCOMPARE(evaluate(q, x) * (x - z) + evaluate(p, z), evaluate(p, x));
        // (X − 2)(X − 3) / (X − 2) = X − 3
        const std::vector<Fr> roots{Fr::from_u64(2), Fr::from_u64(3)};
        const auto quotient = divide_by_linear(from_roots(roots), Fr::from_u64(2));
        QCOMPARE(quotient, (std::vector<Fr>{-Fr::from_u64(3), Fr::one()}));
    }

    void multiply_schoolbook_and_ntt_agree_at_a_point() {
        for (size_t n : {size_t(5), size_t(200)}) {  // 200 takes the NTT path
            const auto a = random_vector(n, 3), b = random_vector(n + 17, 4);
            const auto c = multiply(a, b);
            QCOMPARE(c.size(), a.size() + b.size() - 1);
            const Fr x = Fr::from_u64(99);
            QCOMPARE(evaluate(c, x), evaluate(a, x) * evaluate(b, x));
        }
    }

    void add_sub_scale() {
        const auto a = random_vector(10, 5), b = random_vector(4, 6);
        const Fr x = Fr::from_u64(12);
        QCOMPARE(evaluate(add(a, b), x), evaluate(a, x) + evaluate(b, x));
        QCOMPARE(evaluate(sub(b, a), x), evaluate(b, x) - evaluate(a, x));
        auto s = a;
        scale(s, Fr::from_u64(3));
        QCOMPARE(evaluate(s, x), Fr::from_u64(3) * evaluate(a, x));
        auto acc = a;
        add_scaled(acc, b, Fr::from_u64(7));
        QCOMPARE(evaluate(acc, x), evaluate(a, x) + Fr::from_u64(7) * evaluate(b, x));
        QVERIFY_THROWS_EXCEPTION(Error, add_scaled(std::span<Fr>(s.data(), 2), b, x));
    }

    void batch_inversion_matches_single_inversions_and_keeps_zeros() {
        auto v = random_vector(9000, 7);
        v[0] = Fr::zero();
        v[4500] = Fr::zero();
        v[8999] = Fr::one();
        auto inv = v;
        batch_invert(inv);
        for (size_t i = 0; i < v.size(); ++i) {
            if (v[i].is_zero())
                QCOMPARE(inv[i], Fr::zero());
            else
                QCOMPARE(inv[i] * v[i], Fr::one());
        }
        std::vector<Fr> empty;
        batch_invert(empty);
    }
};

QTEST_APPLESS_MAIN(TestPolynomial)
#include "tst_polynomial.moc"
