// Soundness against a prover that cheats (adversarial_prover.hpp), not one that is honest
// on a bad witness: each cheat rewrites what the prover commits to after the challenge
// it depends on, and the verifier must reject. Each circuit also gets the same prover
// with no cheat, which must verify — so a rejection is the cheat's doing.
#include "adversarial_prover.hpp"

#include <QTest>

using namespace ps;
using namespace ps::plonk;

namespace {

struct Setup {
    test::TestCircuit circuit;
    ProvingKey pk;
};

Setup setup(test::TestCircuit c) {
    NullProgress quiet;
    ProvingKey pk = keygen(test::test_srs(c.assignment->k()), *c.assignment, quiet);
    return {std::move(c), std::move(pk)};
}

VerifyResult cheat(const Setup& s, const test::Cheats& cheats, uint64_t seed = 1,
                   const std::vector<std::vector<Fr>>* verifier_instances = nullptr) {
    SeededRandom rng(seed);
    const Proof proof =
        test::create_cheating_proof(s.pk, test::test_srs(s.pk.vk.k), *s.circuit.assignment, rng, cheats);
    return test::verify_with(s.pk.vk, verifier_instances ? *verifier_instances : proof.instances, proof.bytes);
}

#define EXPECT_REJECTED(verdict, expected)                                                                  \
    do {                                                                                                    \
        const VerifyResult v_ = (verdict);                                                                  \
        QVERIFY2(!v_.ok, "the verifier accepted a cheating proof: soundness bug");                          \
        QVERIFY2(v_.check == (expected), (std::string("rejected by ") + to_string(v_.check) + ": " + v_.reason).c_str()); \
    } while (0)

// The larger SRS of test_srs(k)'s τ: the powers a prover holding a ceremony's SRS has.
const Srs& larger_srs(unsigned k, unsigned bigger_k) {
    static std::map<unsigned, Srs> cache;
    auto it = cache.find(k);
    if (it == cache.end()) {
        SeededRandom tau(0x5125 + k);  // test_srs's seed: the same τ
        NullProgress quiet;
        it = cache.emplace(k, generate_srs(bigger_k, tau, quiet)).first;
    }
    return it->second;
}

}  // namespace

class TestAdversarialProver : public QObject {
    Q_OBJECT
private slots:
    void the_prover_without_a_cheat_is_accepted() {
        for (auto make : {+[] { return test::range_check(); }, +[] { return test::chunked_lookup(); },
                          +[] { return test::fibonacci(false, 6); }, +[] { return test::multiplication(); }}) {
            const Setup s = setup(make());
            const auto verdict = cheat(s, {});
            QVERIFY2(verdict.ok, (s.circuit.name + ": " + verdict.reason).c_str());
        }
    }

    void a_negative_multiplicity_that_keeps_the_sum_is_accepted() {
        // logUp checks Σ 1/(f + β) = Σ m/(t + β), not the sign of m: moving a count between
        // two table rows of the same value (the zero padding rows 20 and 21) changes no
        // term, so this "cheat" proves a true statement and verifies. It also shows the
        // multiplicity hook takes effect (the rejections below are not a broken hook).
        const Setup s = setup(test::range_check());
        test::Cheats c;
        c.multiplicities = [](auto& m, const auto&) {
            m[0][0][20] = -Fr::one();
            m[0][0][21] = Fr::one();
        };
        const auto verdict = cheat(s, c);
        QVERIFY2(verdict.ok, verdict.reason.c_str());
        c.multiplicities = [](auto& m, const auto&) { m[0][0][20] = -Fr::one(); };  // unbalanced
        EXPECT_REJECTED(cheat(s, c), VerifyCheck::Vanishing);
    }

