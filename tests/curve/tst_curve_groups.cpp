// G1 and G2: one templated group-law suite run on both (identity, inverse, commutativity,
// associativity, doubling and mixed addition against the generic sum, projective
// equality), scalar multiplication against repeated addition, r·P = O, the G2 subgroup
// check on a twist point outside G2, and the halo2-raw / EVM codecs with their rejections.
#include "core/curve/constant_time.hpp"
#include "core/curve/g1.hpp"
#include "core/curve/endomorphism.hpp"
#include "core/curve/g2.hpp"
#include "evm_vectors.hpp"
#include "hex.hpp"

#include <QTest>
#include <vector>

using namespace ps;

namespace {

template <class G>
G random_point(RandomSource& rng) {
    return G::generator() * Fr::random(rng);
}

// First violated law as a sentence, or "".
template <class G, class A>
std::string check_group_laws(const G& p, const G& q, const G& r) {
    const G o = G::identity();
    if (!(p + o == p) || !(o + p == p)) return "identity: P + O = O + P = P";
    if (!(p - p).is_identity() || !(p + (-p)).is_identity()) return "inverse: P − P = O";
    if (!(p + q == q + p)) return "commutativity: P + Q = Q + P";
    if (!((p + q) + r == p + (q + r))) return "associativity: (P + Q) + R = P + (Q + R)";
    if (!(p.dbl() == p + p)) return "doubling: 2P = P + P (the add formula's P = Q branch)";
    const A qa = q.to_affine();
    if (!(p.add_mixed(qa) == p + q)) return "mixed addition: P + affine(Q) = P + Q";
    if (!(p.add_mixed(p.to_affine()) == p.dbl())) return "mixed addition of P to itself doubles";
    if (!p.add_mixed((-p).to_affine()).is_identity()) return "mixed addition of −P gives O";
    if (!(o.add_mixed(qa) == q) || !(p.add_mixed(A::identity()) == p)) return "mixed addition with O";
    if (!(G::from_affine(p.to_affine()) == p)) return "affine round trip";
    if (!(p + q).is_on_curve() || !p.dbl().is_on_curve()) return "sums stay on the curve";
    if (!(p + q).to_affine().is_on_curve()) return "affine sums stay on the curve";
    if (!(-p.to_affine() == (-p).to_affine())) return "affine negation";
    G acc = q;
    acc += p;
    if (!(acc == q + p)) return "+= agrees with +";
    return {};
}

// Projective equality ignores the Jacobian scaling (x, y, z) ~ (λ²x, λ³y, λz).
template <class G, class F>
G rescaled(const G& p, const F& lambda) {
    const F l2 = lambda.square();
    return G{p.x * l2, p.y * l2 * lambda, p.z * lambda};
}

// A point of the twist E'(Fq2) that is not in G2 (E' has cofactor 2p − r, so a point
// found by solving the curve equation is outside G2 with overwhelming probability).
G2Affine twist_point_outside_g2() {
    for (uint64_t i = 1;; ++i) {
        const Fq2 x{Fq::from_u64(i), Fq::one()};
        if (auto y = (x.square() * x + g2::coeff_b()).sqrt()) return G2Affine{x, *y, false};
    }
}

}  // namespace

class TestCurveGroups : public QObject {
    Q_OBJECT

    template <class G, class A>
    void run_group_laws() {
        SeededRandom rng(31);
        std::vector<G> pts = {G::identity(), G::generator(), -G::generator(), G::generator().dbl()};
        for (int i = 0; i < 12; ++i) pts.push_back(random_point<G>(rng));
        for (size_t i = 0; i < pts.size(); ++i)
            for (size_t j = 0; j < pts.size(); j += 3) {
                const auto failure = check_group_laws<G, A>(pts[i], pts[j], pts[(i + j + 1) % pts.size()]);
                QVERIFY2(failure.empty(), (failure + " (points " + std::to_string(i) + ", " +
                                           std::to_string(j) + ")").c_str());
            }
        const G p = random_point<G>(rng);
        using F = decltype(p.z);
        QVERIFY2(rescaled(p, F::random(rng)) == p, "projective equality ignores Jacobian scaling");
        QVERIFY2(!(rescaled(p, F::random(rng)) == p.dbl()), "and still tells points apart");
    }

