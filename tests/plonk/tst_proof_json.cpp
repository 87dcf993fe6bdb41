// proof.json fields: EZKL's shape and field-element encoding (64 hex digits of the
// canonical little-endian bytes), a round trip that still verifies, and rejection of
// malformed fields naming the field.
#include "proof_fixture.hpp"

#include "core/plonk/proof_json.hpp"

#include <QTest>

using namespace ps;
using namespace ps::plonk;

class TestProofJson : public QObject {
    Q_OBJECT
private slots:
    void field_elements_use_ezkl_hex() {
        QCOMPARE(fr_to_ezkl_hex(Fr::from_u64(1)),
                 std::string("0100000000000000000000000000000000000000000000000000000000000000"));
        QCOMPARE(fr_to_ezkl_hex(Fr::from_u64(0x1234)),
                 std::string("3412000000000000000000000000000000000000000000000000000000000000"));
        QVERIFY(fr_from_ezkl_hex(fr_to_ezkl_hex(-Fr::one())) == -Fr::one());
        // r itself (little-endian) is not a field element.
        QVERIFY(!fr_from_ezkl_hex("010000f093f5e1439170b97948e833285d588181b64550b829a031e1724e6430"));
        QVERIFY(!fr_from_ezkl_hex("12"));
        QVERIFY(!fr_from_ezkl_hex(std::string(64, 'g')));
    }

    void round_trip_keeps_a_verifiable_proof() {
        const auto c = test::multiplication(false, 6);
        SeededRandom rng(11);
        const auto [pk, proof] = test::prove_circuit(c, rng);
        ProofJsonContext ctx;
        ctx.timestamp_ms = 1700000000000;
        const auto j = proof_to_json(proof, ctx);
        for (const std::string& field : proof_json_fields()) QVERIFY2(j.contains(field), field.c_str());
        // Nothing beyond the allow-list: no timings, no digests (they could leak the witness).
        QCOMPARE(j.size(), proof_json_fields().size());
        QVERIFY(!j.contains("timings") && !j.contains("digests"));
        QCOMPARE(j["transcript_type"].get<std::string>(), std::string("EVM"));
        QCOMPARE(j["commitment"].get<std::string>(), std::string("KZG"));

        const Proof back = proof_from_json(nlohmann::json::parse(j.dump()), "proof.json");
        QVERIFY(back.bytes == proof.bytes);
        QVERIFY(back.instances == proof.instances);
        QVERIFY(test::verify_with(pk.vk, back.instances, back.bytes).ok);
    }

    void malformed_fields_are_named() {
        auto j = nlohmann::json::parse(R"({"instances": [["zz"]], "proof": [1, 2]})");
        try {
            proof_from_json(j, "proof.json");
            QFAIL("accepted a bad instance");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("instances[0][0]") != std::string::npos);
        }
        j = nlohmann::json::parse(R"({"instances": [], "proof": [1, 256]})");
        QVERIFY_THROWS_EXCEPTION(Error, proof_from_json(j, "proof.json"));
        j = nlohmann::json::parse(R"({"instances": [], "proof": [1, 2], "hex_proof": "0x0103"})");
        QVERIFY_THROWS_EXCEPTION(Error, proof_from_json(j, "proof.json"));
    }

    void oversized_proofs_are_refused_before_copying() {
        // A proof is a few kilobytes (proof_size(vk)); 1 MiB is far above any real one,
        // so a larger `proof` array is refused with the limit named.
        nlohmann::json j = {{"instances", nlohmann::json::array()}};
        j["proof"] = std::vector<uint8_t>((size_t(1) << 20) + 1, 7);
        QString error;
        try {
            proof_from_json(j, "proof.json");
        } catch (const Error& e) {
            error = e.what();
        }
        QVERIFY2(error.contains("proof.json: proof") && error.contains("1048576"), qPrintable(error));
        j["proof"] = std::vector<uint8_t>(size_t(1) << 20, 7);
        QCOMPARE(proof_from_json(j, "proof.json").bytes.size(), size_t(1) << 20);
    }
};

QTEST_GUILESS_MAIN(TestProofJson)
#include "tst_proof_json.moc"
