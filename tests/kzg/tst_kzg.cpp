// KZG commitments and openings against a seeded development SRS whose τ the test can
// re-derive: commitments equal [p(τ)]G1, honest openings verify, and every tampered twin
// (wrong value, wrong point, another polynomial's commitment, a proof made with another
// SRS, a different transcript) is rejected.
#include "core/kzg/commit.hpp"
#include "core/kzg/opening.hpp"
#include "core/kzg/prepared_g2.hpp"
#include "core/poly/domain.hpp"
#include "core/poly/polynomial.hpp"
#include "core/util/error.hpp"
#include "sha256_transcript.hpp"

#include <QTest>

using namespace ps;
using ps::test::Sha256Transcript;

namespace {

constexpr unsigned K = 5;

// generate_srs draws τ as Fr::random from the source, so the same seed gives the same τ.
Fr tau_of_seed(uint64_t seed) {
    SeededRandom rng(seed);
    return Fr::random(rng);
}

Srs seeded_srs(uint64_t seed) {
    SeededRandom rng(seed);
    NullProgress quiet;
    return generate_srs(K, rng, quiet);
}

Coeffs random_poly(size_t n, uint64_t seed) {
    SeededRandom rng(seed);
    Coeffs p(n);
    for (auto& c : p) c = Fr::random(rng);
    return p;
}

G1Affine affine(const G1& p) { return p.to_affine(); }

}  // namespace

class TestKzg : public QObject {
    Q_OBJECT
    Srs srs_, other_srs_;

private slots:
    void initTestCase() {
        srs_ = seeded_srs(1);
        other_srs_ = seeded_srs(2);
    }

    void powers_and_commitments_are_evaluations_at_tau() {
        const Fr tau = tau_of_seed(1);
        QVERIFY(srs_.g[0] == G1Affine::generator());
        QVERIFY(srs_.g[7] == affine(G1::generator() * tau.pow(7)));
        QVERIFY(srs_.s_g2 == (G2::generator() * tau).to_affine());
        const Coeffs p = random_poly(20, 3);
        QVERIFY(affine(commit_monomial(srs_, p)) == affine(G1::generator() * evaluate(p, tau)));
        // the constant polynomial c commits to c·G
        QVERIFY(affine(commit_monomial(srs_, Coeffs{Fr::from_u64(9)})) == affine(G1::generator() * Fr::from_u64(9)));
    }

    void lagrange_and_monomial_commitments_agree() {
        const EvaluationDomain d(K);
        const Coeffs p = random_poly(d.size(), 4);
        Coeffs evals = p;
        d.ntt(evals);
        QVERIFY(affine(commit_lagrange(srs_, evals)) == affine(commit_monomial(srs_, p)));
        QVERIFY_THROWS_EXCEPTION(Error, commit_lagrange(srs_, Coeffs(5)));
        QVERIFY_THROWS_EXCEPTION(Error, commit_monomial(srs_, Coeffs(d.size() + 1)));
    }

    void single_opening_honest_and_tampered() {
        const auto vp = srs_.verifier_params();
        const Coeffs p = random_poly(32, 5), q = random_poly(32, 6);
        const G1Affine c = affine(commit_monomial(srs_, p));
        const Fr z = Fr::from_u64(1234567);
        const SingleOpening o = open_single(srs_, p, z);
        QCOMPARE(o.eval, evaluate(p, z));
        QVERIFY(verify_single(vp, c, z, o.eval, o.witness));
        QVERIFY(!verify_single(vp, c, z, o.eval + Fr::one(), o.witness));              // wrong value
        QVERIFY(!verify_single(vp, c, z + Fr::one(), o.eval, o.witness));              // wrong point
        QVERIFY(!verify_single(vp, affine(commit_monomial(srs_, q)), z, o.eval, o.witness));  // other poly
        const SingleOpening foreign = open_single(other_srs_, p, z);                   // other SRS
        QVERIFY(!verify_single(vp, c, z, foreign.eval, foreign.witness));
        QVERIFY(!verify_single(other_srs_.verifier_params(), c, z, o.eval, o.witness));
    }

