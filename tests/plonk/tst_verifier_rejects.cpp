// Every valid proof has tampered twins (gnark's habit): one flipped byte in each section,
// a changed public input, another circuit's vk, swapped evaluations, truncation — each
// rejected, without an exception, naming the check that failed.
#include "proof_fixture.hpp"

#include "core/plonk/columns.hpp"
#include "core/plonk/proof_layout.hpp"

#include <QTest>

using namespace ps;
using namespace ps::plonk;

namespace {

const test::ProvenCircuit& fixture() {
    static const test::ProvenCircuit f = test::prove_with_seed(test::fibonacci(false, 6), 7);
    return f;
}

VerifyResult verify_bytes(const std::vector<uint8_t>& bytes) { return fixture().verify(bytes); }

}  // namespace

class TestVerifierRejects : public QObject {
    Q_OBJECT
private slots:
    void the_untampered_proof_verifies() { QVERIFY(verify_bytes(fixture().proof.bytes).ok); }

    void one_flipped_byte_in_any_section_is_rejected_with_its_reason() {
        const auto layout = proof_layout(fixture().pk.vk);
        for (const auto& s : layout) {
            if (s.count == 0) continue;
            for (size_t item : {size_t(0), s.count - 1}) {
                auto bytes = fixture().proof.bytes;
                bytes[s.offset + item * s.item_size + s.item_size - 1] ^= 0x01;
                const auto verdict = verify_bytes(bytes);
                QVERIFY2(!verdict.ok, s.name.c_str());
                VerifyCheck expected = VerifyCheck::Vanishing;
                if (s.item_size == 64) expected = VerifyCheck::ProofFormat;  // off the curve
                if (s.name == "statement digests")
                    expected = item == 0 ? VerifyCheck::VerifyingKey : VerifyCheck::PublicInputs;
                if (s.name == "vanishing evaluations" && item == 0)
                    expected = VerifyCheck::OpeningPairing;  // r(x) is in no constraint
                QVERIFY2(verdict.check == expected,
                         qPrintable(QString::fromStdString(s.name + " item " + std::to_string(item) + ": got " +
                                                           to_string(verdict.check) + " — " + verdict.reason)));
            }
        }
    }

    void a_changed_public_input_is_rejected() {
        auto instances = fixture().proof.instances;
        instances[0][2] += Fr::one();
        const auto verdict = test::verify_with(fixture().pk.vk, instances, fixture().proof.bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, VerifyCheck::PublicInputs);
        // Missing or extra public inputs are a shape mismatch, also PublicInputs.
        auto fewer = fixture().proof.instances;
        fewer[0].pop_back();
        QCOMPARE(test::verify_with(fixture().pk.vk, fewer, fixture().proof.bytes).check, VerifyCheck::PublicInputs);
        QCOMPARE(test::verify_with(fixture().pk.vk, {}, fixture().proof.bytes).check, VerifyCheck::PublicInputs);
    }

    void a_public_input_changed_in_proof_and_statement_alike_fails_the_identity() {
        // An attacker who also rewrites the instance digest in the proof gets past the
        // statement check but not the vanishing identity (the instance polynomial moved).
        auto instances = fixture().proof.instances;
        instances[0][2] += Fr::one();
        auto bytes = fixture().proof.bytes;
        const auto digest = columns::instance_digest(instances);
        std::copy(digest.begin(), digest.end(), bytes.begin() + 32);
        const auto verdict = test::verify_with(fixture().pk.vk, instances, bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, VerifyCheck::Vanishing);
    }

    void another_circuits_vk_is_rejected() {
        // The same chain laid out in 2^7 rows: another circuit with the same public-input
        // shape (3 values), so the shape check passes and the vk digest is what differs.
        const auto other = test::fibonacci(false, 7);
        NullProgress quiet;
        const ProvingKey other_pk = keygen(test::test_srs(7), *other.assignment, quiet);
        const auto verdict = test::verify_with(other_pk.vk, {fixture().proof.instances[0]}, fixture().proof.bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, VerifyCheck::VerifyingKey);
    }

    void padded_public_inputs_are_rejected_by_shape() {
        // A prover that appends an unconstrained public value (instance row 3 = 0 of the
        // Fibonacci circuit is copied nowhere) once got a proof that verified against 4
        // public values under the vk of a circuit with 3: a reader of proof.json saw an
        // output the model never had. The vk now pins 3 values per column.
        const VerifyingKey& vk = fixture().pk.vk;
        Assignment padded = *fixture().circuit.assignment;
        padded.assign({ColumnKind::Instance, 0}, 3, Fr::zero());
        NullProgress quiet;
        SeededRandom rng(11);
        QVERIFY_THROWS_EXCEPTION(Error, create_proof(fixture().pk, test::test_srs(6), padded, rng, quiet));

        auto instances = fixture().proof.instances;
        instances[0].push_back(Fr::zero());
        const auto verdict = test::verify_with(vk, instances, fixture().proof.bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, VerifyCheck::PublicInputs);
        QVERIFY2(verdict.reason.find("the verifying key expects 3") != std::string::npos, verdict.reason.c_str());
    }

