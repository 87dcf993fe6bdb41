// The optimal ate pairing: bilinearity e(aP, bQ) = e(P, Q)^(ab), non-degeneracy,
// e(P, Q)·e(−P, Q) = 1, the multi-pairing equals the product of single pairings, and the
// fast final exponentiation equals the plain power f^((p^12 − 1)/r) with the exponent
// computed by GMP.
#include "core/curve/pairing.hpp"
#include "../field/gmp_oracle.hpp"
#include "core/util/error.hpp"

#include <QTest>
#include <vector>

using namespace ps;

class TestPairing : public QObject {
    Q_OBJECT
private slots:
    void bilinearity_e_aP_bQ_equals_e_P_Q_to_the_ab();
    void non_degeneracy_and_order_r();
    void e_P_Q_times_e_minus_P_Q_is_one();
    void multi_pairing_is_the_product_of_pairings();
    void identity_points_pair_to_one();
    void final_exponentiation_equals_the_plain_power();
    void twisted_frobenius_is_multiplication_by_p_on_G2();
    void bn_parameter_u_generates_p_and_r();
    void prepared_lines_give_the_unprepared_miller_loop();
    void wrong_pairing_products_are_rejected();
    void mismatched_pair_counts_throw();
};

void TestPairing::bilinearity_e_aP_bQ_equals_e_P_Q_to_the_ab() {
    SeededRandom rng(41);
    const G1Affine p = (G1::generator() * Fr::random(rng)).to_affine();
    const G2Affine q = (G2::generator() * Fr::random(rng)).to_affine();
    const Fq12 base = pairing(p, q);
    for (int i = 0; i < 3; ++i) {
        const Fr a = Fr::random(rng), b = Fr::random(rng);
        const Fq12 lhs = pairing((G1::from_affine(p) * a).to_affine(), (G2::from_affine(q) * b).to_affine());
        QVERIFY2(lhs == base.pow((a * b).to_canonical()), "e(aP, bQ) = e(P, Q)^(ab)");
    }
    const G1Affine p2 = (G1::generator() * Fr::random(rng)).to_affine();
    const G1Affine sum = (G1::from_affine(p) + G1::from_affine(p2)).to_affine();
    QVERIFY2(pairing(sum, q) == pairing(p, q) * pairing(p2, q), "e(P + P', Q) = e(P, Q)·e(P', Q)");
}

void TestPairing::non_degeneracy_and_order_r() {
    const Fq12 g = pairing(G1Affine::generator(), G2Affine::generator());
    QVERIFY2(!g.is_one(), "e(G1, G2) ≠ 1");
    QVERIFY2(g.pow(Fr::MODULUS).is_one(), "e(G1, G2)^r = 1");
}

void TestPairing::e_P_Q_times_e_minus_P_Q_is_one() {
    SeededRandom rng(42);
    const G1Affine p = (G1::generator() * Fr::random(rng)).to_affine();
    const G2Affine q = (G2::generator() * Fr::random(rng)).to_affine();
    QVERIFY((pairing(p, q) * pairing(-p, q)).is_one());
    const std::vector<G1Affine> ps = {p, -p};
    const std::vector<G2Affine> qs = {q, q};
    QVERIFY(pairing_product_is_one(ps, qs));
    const std::vector<G2Affine> qs_neg = {q, -q};
    QVERIFY2(!pairing_product_is_one(ps, qs_neg), "e(P, Q)·e(−P, −Q) = e(P, Q)² ≠ 1");
}

void TestPairing::multi_pairing_is_the_product_of_pairings() {
    SeededRandom rng(43);
    std::vector<G1Affine> ps;
    std::vector<G2Affine> qs;
    Fq12 product = Fq12::one();
    for (int i = 0; i < 4; ++i) {
        ps.push_back((G1::generator() * Fr::random(rng)).to_affine());
        qs.push_back((G2::generator() * Fr::random(rng)).to_affine());
        product *= pairing(ps.back(), qs.back());
    }
    QVERIFY(final_exponentiation(miller_loop(ps, qs)) == product);
    // KZG-shaped check: e(aG1, G2)·e(−G1, aG2) = 1.
    const Fr a = Fr::random(rng);
    const std::vector<G1Affine> kp = {(G1::generator() * a).to_affine(), -G1Affine::generator()};
    const std::vector<G2Affine> kq = {G2Affine::generator(), (G2::generator() * a).to_affine()};
    QVERIFY(pairing_product_is_one(kp, kq));
}

void TestPairing::identity_points_pair_to_one() {
    QVERIFY(pairing(G1Affine::identity(), G2Affine::generator()).is_one());
    QVERIFY(pairing(G1Affine::generator(), G2Affine::identity()).is_one());
    QVERIFY(pairing_product_is_one({}, {}));
}

void TestPairing::final_exponentiation_equals_the_plain_power() {
    const mpz_class p = gmp_oracle::to_mpz(Fq::MODULUS);
    const mpz_class r = gmp_oracle::to_mpz(Fr::MODULUS);
    mpz_class e;
    mpz_pow_ui(e.get_mpz_t(), p.get_mpz_t(), 12);
    e -= 1;
    QVERIFY(mpz_divisible_p(e.get_mpz_t(), r.get_mpz_t()));
    e /= r;
    std::vector<uint8_t> be((mpz_sizeinbase(e.get_mpz_t(), 2) + 7) / 8);
    size_t n = 0;
    mpz_export(be.data(), &n, 1, 1, 1, 0, e.get_mpz_t());
    be.resize(n);
    SeededRandom rng(44);
    for (int i = 0; i < 2; ++i) {
        const Fq12 f = Fq12::random(rng);
        QVERIFY2(final_exponentiation(f) == f.pow_be(be), "hard-part addition chain = f^((p^12−1)/r)");
    }
    QVERIFY(miller_loop(std::span<const G1Affine>{}, std::span<const G2Affine>{}).is_one());
}