    void multi_open_at_rotated_points() {
        // Six polynomials opened at x, ωx and ω^{-1}x as a PLONK prover does.
        const EvaluationDomain d(K);
        const Fr x = Fr::from_u64(0xC0FFEE);
        const Fr points[3] = {x, d.rotate(x, 1), d.rotate(x, -1)};
        std::vector<Coeffs> polys;
        for (uint64_t i = 0; i < 6; ++i) polys.push_back(random_poly(32 - i, 10 + i));
        std::vector<ProverQuery> pq;
        std::vector<VerifierQuery> vq;
        for (size_t i = 0; i < polys.size(); ++i) {
            for (size_t j = 0; j <= i % 3; ++j) {  // poly i at the first (i mod 3) + 1 points
                const Fr e = evaluate(polys[i], points[j]);
                pq.push_back({polys[i], points[j], e});
                vq.push_back({commit_monomial(srs_, polys[i]), points[j], e});
            }
        }
        Sha256Transcript pt("multi");
        const MultiOpeningProof proof = open_multi(srs_, pq, pt);
        QCOMPARE(proof.witnesses.size(), size_t(3));
        const auto vp = srs_.verifier_params();
        auto verify = [&](std::span<const VerifierQuery> q, const MultiOpeningProof& pr) {
            Sha256Transcript vt("multi");
            return verify_multi(vp, q, pr, vt);
        };
        const OpeningVerdict ok = verify(vq, proof);
        QVERIFY2(ok.ok, ok.reason.c_str());

        auto bad = vq;
        bad[4].eval += Fr::one();  // a wrong value
        QVERIFY(!verify(bad, proof).ok);
        bad = vq;
        bad[0].point = x + Fr::one();  // a wrong point (also regroups: witness count differs)
        QVERIFY(!verify(bad, proof).ok);
        bad = vq;
        bad[3].commitment = vq[0].commitment;  // another polynomial's commitment
        QVERIFY(!verify(bad, proof).ok);
        auto swapped = proof;
        std::swap(swapped.witnesses[0], swapped.witnesses[1]);
        QVERIFY(!verify(vq, swapped).ok);
        auto short_proof = proof;
        short_proof.witnesses.pop_back();
        QVERIFY(!verify(vq, short_proof).ok);
        // a proof made with another SRS (same transcript protocol)
        Sha256Transcript ot("multi");
        const MultiOpeningProof foreign = open_multi(other_srs_, pq, ot);
        QVERIFY(!verify(vq, foreign).ok);
        // a verifier bound to a different transcript label derives other challenges
        Sha256Transcript wrong_label("other");
        QVERIFY(!verify_multi(vp, vq, proof, wrong_label).ok);
        // a prover that lies about an evaluation cannot make the check pass
        auto lying = pq;
        lying[2].eval += Fr::one();
        Sha256Transcript lt("multi");
        const MultiOpeningProof lie = open_multi(srs_, lying, lt);
        auto claimed = vq;
        claimed[2].eval = lying[2].eval;
        QVERIFY(!verify(claimed, lie).ok);
    }

    void multi_open_rejects_empty_query_lists() {
        Sha256Transcript t("x");
        QVERIFY_THROWS_EXCEPTION(Error, open_multi(srs_, {}, t));
        QVERIFY(!verify_multi(srs_.verifier_params(), {}, {}, t).ok);
    }

    // The verifier's G2 lines come from a cache: the same point gives the same lines, the
    // generator its static ones, and after more distinct points than the cache holds the
    // checks still agree with the unprepared pairing product.
    void prepared_g2_cache_agrees_with_the_unprepared_check() {
        QCOMPARE(prepared_g2(G2Affine::generator()).get(), &g2_generator_prepared());
        QCOMPARE(prepared_g2(srs_.s_g2).get(), prepared_g2(srs_.s_g2).get());
        SeededRandom rng(9);
        for (int i = 0; i < 12; ++i) {
            const Fr a = Fr::random(rng);
            const G2Affine a_g2 = (G2::generator() * a).to_affine();
            const G1Affine ps[2] = {affine(G1::generator() * a), -G1Affine::generator()};
            const G2Affine qs[2] = {G2Affine::generator(), a_g2};
            QVERIFY(kzg_pairing_check(ps, qs));
            const G1Affine wrong[2] = {affine(G1::generator() * (a + Fr::one())), -G1Affine::generator()};
            QVERIFY(!kzg_pairing_check(wrong, qs));
            QCOMPARE(kzg_pairing_check(wrong, qs), pairing_product_is_one(wrong, qs));
        }
        const G2Affine one_q[1] = {srs_.s_g2};
        QVERIFY_THROWS_EXCEPTION(Error, kzg_pairing_check({}, one_q));
    }
};

QTEST_APPLESS_MAIN(TestKzg)
#include "tst_kzg.moc"