    template <class G>
    void run_scalar_mul() {
        SeededRandom rng(32);
        const G p = random_point<G>(rng);
        G acc = G::identity();
        for (uint64_t k = 0; k <= 70; ++k) {
            QVERIFY2(p * Fr::from_u64(k) == acc, ("k·P = P + … + P for k = " + std::to_string(k)).c_str());
            acc = acc + p;
        }
        QVERIFY2(p.mul_u256(Fr::MODULUS).is_identity(), "r·P = O");
        QVERIFY2(G::generator().mul_u256(Fr::MODULUS).is_identity(), "r·G = O");
        QVERIFY2(p * (-Fr::one()) == -p, "(r − 1)·P = −P");
        for (int i = 0; i < 5; ++i) {
            const Fr a = Fr::random(rng), b = Fr::random(rng);
            QVERIFY2(p * (a + b) == p * a + p * b, "(a + b)P = aP + bP");
            QVERIFY2(p * (a * b) == (p * b) * a, "(ab)P = a(bP)");
        }
        QVERIFY((G::identity() * Fr::random(rng)).is_identity());
        for (int i = 0; i < 8; ++i) {  // the endomorphism path against plain double-and-add wNAF
            const Fr k = Fr::random(rng);
            QVERIFY2(p * k == p.mul_u256(k.to_canonical()), "endomorphism scalar mul = plain wNAF");
        }
        // Integers up to 2^256 − 1 (wNAF needs a 257th digit there).
        const U256 max{{~uint64_t(0), ~uint64_t(0), ~uint64_t(0), ~uint64_t(0)}};
        QVERIFY2(p.mul_u256(max) == p * Fr::from_u256_reduced(max), "(2^256 − 1)·P = ((2^256 − 1) mod r)·P");
        const U256 two_255{{0, 0, 0, uint64_t(1) << 63}};
        QVERIFY(p.mul_u256(two_255) == p * Fr::from_u256_reduced(two_255));
    }

    template <class G, class A>
    void run_batch_to_affine() {
        SeededRandom rng(33);
        std::vector<G> pts = {G::identity()};
        for (int i = 0; i < 9; ++i) pts.push_back(random_point<G>(rng));
        pts.push_back(G::identity());
        std::vector<A> out(pts.size());
        G::batch_to_affine(pts, out);
        for (size_t i = 0; i < pts.size(); ++i) QVERIFY(out[i] == pts[i].to_affine());
        QVERIFY(out[0].infinity && !out[1].infinity);
    }

private slots:
    void group_laws_hold_for_G1();
    void group_laws_hold_for_G2();
    void G1_scalar_mul_matches_repeated_addition_and_r_kills_points();
    void G2_scalar_mul_matches_repeated_addition_and_r_kills_points();
    void G2_psi_squared_scales_x_by_an_Fq_constant_and_negates_y();
    void batch_to_affine_matches_one_by_one();
    void generators_are_the_published_ones();
    void G2_subgroup_check_rejects_twist_points_outside_G2();
    void scalar_decompositions_recombine_to_k();
    void G1_codecs_round_trip_and_reject_bad_input();
    void G2_codecs_round_trip_and_reject_bad_input();
    void secret_scalar_mul_matches_the_variable_time_one();
};

void TestCurveGroups::secret_scalar_mul_matches_the_variable_time_one() {
    // ct::mul_secret (the dev SRS's [τ]G2) on digit edges and random scalars, G1 and G2.
    SeededRandom rng(99);
    std::vector<Fr> ks = {Fr::zero(), Fr::one(), -Fr::one(), Fr::from_u64(15), Fr::from_u64(16),
                          Fr::from_u64(2).pow(uint64_t(252))};
    for (int i = 0; i < 20; ++i) ks.push_back(Fr::random(rng));
    const G2Affine q = (G2::generator() * Fr::from_u64(5)).to_affine();
    const G1Affine p = (G1::generator() * Fr::from_u64(5)).to_affine();
    for (const Fr& k : ks) {
        QVERIFY((ct::mul_secret<G2, G2Affine>(q, k) == G2::from_affine(q) * k));
        QVERIFY((ct::mul_secret<G1, G1Affine>(p, k) == G1::from_affine(p) * k));
    }
    QCOMPARE(ct::select<uint64_t>(std::vector<uint64_t>{5, 6, 7}, 2), uint64_t(7));
}

void TestCurveGroups::group_laws_hold_for_G1() { run_group_laws<G1, G1Affine>(); }
void TestCurveGroups::group_laws_hold_for_G2() { run_group_laws<G2, G2Affine>(); }
void TestCurveGroups::G1_scalar_mul_matches_repeated_addition_and_r_kills_points() { run_scalar_mul<G1>(); }
void TestCurveGroups::G2_scalar_mul_matches_repeated_addition_and_r_kills_points() { run_scalar_mul<G2>(); }

// G2::operator* builds its third and fourth tables with ψ²(x, y) = (x·c2x, −y): check that
// against ψ applied twice, and that c2y = −1 as it assumes.
void TestCurveGroups::G2_psi_squared_scales_x_by_an_Fq_constant_and_negates_y() {
    QVERIFY(g2::frobenius2_y_coeff() == -Fq::one());
    SeededRandom rng(35);
    for (int i = 0; i < 4; ++i) {
        const G2Affine q = (G2::generator() * Fr::random(rng)).to_affine();
        const Fq2 x1 = q.x.conjugate() * g2::frobenius_x_coeff(), y1 = q.y.conjugate() * g2::frobenius_y_coeff();
        const Fq2 x2 = x1.conjugate() * g2::frobenius_x_coeff(), y2 = y1.conjugate() * g2::frobenius_y_coeff();
        QVERIFY(x2 == q.x * g2::frobenius2_x_coeff());
        QVERIFY(y2 == -q.y);
    }
}