void TestPairing::twisted_frobenius_is_multiplication_by_p_on_G2() {
    // On G2 the Frobenius endomorphism acts as multiplication by p (mod r).
    SeededRandom rng(45);
    const G2 q = G2::generator() * Fr::random(rng);
    const G2Affine pi = pairing_detail::twisted_frobenius(q.to_affine());
    QVERIFY(pi.is_on_curve());
    QVERIFY(G2::from_affine(pi) == q.mul_u256(Fq::MODULUS));
}

void TestPairing::bn_parameter_u_generates_p_and_r() {
    const mpz_class u = mpz_class(std::to_string(curve_detail::BN_U));
    const mpz_class u2 = u * u, u3 = u2 * u, u4 = u3 * u;
    QCOMPARE(mpz_class(36 * u4 + 36 * u3 + 24 * u2 + 6 * u + 1), gmp_oracle::to_mpz(Fq::MODULUS));
    QCOMPARE(mpz_class(36 * u4 + 36 * u3 + 18 * u2 + 6 * u + 1), gmp_oracle::to_mpz(Fr::MODULUS));
}

void TestPairing::prepared_lines_give_the_unprepared_miller_loop() {
    SeededRandom rng(46);
    std::vector<G1Affine> ps;
    std::vector<G2Affine> qs;
    for (int i = 0; i < 3; ++i) {
        ps.push_back((G1::generator() * Fr::random(rng)).to_affine());
        qs.push_back((G2::generator() * Fr::random(rng)).to_affine());
    }
    ps.push_back(G1Affine::identity());  // pairs to 1 with a prepared Q too
    qs.push_back(G2Affine::generator());
    ps.push_back((G1::generator() * Fr::random(rng)).to_affine());
    qs.push_back(G2Affine::generator());
    std::vector<G2Prepared> prepared;
    for (size_t i = 0; i + 1 < qs.size(); ++i) prepared.emplace_back(qs[i]);
    std::vector<const G2Prepared*> pointers;
    for (const auto& q : prepared) pointers.push_back(&q);
    pointers.push_back(&g2_generator_prepared());
    QVERIFY2(miller_loop_prepared(ps, pointers) == miller_loop(ps, qs), "prepared lines = lines computed in the loop");
    QVERIFY(final_exponentiation(miller_loop_prepared(std::span(ps).first(1), std::span(pointers).first(1))) ==
            pairing(ps[0], qs[0]));
    const G2Prepared identity(G2Affine::identity());
    QVERIFY(identity.is_identity());
    const G2Prepared* id_ptr = &identity;
    QVERIFY(miller_loop_prepared(std::span(ps).first(1), std::span(&id_ptr, 1)).is_one());
}

void TestPairing::wrong_pairing_products_are_rejected() {
    // The KZG shape e(aG1, G2)·e(−G1, aG2) = 1, on prepared and unprepared G2 points; changing
    // any one of the four points must make the product ≠ 1.
    SeededRandom rng(47);
    const Fr a = Fr::random(rng);
    const G2Affine a_g2 = (G2::generator() * a).to_affine();
    const G2Prepared a_g2_prepared(a_g2);
    int disagreements = 0;
    const auto check = [&](const G1Affine& p0, const G1Affine& p1, const G2Affine& q1) {
        const G1Affine ps[2] = {p0, p1};
        const G2Affine qs[2] = {G2Affine::generator(), q1};
        const G2Prepared q1_prepared(q1);
        const G2Prepared* pre[2] = {&g2_generator_prepared(), &q1_prepared};
        const bool unprepared = pairing_product_is_one(ps, qs);
        if (unprepared != pairing_product_is_one_prepared(ps, pre)) ++disagreements;
        return unprepared;
    };
    const G1Affine a_g1 = (G1::generator() * a).to_affine();
    QVERIFY(check(a_g1, -G1Affine::generator(), a_g2));
    QVERIFY(!check((G1::generator() * (a + Fr::one())).to_affine(), -G1Affine::generator(), a_g2));
    QVERIFY(!check(a_g1, G1Affine::generator(), a_g2));
    QVERIFY(!check(a_g1, -G1Affine::generator(), (G2::generator() * (a + Fr::one())).to_affine()));
    QVERIFY(!check(a_g1, -G1Affine::generator(), G2Affine::identity()));
    QCOMPARE(disagreements, 0);
    const G1Affine ps[2] = {a_g1, -G1Affine::generator()};
    const G2Prepared* pre[2] = {&g2_generator_prepared(), &a_g2_prepared};
    QVERIFY(pairing_product_is_one_prepared(ps, pre));
}

void TestPairing::mismatched_pair_counts_throw() {
    const G1Affine ps[2] = {G1Affine::generator(), G1Affine::generator()};
    const G2Affine qs[1] = {G2Affine::generator()};
    const G2Prepared* pre[1] = {&g2_generator_prepared()};
    QVERIFY_THROWS_EXCEPTION(Error, miller_loop(ps, qs));
    QVERIFY_THROWS_EXCEPTION(Error, miller_loop_prepared(ps, pre));
}

QTEST_APPLESS_MAIN(TestPairing)
#include "tst_pairing.moc"
