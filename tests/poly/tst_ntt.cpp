// Evaluation domains and NTTs: the transform against the O(n²) definition, round trips on
// the domain and on cosets, the Lagrange basis, the extended quotient domain, and the
// same bytes whatever the thread count.
#include "core/poly/domain.hpp"
#include "core/poly/ntt.hpp"
#include "core/poly/polynomial.hpp"
#include "core/util/error.hpp"
// oneTBB before Qt: Qt's `emit` macro breaks TBB's profiling header.
#include <tbb/task_arena.h>

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

// p(ω^i) by Horner for every i: the definition of the transform.
std::vector<Fr> naive_dft(const std::vector<Fr>& coeffs, const Fr& omega, const Fr& shift = Fr::one()) {
    std::vector<Fr> out(coeffs.size());
    Fr x = shift;
    for (size_t i = 0; i < coeffs.size(); ++i, x *= omega) {
        Fr acc = Fr::zero();
        for (size_t j = coeffs.size(); j-- > 0;) acc = acc * x + coeffs[j];
        out[i] = acc;
    }
    return out;
}

template <class F>
auto with_threads(int threads, F&& f) {
    tbb::task_arena arena(threads);
    return arena.execute(std::forward<F>(f));
}

}  // namespace

class TestNtt : public QObject {
    Q_OBJECT
private slots:
    void omega_has_exact_order_two_to_the_k() {
        for (unsigned k : {1u, 4u, 10u, 20u, 28u}) {
            const EvaluationDomain d(k);
            Fr w = d.omega();
            for (unsigned i = 0; i + 1 < k; ++i) w = w.square();
            QCOMPARE(w, -Fr::one());  // ω^(n/2) = −1, so the order is exactly n
            QCOMPARE(w.square(), Fr::one());
            QCOMPARE(d.omega() * d.omega_inv(), Fr::one());
            QCOMPARE(d.size_inv() * Fr::from_u64(d.size()), Fr::one());
        }
    }

    void known_answers_delta_and_monomial() {
        const EvaluationDomain d(3);
        std::vector<Fr> delta(8);
        delta[0] = Fr::one();
        d.ntt(delta);
        for (const Fr& v : delta) QCOMPARE(v, Fr::one());  // the constant 1
        std::vector<Fr> x(8);
        x[1] = Fr::one();
        d.ntt(x);
        for (size_t i = 0; i < 8; ++i) QCOMPARE(x[i], d.element(int64_t(i)));  // p(X) = X
    }

    void ntt_matches_naive_evaluation_for_small_sizes() {
        for (unsigned k = 0; k <= 7; ++k) {
            const EvaluationDomain d(k);
            const auto coeffs = random_vector(d.size(), 100 + k);
            auto fast = coeffs;
            d.ntt(fast);
            QCOMPARE(fast, naive_dft(coeffs, d.omega()));
        }
    }

    void ntt_matches_naive_across_the_cache_block_boundary() {
        // 2^17 > the in-cache block (at most 2^16): the top levels run the streaming,
        // parallel path. Check a sample of outputs against Horner evaluation.
        const EvaluationDomain d(17);
        const auto coeffs = random_vector(d.size(), 7);
        auto evals = coeffs;
        d.ntt(evals);
        for (size_t i : {size_t(0), size_t(1), size_t(4097), size_t(65537), size_t(98765), d.size() - 1})
            QCOMPARE(evals[i], evaluate(coeffs, d.element(int64_t(i))));
    }

    void intt_inverts_ntt() {
        for (unsigned k : {0u, 1u, 5u, 12u, 13u, 16u}) {
            const EvaluationDomain d(k);
            const auto coeffs = random_vector(d.size(), k);
            auto v = coeffs;
            d.ntt(v);
            if (k > 2) QVERIFY(v != coeffs);
            d.intt(v);
            QCOMPARE(v, coeffs);
        }
    }

    void coset_ntt_evaluates_on_the_coset_and_round_trips() {
        const EvaluationDomain d(6);
        const auto coeffs = random_vector(d.size(), 3);
        for (const Fr& shift : {EvaluationDomain::coset_generator(), Fr::from_u64(5)}) {
            auto v = coeffs;
            d.coset_ntt(v, shift);
            QCOMPARE(v, naive_dft(coeffs, d.omega(), shift));
            d.coset_intt(v, shift);
            QCOMPARE(v, coeffs);
        }
    }

    // a[i]·shift^i on lengths around the eight lanes and the 4096-element chunks it is cut in.
    void distribute_powers_multiplies_by_the_powers_of_the_shift() {
        const Fr shift = Fr::from_u64(5);
        for (size_t n : {0, 1, 7, 8, 9, 15, 17, 4095, 4096, 4097, 8200}) {
            const auto a = random_vector(n, 40 + n);
            auto v = a;
            ntt::distribute_powers(v, shift);
            Fr w = Fr::one();
            for (size_t i = 0; i < n; ++i, w *= shift) QVERIFY2(v[i] == a[i] * w, std::to_string(i).c_str());
        }
    }