void TestCurveGroups::batch_to_affine_matches_one_by_one() {
    run_batch_to_affine<G1, G1Affine>();
    run_batch_to_affine<G2, G2Affine>();
}

void TestCurveGroups::generators_are_the_published_ones() {
    // EIP-196/197: G1 = (1, 2); G2 as in evm_vectors.hpp (the clients' encoding).
    const auto g1 = g1_to_evm(G1Affine::generator());
    QCOMPARE(test_hex::encode(g1), evm_vectors::G1_GEN);
    const auto g2 = g2_to_evm(G2Affine::generator());
    QCOMPARE(test_hex::encode(g2), evm_vectors::G2_GEN);
    QVERIFY(G1Affine::generator().is_on_curve() && G2Affine::generator().is_on_curve());
    QVERIFY(G2Affine::generator().is_in_subgroup());
    const G1Affine off_curve{Fq::one(), Fq::from_u64(3), false};
    QVERIFY(!off_curve.is_on_curve());
    QVERIFY(G1Affine::identity().is_on_curve() && G2Affine::identity().is_in_subgroup());
}

void TestCurveGroups::G2_subgroup_check_rejects_twist_points_outside_G2() {
    const G2Affine outside = twist_point_outside_g2();
    QVERIFY2(outside.is_on_curve(), "the test point lies on the twist");
    QVERIFY2(!outside.is_in_subgroup(), "… but not in G2");
    QVERIFY(!G2::from_affine(outside).is_in_subgroup());
    QVERIFY2(!g2_from_evm(g2_to_evm(outside)), "EVM decoding rejects it");
    QVERIFY2(!g2_from_halo2_raw(g2_to_halo2_raw(outside)), "halo2 decoding rejects it");
    // Clearing the cofactor 2p − r lands in G2 (and not at O).
    U256 two_p, cofactor;
    add_to(two_p, Fq::MODULUS, Fq::MODULUS);
    sub_to(cofactor, two_p, Fr::MODULUS);
    const G2 cleared = G2::from_affine(outside).mul_u256(cofactor);
    QVERIFY(!cleared.is_identity() && cleared.is_in_subgroup());
    QVERIFY(g2_from_evm(g2_to_evm(cleared.to_affine())).has_value());
}

void TestCurveGroups::scalar_decompositions_recombine_to_k() {
    using namespace curve_detail;
    auto to_fr = [](const SignedHalf& h) {
        const Fr m = Fr::from_u256_reduced(U256{{uint64_t(h.magnitude), uint64_t(h.magnitude >> 64), 0, 0}});
        return h.negative ? -m : m;
    };
    const Fr lambda = *Fr::from_canonical(glv_lambda());
    QVERIFY2(lambda.square() + lambda + Fr::one() == Fr::zero(), "λ² + λ + 1 = 0 in Fr");
    const G1 g = G1::generator();
    QVERIFY2((G1{g.x * glv_beta(), g.y, g.z}) == g.mul_u256(glv_lambda()), "φ(G) = λG");
    const Fr p_mod_r = Fr::from_u256_reduced(Fq::MODULUS);
    SeededRandom rng(36);
    std::vector<Fr> ks = {Fr::zero(), Fr::one(), -Fr::one(), lambda, -lambda, p_mod_r};
    for (int i = 0; i < 500; ++i) ks.push_back(Fr::random(rng));
    // The worst cases of the Babai rounding (endomorphism.hpp): just below a step of
    // c1 = floor(k·g1/2^256) and of c2 near k = r. The first reaches |k2| = 2^126.912, the
    // supremum (1 + r·ε1)·b1, 6 % under the 2^127 the two's-complement reading needs.
    const Fr worst_c1 = *Fr::from_canonical(*U256::parse("0x30644e72e131a028b20256d108e9f8d076a1bf69036e79c8bd766506874f12ac"));
    const Fr worst_c2 = *Fr::from_canonical(*U256::parse("0x30644e72e131a029b85045b68181585cba981f010281a1e561053854ea2de3dd"));
    ks.push_back(worst_c1);
    ks.push_back(worst_c2);
    const u128 bound = u128(1) << 127;
    {
        const auto worst = glv_decompose_g1(worst_c1.to_canonical());
        QVERIFY2(worst[1].magnitude > (u128(15) << 122), "the crafted scalar reaches |k2| > 0.93·2^127: it is the worst case");
        QVERIFY2(g * worst_c1 == g.mul_u256(worst_c1.to_canonical()), "GLV at the worst-case scalar = plain double-and-add");
        QVERIFY2(g * worst_c2 == g.mul_u256(worst_c2.to_canonical()), "GLV at the second worst case = plain double-and-add");
    }
    for (const Fr& k : ks) {
        const auto g1d = glv_decompose_g1(k.to_canonical());
        QVERIFY2(to_fr(g1d[0]) + to_fr(g1d[1]) * lambda == k, "G1: k0 + k1·λ = k");
        QVERIFY(g1d[0].magnitude < bound && g1d[1].magnitude < bound);
        const auto g2d = gls_decompose_g2(k.to_canonical());
        Fr sum = Fr::zero(), mu_j = Fr::one();
        for (const auto& part : g2d) {
            sum += to_fr(part) * mu_j;
            mu_j *= p_mod_r;
            QVERIFY2(part.magnitude < (u128(1) << 66), "G2 parts are about a quarter of k's length");
        }
        QVERIFY2(sum == k, "G2: Σ k_j·μ^j = k with μ = p mod r");
    }
}