    // ---- (a) logUp: m = −1 for an input missing from the table, φ/h built to match.
    // range_check(broken): row 5 looks up 16, the table is 0..15 (one chunk, multiplied out).
    void logup_negative_multiplicity_with_phi_following_it_is_rejected() {
        const Setup s = setup(test::range_check(true));
        test::Cheats c;
        // The count for the out-of-table input is put on the table's last row with the
        // opposite sign: Σm still equals the number of inputs, as an honest count would.
        c.multiplicities = [](auto& m, const auto&) { m[0][0][15] = -Fr::one(); };
        EXPECT_REJECTED(cheat(s, c), VerifyCheck::Vanishing);
    }

    void logup_phi_forced_to_close_at_zero_is_rejected() {
        // φ follows the rows and absorbs what is left over at the out-of-table row, so
        // φ(ω^0) = φ(ω^u) = 0 — the "sum checks out" — and only one step differs.
        const Setup s = setup(test::range_check(true));
        const size_t usable = s.pk.vk.cs.usable_rows(s.pk.vk.k);
        for (const bool negative_m : {false, true}) {
            test::Cheats c;
            if (negative_m) c.multiplicities = [](auto& m, const auto&) { m[0][0][15] = -Fr::one(); };
            c.accumulators = [usable](auto&, auto& phi, const auto&, const auto&) {
                const Fr left_over = phi[0][usable];
                QVERIFY(!left_over.is_zero());  // the honest sum does not check out
                for (size_t i = 6; i <= usable; ++i) phi[0][i] -= left_over;
                QVERIFY(phi[0][0].is_zero() && phi[0][usable].is_zero());
            };
            EXPECT_REJECTED(cheat(s, c), VerifyCheck::Vanishing);
        }
    }

    // chunked_lookup(broken): row 3 looks up (3, 100), in no chunk; three chunks, so the
    // prover also commits h_j = m_j/(t_j + β) — after β, where it could choose them freely.
    void logup_helpers_built_to_close_the_sum_are_rejected() {
        const Setup s = setup(test::chunked_lookup(true));
        const size_t usable = s.pk.vk.cs.usable_rows(s.pk.vk.k);
        {
            test::Cheats c;  // m = −1 and h, φ honestly derived from it: φ(ω^u) ≠ 0
            c.multiplicities = [](auto& m, const auto&) { m[0][0][3] = -Fr::one(); };
            EXPECT_REJECTED(cheat(s, c), VerifyCheck::Vanishing);
        }
        for (const bool negative_m : {false, true}) {
            // The left-over 1/(f_3 + β) moved into h_0 at row 3: every φ step and both ends
            // of φ hold; only h_0·(t_0 + β) = m_0 at row 3 does not.
            test::Cheats c;
            if (negative_m) c.multiplicities = [](auto& m, const auto&) { m[0][0][3] = -Fr::one(); };
            c.accumulators = [usable](auto& h, auto& phi, const auto&, const auto&) {
                const Fr left_over = phi[0][usable];
                QVERIFY(!left_over.is_zero());
                h[0][0][3] += left_over;
                for (size_t i = 4; i <= usable; ++i) phi[0][i] -= left_over;
                QVERIFY(phi[0][usable].is_zero());
            };
            EXPECT_REJECTED(cheat(s, c), VerifyCheck::Vanishing);
        }
    }

    // ---- (b) the permutation's grand product z set to 0 mid-chain.
    void permutation_product_zeroed_mid_chain_is_rejected() {
        const Setup s = setup(test::fibonacci(false, 6));
        const size_t usable = s.pk.vk.cs.usable_rows(s.pk.vk.k);
        QVERIFY2(permutation::chunk_count(s.pk.vk.cs) >= 2, "the cut must be able to carry into a later chunk");
        {
            test::Cheats c;  // one row
            c.products = [](auto& z) { z[0][7] = Fr::zero(); };
            EXPECT_REJECTED(cheat(s, c), VerifyCheck::Vanishing);
        }
        {
            // Zero from row 7 on, and every later chunk zero: 0 is absorbing, z_last(ω^u) = 0
            // is allowed (z_last(ω^u) ∈ {0, 1}) and chunk j+1 starts at z_j(ω^u) = 0, so the
            // only step that fails is the one into row 7.
            test::Cheats c;
            c.products = [usable](auto& z) {
                for (size_t i = 7; i <= usable; ++i) z[0][i] = Fr::zero();
                for (size_t j = 1; j < z.size(); ++j) std::fill(z[j].begin(), z[j].end(), Fr::zero());
            };
            EXPECT_REJECTED(cheat(s, c), VerifyCheck::Vanishing);
        }
        {
            test::Cheats c;  // all zero: only z_0(ω^0) = 1 fails
            c.products = [](auto& z) {
                for (auto& chunk : z) std::fill(chunk.begin(), chunk.end(), Fr::zero());
            };
            EXPECT_REJECTED(cheat(s, c), VerifyCheck::Vanishing);
        }
    }

