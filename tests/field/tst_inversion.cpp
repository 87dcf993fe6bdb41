// Modular inversion by Bernstein–Yang divsteps (core/field/safegcd): the constant-time
// and the variable-time path, through Fr/Fq and directly on other moduli, against GMP's
// mpz_invert and against Fermat's a^(p−2).
#include "core/field/fq.hpp"
#include "core/field/fr.hpp"
#include "core/field/invert_each.hpp"
#include "core/field/safegcd.hpp"
#include "core/util/error.hpp"
#include "core/util/random.hpp"
#include "gmp_oracle.hpp"

#include <QTest>
#include <string>
#include <vector>

using namespace ps;
using gmp_oracle::pow2;
using gmp_oracle::to_mpz;
using gmp_oracle::to_u256;

namespace {

mpz_class random_below(gmp_randclass& rng, const mpz_class& m) { return rng.get_z_range(m); }

mpz_class gmp_inverse(const mpz_class& a, const mpz_class& p) {
    mpz_class inv = 0;
    if (a != 0) mpz_invert(inv.get_mpz_t(), a.get_mpz_t(), p.get_mpz_t());
    return inv;
}

// Values that stress the divsteps: powers of two and their neighbours (long runs of even
// g, many δ increments), values next to p, small values, all-ones patterns.
std::vector<mpz_class> awkward_values(const mpz_class& p) {
    std::vector<mpz_class> v = {0, 1, 2, 3, p - 1, p - 2, (p - 1) / 2, (p + 1) / 2, p / 3};
    const size_t bits = mpz_sizeinbase(p.get_mpz_t(), 2);
    for (unsigned k = 1; k < bits; ++k) {
        for (const mpz_class& x : {mpz_class(pow2(k)), mpz_class(pow2(k) - 1), mpz_class(pow2(k) + 1),
                                   mpz_class(p - pow2(k - 1))})
            if (x > 0 && x < p) v.push_back(x);
    }
    return v;
}

template <class F>
void check_field(const char* name) {
    const mpz_class p = to_mpz(F::MODULUS);
    gmp_randclass rng(gmp_randinit_default);
    rng.seed(21);
    std::vector<mpz_class> values = awkward_values(p);
    for (int i = 0; i < 4000; ++i) values.push_back(random_below(rng, p));
    for (const mpz_class& x : values) {
        const F a = *F::from_canonical(to_u256(x));
        const mpz_class want = gmp_inverse(x, p);
        const std::string what = std::string(name) + " a = " + x.get_str(16);
        QVERIFY2(to_mpz(a.inverse().to_canonical()) == want, ("constant-time inverse, " + what).c_str());
        QVERIFY2(to_mpz(a.inverse_vartime().to_canonical()) == want, ("variable-time inverse, " + what).c_str());
        if (x != 0) QVERIFY2((a * a.inverse()) == F::one(), ("a · a⁻¹ = 1, " + what).c_str());
    }
    // Fermat's exponentiation agrees (a few values: it is slow).
    for (size_t i = 0; i < 40; ++i) {
        const F a = *F::from_canonical(to_u256(values[i * 7 % values.size()]));
        QVERIFY(a.inverse_fermat() == a.inverse());
    }
}

// invert_each_nonzero against one inverse at a time: every size up to 70 (odd levels at every
// depth of the product tree, tails below the eight lanes) and the MSM's batch sizes.
template <class F>
void check_invert_each(InversionTiming timing) {
    SeededRandom rng(5);
    std::vector<F> scratch;
    std::vector<size_t> sizes;
    for (size_t n = 0; n <= 70; ++n) sizes.push_back(n);
    for (size_t n : {255, 256, 257, 511, 512, 513, 4096, 4097}) sizes.push_back(n);
    for (size_t n : sizes) {
        std::vector<F> v(n);
        for (size_t i = 0; i < n; ++i) {
            v[i] = F::random(rng);
            if (v[i].is_zero() || i % 17 == 3) v[i] = F::one();  // repeats are fine, zeros are not
        }
        std::vector<F> got = v;
        invert_each_nonzero<F>(got, timing, scratch);
        for (size_t i = 0; i < n; ++i)
            QVERIFY2(got[i] == v[i].inverse(), (std::to_string(n) + " values, element " + std::to_string(i)).c_str());
    }
}

}  // namespace

class TestInversion : public QObject {
    Q_OBJECT
private slots:
    void Fr_inverses_agree_with_gmp() { check_field<Fr>("Fr"); }
    void Fq_inverses_agree_with_gmp() { check_field<Fq>("Fq"); }

    void batches_of_inverses_agree_with_single_ones() {
        check_invert_each<Fr>(InversionTiming::constant);
        check_invert_each<Fq>(InversionTiming::variable);
    }

    void a_zero_in_a_batch_is_refused() {
        std::vector<Fq> v = {Fq::one(), Fq::zero(), Fq::one().dbl()}, scratch;
        QVERIFY_THROWS_EXCEPTION(Error, invert_each_nonzero<Fq>(v, InversionTiming::variable, scratch));
    }

    // The algorithm itself on moduli other than BN254's: random primes of 200 to 254
    // bits (the largest the 2-spare-bit limb layout allows), and odd composites, where an
    // element coprime to the modulus has an inverse too; numerators 1 and random.
    void other_odd_moduli_agree_with_gmp() {
        gmp_randclass rng(gmp_randinit_default);
        rng.seed(22);
        for (int trial = 0; trial < 60; ++trial) {
            const unsigned bits = 200 + unsigned(trial) % 55;
            mpz_class m = rng.get_z_bits(bits) | pow2(bits - 1) | 1;
            if (trial % 2 == 0) mpz_nextprime(m.get_mpz_t(), m.get_mpz_t());
            if (mpz_sizeinbase(m.get_mpz_t(), 2) > 254) continue;
            const safegcd::Modulus mod = safegcd::Modulus::of(to_u256(m));
            QCOMPARE(to_mpz(U256::from_u64(mod.inv62)) * m % pow2(62), mpz_class(1));
            for (int i = 0; i < 200; ++i) {
                const mpz_class a = i < 3 ? mpz_class(i) : random_below(rng, m);
                mpz_class g;
                mpz_gcd(g.get_mpz_t(), a.get_mpz_t(), m.get_mpz_t());
                if (a != 0 && g != 1) continue;
                const mpz_class n = i % 2 ? mpz_class(1) : random_below(rng, m);
                const mpz_class want = mpz_class(n * gmp_inverse(a, m)) % m;
                QCOMPARE(to_mpz(safegcd::divide_consttime(to_u256(n), to_u256(a), mod)), want);
                QCOMPARE(to_mpz(safegcd::divide_vartime(to_u256(n), to_u256(a), mod)), want);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestInversion)
#include "tst_inversion.moc"