    void another_srs_is_rejected_by_the_vk() {
        // Same k, another τ: the vk binds the SRS it was made with (g[0], g2, [τ]G2).
        SeededRandom tau(0xD1FF);
        NullProgress quiet;
        const Srs other = generate_srs(6, tau, quiet);
        const auto verdict = verify_proof(fixture().pk.vk, other.verifier_params(), fixture().proof.instances,
                                          fixture().proof.bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, VerifyCheck::Srs);
        QVERIFY2(verdict.reason.find("SRS") != std::string::npos, verdict.reason.c_str());
        SeededRandom rng(12);
        const auto error = [&]() -> std::string {
            try {
                create_proof(fixture().pk, other, *fixture().circuit.assignment, rng, quiet);
            } catch (const Error& e) {
                return e.what();
            }
            return "no error";
        }();
        QVERIFY2(error.find("SRS") != std::string::npos && error.find("verifying key") != std::string::npos,
                 error.c_str());
    }

    void a_degenerate_srs_is_refused_by_setup_and_prove() {
        // τ = 1: every power is the generator and [τ]G2 = G2, so anyone can open any
        // commitment anywhere. All zero: no generator at all. srs-info rejected both;
        // the proving path now does too.
        const Srs& real = test::test_srs(6);
        Srs tau_one = real;
        for (auto& p : tau_one.g) p = G1Affine::generator();
        tau_one.s_g2 = tau_one.g2;
        Srs zero = real;
        for (auto& p : zero.g) p = G1Affine();
        for (auto& p : zero.g_lagrange) p = G1Affine();
        const auto& c = fixture().circuit;
        NullProgress quiet;
        SeededRandom rng(13);
        for (const Srs* bad : {&tau_one, &zero}) {
            QVERIFY_THROWS_EXCEPTION(Error, keygen(*bad, *c.assignment, quiet));
            QVERIFY_THROWS_EXCEPTION(Error, create_proof(fixture().pk, *bad, *c.assignment, rng, quiet));
            QVERIFY(!verify_proof(fixture().pk.vk, bad->verifier_params(), fixture().proof.instances,
                                  fixture().proof.bytes)
                         .ok);
        }
    }

    void swapped_evaluations_are_rejected() {
        const auto layout = proof_layout(fixture().pk.vk);
        for (const char* name : {"advice evaluations", "permutation product evaluations"}) {
            const auto& s = section(layout, name);
            QVERIFY(s.count >= 2);
            auto bytes = fixture().proof.bytes;
            std::swap_ranges(bytes.begin() + long(s.offset), bytes.begin() + long(s.offset + 32),
                             bytes.begin() + long(s.offset + 32));
            QVERIFY(bytes != fixture().proof.bytes);
            const auto verdict = verify_bytes(bytes);
            QVERIFY(!verdict.ok);
            QCOMPARE(verdict.check, VerifyCheck::Vanishing);
        }
    }

    void swapped_commitments_are_rejected_by_the_opening() {
        // Two advice commitments exchanged: every point is valid and the evaluations are
        // untouched, so only the pairing can notice (the challenges change too).
        const auto& s = section(proof_layout(fixture().pk.vk), "advice commitments");
        auto bytes = fixture().proof.bytes;
        std::swap_ranges(bytes.begin() + long(s.offset), bytes.begin() + long(s.offset + 64),
                         bytes.begin() + long(s.offset + 64));
        const auto verdict = verify_bytes(bytes);
        QVERIFY(!verdict.ok);
        QVERIFY(verdict.check == VerifyCheck::Vanishing || verdict.check == VerifyCheck::OpeningPairing);
    }

    void an_opening_witness_replaced_by_a_valid_point_fails_the_pairing() {
        const auto& s = section(proof_layout(fixture().pk.vk), "opening witnesses");
        auto bytes = fixture().proof.bytes;
        const auto g = g1_to_evm(G1Affine::generator());
        std::copy(g.begin(), g.end(), bytes.begin() + long(s.offset));
        const auto verdict = verify_bytes(bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, VerifyCheck::OpeningPairing);
    }

    void truncated_or_extended_proofs_are_format_errors() {
        auto bytes = fixture().proof.bytes;
        bytes.pop_back();
        QCOMPARE(verify_bytes(bytes).check, VerifyCheck::ProofFormat);
        bytes = fixture().proof.bytes;
        bytes.push_back(0);
        QCOMPARE(verify_bytes(bytes).check, VerifyCheck::ProofFormat);
        QCOMPARE(verify_bytes({}).check, VerifyCheck::ProofFormat);
    }
};

QTEST_GUILESS_MAIN(TestVerifierRejects)
#include "tst_verifier_rejects.moc"