    // ---- (c) quotient pieces of a degree beyond their bound, committed with a larger
    // SRS of the same τ (its g, g2, [τ]G2 — what the vk binds — are the same).
    void quotient_pieces_beyond_their_degree_are_rejected() {
        const Setup honest = setup(test::multiplication());
        const unsigned k = honest.pk.vk.k;
        const Srs& big = larger_srs(k, k + 3);
        QVERIFY(big.verifier_params().s_g2 == test::test_srs(k).verifier_params().s_g2);
        test::Cheats c;
        c.full_quotient_srs = &big;
        QVERIFY2(cheat(honest, c).ok, "control: the whole quotient of a satisfied witness fits the pieces");

        // A wrong product on row 2: N is not divisible by Z_H, and its interpolant on the
        // extended coset has degree far above (degree − 1)·n; all of it is committed.
        const Setup broken = setup(test::multiplication(true));
        EXPECT_REJECTED(cheat(broken, c), VerifyCheck::Vanishing);

        // The same with the lookup cheat: nothing of the quotient is dropped either.
        const Setup lookup = setup(test::range_check(true));
        test::Cheats both;
        both.full_quotient_srs = &larger_srs(lookup.pk.vk.k, lookup.pk.vk.k + 3);
        both.multiplicities = [](auto& m, const auto&) { m[0][0][15] = -Fr::one(); };
        EXPECT_REJECTED(cheat(lookup, both), VerifyCheck::Vanishing);
    }

    // ---- (d) padded or extra instance rows.
    void padded_instance_rows_are_rejected() {
        const Setup s = setup(test::multiplication());
        QCOMPARE(s.pk.vk.instance_lengths, std::vector<size_t>{1});
        std::vector<std::vector<Fr>> padded = s.circuit.assignment->instance_values();
        padded[0].push_back(Fr::zero());  // the zero a lax verifier would read there anyway

        // An honest proof checked against the padded public inputs.
        EXPECT_REJECTED(cheat(s, {}, 1, &padded), VerifyCheck::PublicInputs);
        // A proof whose statement is the padded one, against either list.
        test::Cheats c;
        c.statement = padded;
        EXPECT_REJECTED(cheat(s, c), VerifyCheck::PublicInputs);
        const auto pinned = s.circuit.assignment->instance_values();
        EXPECT_REJECTED(cheat(s, c, 1, &pinned), VerifyCheck::PublicInputs);
        // The pinned statement, but the prover's instance polynomial carries a value on a
        // row past the pinned length (a hidden extra public value).
        test::Cheats hidden;
        hidden.instance_rows = [](auto& rows) { rows[0][1] = Fr::from_u64(42); };
        EXPECT_REJECTED(cheat(s, hidden), VerifyCheck::Vanishing);

        // The honest prover refuses a witness with an extra instance row outright.
        test::TestCircuit extra = test::multiplication();
        extra.assignment->assign(Column{ColumnKind::Instance, 0}, 1, Fr::zero());
        SeededRandom rng(3);
        NullProgress quiet;
        QVERIFY_THROWS_EXCEPTION(Error, create_proof(s.pk, test::test_srs(s.pk.vk.k), *extra.assignment, rng, quiet));
    }
};

QTEST_APPLESS_MAIN(TestAdversarialProver)
#include "tst_adversarial_prover.moc"