    void lagrange_basis_is_the_indicator_of_rows() {
        const EvaluationDomain d(4);
        for (int64_t i = 0; i < 16; ++i)
            for (int64_t j = 0; j < 16; ++j)
                QCOMPARE(d.lagrange_at(i, d.element(j)), i == j ? Fr::one() : Fr::zero());
        const Fr x = Fr::from_u64(123456789);
        const auto basis = d.lagrange_basis_at(x);
        Fr sum = Fr::zero();
        for (int64_t i = 0; i < 16; ++i) {
            QCOMPARE(basis[size_t(i)], d.lagrange_at(i, x));
            sum += basis[size_t(i)];
        }
        QCOMPARE(sum, Fr::one());  // Σ L_i = 1
        QCOMPARE(d.lagrange_at(-1, x), basis[15]);  // last row
        QCOMPARE(d.vanishing_at(d.element(5)), Fr::zero());
        QCOMPARE(d.vanishing_at(x), x.pow(16) - Fr::one());
        QCOMPARE(d.rotate(x, -1) * d.omega(), x);
    }

    void evaluate_lagrange_agrees_with_the_interpolated_polynomial() {
        const EvaluationDomain d(8);
        const auto evals = random_vector(d.size(), 11);
        auto coeffs = evals;
        d.intt(coeffs);
        const Fr x = Fr::from_u64(987654321);
        QCOMPARE(d.evaluate_lagrange(evals, x), evaluate(coeffs, x));
        QCOMPARE(d.evaluate_lagrange(evals, d.element(17)), evals[17]);
    }

    void extended_domain_size_follows_halo2() {
        QCOMPARE(ExtendedDomain(10, 3).extension_log(), 1u);  // n·(3−1) = 2n
        QCOMPARE(ExtendedDomain(10, 4).extension_log(), 2u);  // 3n → 4n
        QCOMPARE(ExtendedDomain(10, 5).extension_log(), 2u);  // 4n
        QCOMPARE(ExtendedDomain(10, 6).extension_log(), 3u);  // 5n → 8n
        QCOMPARE(ExtendedDomain(10, 1).extension_log(), 0u);
    }

    void quotient_by_the_vanishing_polynomial_on_the_extended_coset() {
        // t random of degree < 3n; h = t·(X^n − 1) evaluated on the coset; dividing
        // pointwise and interpolating must give back t exactly.
        const unsigned k = 6;
        const ExtendedDomain ext(k, 4);
        const size_t n = size_t(1) << k;
        const auto t = random_vector(3 * n, 5);
        std::vector<Fr> zh(n + 1);
        zh[0] = -Fr::one();
        zh[n] = Fr::one();
        const auto h = multiply(t, zh);
        auto evals = ext.coeff_to_extended(h);
        QCOMPARE(evals[3], evaluate(h, ext.point(3)));
        ext.divide_by_vanishing(evals);
        auto back = ext.extended_to_coeff(evals);
        for (size_t i = 0; i < back.size(); ++i) QCOMPARE(back[i], i < t.size() ? t[i] : Fr::zero());
        QCOMPARE(ext.extended_rotation(-1), -int64_t(4));
        QCOMPARE(ext.point(ext.extended_rotation(1)), ext.coset_shift() * ext.base().omega());
    }

    void extended_evaluation_matches_one_transform_of_the_extended_size() {
        // coeff_to_extended splits the work into 2^j base-size transforms; the reference is
        // the definition: the padded coefficients' coset NTT on the extended domain.
        const unsigned k = 6;
        const size_t n = size_t(1) << k;
        for (unsigned degree : {2u, 3u, 5u, 9u}) {
            const ExtendedDomain ext(k, degree);
            for (size_t len : {size_t(0), size_t(1), n - 1, n, n + 3, 3 * n - 1, ext.size()}) {
                if (len > ext.size()) continue;
                const auto coeffs = random_vector(len, 40 + len);
                std::vector<Fr> expected(ext.size());
                std::copy(coeffs.begin(), coeffs.end(), expected.begin());
                ext.extended().coset_ntt(expected, ext.coset_shift());
                const auto got = ext.coeff_to_extended(coeffs);
                if (got != expected) QFAIL(qPrintable(QString("degree %1, %2 coefficients").arg(degree).arg(len)));
            }
        }
        const ExtendedDomain big(14, 5);
        const auto coeffs = random_vector(size_t(3) << 14, 77);
        const auto one = with_threads(1, [&] { return big.coeff_to_extended(coeffs); });
        const auto two = with_threads(2, [&] { return big.coeff_to_extended(coeffs); });
        QCOMPARE(one, two);
        QCOMPARE(one[12345], evaluate(coeffs, big.point(12345)));
    }

    void transform_is_identical_for_one_and_two_threads() {
        const EvaluationDomain d(16);
        const auto coeffs = random_vector(d.size(), 99);
        const auto one = with_threads(1, [&] { auto v = coeffs; d.coset_ntt(v); return v; });
        const auto two = with_threads(2, [&] { auto v = coeffs; d.coset_ntt(v); return v; });
        QCOMPARE(one, two);
    }

    void wrong_sizes_are_rejected() {
        const EvaluationDomain d(4);
        std::vector<Fr> v(15);
        QVERIFY_THROWS_EXCEPTION(Error, d.ntt(v));
        QVERIFY_THROWS_EXCEPTION(Error, EvaluationDomain(29));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ntt::transform(v, d.omega()));
    }
};

QTEST_APPLESS_MAIN(TestNtt)
#include "tst_ntt.moc"