void TestCurveGroups::G1_codecs_round_trip_and_reject_bad_input() {
    SeededRandom rng(34);
    for (int i = 0; i < 10; ++i) {
        const G1Affine p = random_point<G1>(rng).to_affine();
        const auto raw = g1_to_halo2_raw(p);
        QVERIFY(g1_from_halo2_raw(raw) == p);
        QVERIFY(g1_from_evm(g1_to_evm(p)) == p);
        // Layout: limb i of the Montgomery form at bytes 8i..8i+7, little-endian.
        for (int b = 0; b < 32; ++b) {
            QCOMPARE(raw[size_t(b)], uint8_t(p.x.raw().limb[size_t(b / 8)] >> (8 * (b % 8))));
            QCOMPARE(raw[size_t(32 + b)], uint8_t(p.y.raw().limb[size_t(b / 8)] >> (8 * (b % 8))));
        }
        auto flipped = raw;
        flipped[40] ^= 1;
        QVERIFY2(!g1_from_halo2_raw(flipped), "a bit flip moves the point off the curve");
    }
    const std::array<uint8_t, 64> zeros{};
    QVERIFY(g1_to_halo2_raw(G1Affine::identity()) == zeros);
    QVERIFY(g1_from_halo2_raw(zeros) == G1Affine::identity());
    QVERIFY(g1_from_evm(zeros) == G1Affine::identity());
    std::array<uint8_t, 64> big{};
    for (int b = 0; b < 32; ++b) big[size_t(b)] = uint8_t(Fq::MODULUS.limb[size_t(b / 8)] >> (8 * (b % 8)));
    QVERIFY2(!g1_from_halo2_raw(big), "raw coordinate >= p is rejected");
    const auto evm_bad = test_hex::decode(evm_vectors::P32 + evm_vectors::TWO32);
    QVERIFY2(!g1_from_evm(std::span<const uint8_t, 64>(evm_bad.data(), 64)), "EVM x = p is rejected");
}

void TestCurveGroups::G2_codecs_round_trip_and_reject_bad_input() {
    SeededRandom rng(35);
    for (int i = 0; i < 4; ++i) {
        const G2Affine p = random_point<G2>(rng).to_affine();
        const auto raw = g2_to_halo2_raw(p);
        QVERIFY(g2_from_halo2_raw(raw) == p);
        QVERIFY(g2_from_evm(g2_to_evm(p)) == p);
        for (int b = 0; b < 32; ++b) {  // order x.c0, x.c1, y.c0, y.c1
            QCOMPARE(raw[size_t(32 + b)], uint8_t(p.x.c1.raw().limb[size_t(b / 8)] >> (8 * (b % 8))));
            QCOMPARE(raw[size_t(96 + b)], uint8_t(p.y.c1.raw().limb[size_t(b / 8)] >> (8 * (b % 8))));
        }
        const auto evm = g2_to_evm(p);  // order x.c1, x.c0, y.c1, y.c0, big-endian
        const auto xc1 = p.x.c1.to_bytes_be();
        QVERIFY(std::equal(xc1.begin(), xc1.end(), evm.begin()));
        auto flipped = raw;
        flipped[100] ^= 4;
        QVERIFY(!g2_from_halo2_raw(flipped));
    }
    const std::array<uint8_t, 128> zeros{};
    QVERIFY(g2_from_halo2_raw(zeros) == G2Affine::identity());
    QVERIFY(g2_from_evm(zeros) == G2Affine::identity());
    QVERIFY(g2_to_evm(G2Affine::identity()) == zeros);
}

QTEST_APPLESS_MAIN(TestCurveGroups)
#include "tst_curve_groups.moc"
