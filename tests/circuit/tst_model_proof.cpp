// End to end on models built in code: setup → witness → mock → prove → verify, for each
// visibility; the keys and the proof round-trip through their files' encodings; and
// every way of cheating is rejected: a changed layer value (mock names the layer, a
// forced proof fails), flipped proof bytes, a changed public output, another model's
// vk, a proof made with another SRS.
#include "core/plonk/key_files.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/util/error.hpp"
#include "core/witness/quantize.hpp"
#include "model_fixture.hpp"

#include <QtTest>
#include <algorithm>
#include <random>

using namespace ps;
using namespace ps::test;

namespace {

struct Proven {
    CompiledCircuit circuit;
    WitnessResult witness;
    plonk::ProvingKey pk;
    plonk::Proof proof;
};

Proven prove(const model::Graph& g, const RunArgs& args, std::vector<std::vector<double>> inputs) {
    Proven p{compile(g, args), {}, {}, {}};
    p.witness = witness_of(p.circuit, std::move(inputs));
    NullProgress quiet;
    const unsigned k = p.circuit.settings.run_args.logrows;
    p.pk = circuit::setup_model(p.circuit, srs_of(k), quiet);
    SeededRandom blinding(7);
    p.proof = circuit::prove_model(p.circuit, p.witness, p.pk, srs_of(k), blinding, quiet);
    return p;
}

plonk::VerifyResult verify(const plonk::VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances,
                           std::span<const uint8_t> bytes, uint64_t srs_seed = 1) {
    return plonk::verify_proof(vk, srs_of(vk.k, srs_seed).verifier_params(), instances, bytes);
}

const std::vector<std::vector<double>> MLP_INPUT = {{0.5, -1.25, 0.75, 2.0}};
const std::vector<std::vector<double>> SIGMOID_INPUT = {{0.5, -0.25, 1.5}};

// Index of the witness layer holding node `op`'s output.
size_t layer_of(const WitnessResult& w, const std::string& op) {
    for (const auto& l : w.layers)
        if (l.op == op) return l.index;
    return w.layers.size();
}

}  // namespace

class TstModelProof : public QObject {
    Q_OBJECT
private slots:
    void mlp_proves_and_verifies_through_files() {
        const Proven p = prove(mlp_graph(), small_args(), MLP_INPUT);
        const auto m = circuit::build_model_circuit(p.circuit, p.witness);
        QVERIFY(circuit::mock_model(m).empty());
        // Keys and proof through their encodings, as the CLI writes and reads them.
        const auto digest = settings_digest(p.circuit.settings);
        const plonk::VerifyingKey vk =
            plonk::decode_verifying_key_file(plonk::encode_verifying_key_file(p.pk.vk, digest), "vk.key", digest);
        const plonk::ProvingKey pk =
            plonk::decode_proving_key_file(plonk::encode_proving_key_file(p.pk, digest), "pk.key", digest);
        QVERIFY(pk.vk.cs == p.pk.vk.cs);
        const plonk::Proof back =
            plonk::proof_from_json(nlohmann::json::parse(plonk::proof_to_json(p.proof).dump()), "proof.json");
        const auto verdict = verify(vk, back.instances, back.bytes);
        QVERIFY2(verdict.ok, verdict.reason.c_str());
        // The public values are the witness's outputs.
        QCOMPARE(back.instances.size(), size_t(1));
        QCOMPARE(back.instances[0].size(), p.witness.outputs[0].size());
        for (size_t i = 0; i < p.witness.outputs[0].size(); ++i)
            QVERIFY(back.instances[0][i] == quant::to_field(p.witness.outputs[0][i]));
        // And they dequantise to the witness's rescaled outputs.
        const auto pretty = circuit::pretty_public_inputs(p.circuit.settings, back.instances);
        QCOMPARE(pretty["rescaled_outputs"][0].size(), size_t(2));
        QCOMPARE(pretty["rescaled_outputs"][0][0].get<double>(),
                 quant::dequantize(p.witness.outputs[0][0], p.witness.output_scales[0]));
    }

    void lookups_and_elementwise_ops_prove() {
        const Proven p = prove(sigmoid_graph(), small_args(), SIGMOID_INPUT);
        QVERIFY(circuit::mock_model(circuit::build_model_circuit(p.circuit, p.witness)).empty());
        QVERIFY(verify(p.pk.vk, p.proof.instances, p.proof.bytes).ok);
    }

    void every_visibility_proves() {
        struct Case {
            Visibility input, params, output;
            size_t instances;  // public values
        };
        // MLP: 4 inputs, 12 + 3 + 6 + 2 parameters, 2 outputs.
        for (const Case& c : {Case{Visibility::Public, Visibility::Fixed, Visibility::Public, 6},
                              Case{Visibility::Private, Visibility::Private, Visibility::Public, 2},
                              Case{Visibility::Private, Visibility::Public, Visibility::Public, 25},
                              Case{Visibility::Private, Visibility::Fixed, Visibility::Private, 0}}) {
            RunArgs a = small_args();
            a.input_visibility = c.input;
            a.param_visibility = c.params;
            a.output_visibility = c.output;
            const Proven p = prove(mlp_graph(), a, MLP_INPUT);
            const size_t found = p.proof.instances.empty() ? 0 : p.proof.instances[0].size();
            QCOMPARE(found, c.instances);
            const auto verdict = verify(p.pk.vk, p.proof.instances, p.proof.bytes);
            QVERIFY2(verdict.ok, (to_string(c.input) + "/" + to_string(c.params) + ": " + verdict.reason).c_str());
        }
    }

    void unsupported_visibilities_are_rejected_with_a_clear_message() {
        for (const auto& [field, v, word] : {std::tuple{"input", Visibility::Hashed, "hashed"},
                                             std::tuple{"input", Visibility::Fixed, "input_visibility"},
                                             std::tuple{"output", Visibility::Fixed, "output_visibility"}}) {
            RunArgs a = small_args();
            (std::string(field) == "input" ? a.input_visibility : a.output_visibility) = v;
            const CompiledCircuit c = compile(mlp_graph(), a);
            try {
                circuit::build_model_circuit(c, witness_of(c, MLP_INPUT));
                QFAIL("accepted an unsupported visibility");
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find(word) != std::string::npos, e.what());
            }
        }
    }

    // A witness with one value changed in a layer fails mock naming that layer, and a
    // proof forced from it does not verify — for a dot product, a rescale, a sign and
    // a lookup.
    void changed_layer_values_are_caught() {
        struct Case {
            model::Graph (*graph)();
            std::vector<std::vector<double>> input;
            std::string op;
        };
        for (const Case& c : {Case{&mlp_graph, MLP_INPUT, "Gemm"}, Case{&mlp_graph, MLP_INPUT, "Relu"},
                              Case{&sigmoid_graph, SIGMOID_INPUT, "Sigmoid"}, Case{&sigmoid_graph, SIGMOID_INPUT, "MatMul"},
                              Case{&sigmoid_graph, SIGMOID_INPUT, "Add"}}) {
            const Proven p = prove(c.graph(), small_args(), c.input);
            WitnessResult bad = p.witness;
            const size_t layer = layer_of(bad, c.op);
            QVERIFY(layer < bad.layers.size());
            bad.layers[layer].quantised[0] += 1;
            const auto failures = circuit::mock_model(circuit::build_model_circuit(p.circuit, bad));
            QVERIFY2(!failures.empty(), c.op.c_str());
            QVERIFY2(failures.front().find(c.op) != std::string::npos, failures.front().c_str());
            NullProgress quiet;
            SeededRandom blinding(9);
            const plonk::Proof forced = circuit::prove_model(p.circuit, bad, p.pk, srs_of(p.pk.vk.k), blinding, quiet);
            QVERIFY2(!verify(p.pk.vk, forced.instances, forced.bytes).ok, c.op.c_str());
        }
    }

    void changed_public_output_is_caught_by_mock_and_verifier() {
        const Proven p = prove(mlp_graph(), small_args(), MLP_INPUT);
        WitnessResult bad = p.witness;
        bad.outputs[0][1] += 1;  // the claimed output, not the layer
        QVERIFY(!circuit::mock_model(circuit::build_model_circuit(p.circuit, bad)).empty());
        auto instances = p.proof.instances;
        instances[0][1] = instances[0][1] + Fr::one();
        const auto verdict = verify(p.pk.vk, instances, p.proof.bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, plonk::VerifyCheck::PublicInputs);
    }

    void flipped_proof_bytes_are_rejected() {
        const Proven p = prove(mlp_graph(), small_args(), MLP_INPUT);
        std::mt19937_64 rng(2026);
        for (int trial = 0; trial < 50; ++trial) {
            std::vector<uint8_t> bytes = p.proof.bytes;
            const size_t at = rng() % bytes.size();
            bytes[at] ^= uint8_t(1u << (rng() % 8));
            QVERIFY2(!verify(p.pk.vk, p.proof.instances, bytes).ok, ("byte " + std::to_string(at)).c_str());
        }
    }

    void another_models_vk_and_another_srs_are_rejected() {
        const Proven mlp = prove(mlp_graph(), small_args(), MLP_INPUT);
        RunArgs other = small_args();
        other.param_scale = 6;  // same graph, other circuit
        NullProgress quiet;
        const CompiledCircuit c2 = compile(mlp_graph(), other);
        const plonk::ProvingKey pk2 = circuit::setup_model(c2, srs_of(c2.settings.run_args.logrows), quiet);
        QVERIFY(!verify(pk2.vk, mlp.proof.instances, mlp.proof.bytes).ok);
        // The same circuit, keyed and proven with another SRS (another τ): the vk binds its
        // SRS, so the verifier's SRS is refused by name.
        const unsigned k = mlp.pk.vk.k;
        const plonk::ProvingKey pk_other = circuit::setup_model(mlp.circuit, srs_of(k, 2), quiet);
        SeededRandom blinding(3);
        const plonk::Proof proof_other = circuit::prove_model(mlp.circuit, mlp.witness, pk_other, srs_of(k, 2), blinding, quiet);
        QVERIFY(verify(pk_other.vk, proof_other.instances, proof_other.bytes, 2).ok);
        const auto verdict = verify(pk_other.vk, proof_other.instances, proof_other.bytes, 1);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, plonk::VerifyCheck::Srs);
    }

    // A Sigmoid over ±2^13 is a 16 385-row table: stacked in one column it would force
    // 2^15 rows. Split over chunks it does not: logrows follows the model's other rows,
    // the proof verifies, and a looked-up output one unit off is still caught.
    void a_large_table_does_not_force_logrows() {
        RunArgs args = small_args();
        args.lookup_range_lo = -(int64_t(1) << 13);
        args.lookup_range_hi = int64_t(1) << 13;
        const CircuitPlan plan = plan_circuit(sigmoid_graph(), args, false);
        const unsigned k = plan.settings.run_args.logrows;
        QVERIFY2(k < 14, qPrintable(QString("logrows %1").arg(k)));  // 2^14 < 16 386 table rows
        QVERIFY(k >= plan.minimum_logrows);
        QVERIFY(plan.settings.num_rows < (size_t(1) << k));

        const Proven p = prove(sigmoid_graph(), args, SIGMOID_INPUT);
        QCOMPARE(p.pk.vk.k, k);
        const auto m = circuit::build_model_circuit(p.circuit, p.witness);
        const size_t chunks = m.layout.builder.table_chunks(k);
        QVERIFY(chunks * m.built.assignment->usable_rows() >= 16386);
        QVERIFY(chunks > 1);
        const auto& lookups = p.pk.vk.cs.lookups();
        const auto function_table = std::find_if(lookups.begin(), lookups.end(),
                                                 [](const auto& l) { return l.name == "function table"; });
        QVERIFY(function_table != lookups.end());
        QCOMPARE(function_table->tables.size(), chunks);
        QVERIFY(circuit::mock_model(m).empty());
        QVERIFY(verify(p.pk.vk, p.proof.instances, p.proof.bytes).ok);

        WitnessResult bad = p.witness;
        const size_t layer = layer_of(bad, "Sigmoid");
        QVERIFY(layer < bad.layers.size());
        bad.layers[layer].quantised[1] += 1;
        const auto failures = circuit::mock_model(circuit::build_model_circuit(p.circuit, bad));
        QVERIFY(!failures.empty());
        QVERIFY2(failures.front().find("Sigmoid") != std::string::npos, failures.front().c_str());
        QVERIFY2(failures.front().find("function table") != std::string::npos, failures.front().c_str());
        NullProgress quiet;
        SeededRandom blinding(10);
        const plonk::Proof forced = circuit::prove_model(p.circuit, bad, p.pk, srs_of(k), blinding, quiet);
        const auto verdict = verify(p.pk.vk, forced.instances, forced.bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, plonk::VerifyCheck::Vanishing);
    }

    void setup_and_prove_lay_out_the_same_circuit() {
        // The layout depends on shapes and parameters only: a placeholder witness and a
        // real one give identical constraint systems and fixed columns.
        const CompiledCircuit c = compile(mlp_graph(), small_args());
        const auto placeholder = circuit::build_model_circuit(c, circuit::placeholder_witness(c));
        const auto real = circuit::build_model_circuit(c, witness_of(c, MLP_INPUT));
        QVERIFY(*placeholder.built.cs == *real.built.cs);
        QVERIFY(placeholder.built.assignment->columns(plonk::ColumnKind::Fixed) ==
                real.built.assignment->columns(plonk::ColumnKind::Fixed));
        QCOMPARE(placeholder.built.assignment->copies().size(), real.built.assignment->copies().size());
    }

    void too_small_logrows_names_the_needed_value() {
        CompiledCircuit c = compile(mlp_graph(), small_args());
        c.settings.run_args.logrows = 4;
        try {
            circuit::build_model_circuit(c, witness_of(c, MLP_INPUT));
            QFAIL("accepted a too small logrows");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("logrows") != std::string::npos);
        }
    }
};

QTEST_APPLESS_MAIN(TstModelProof)
#include "tst_model_proof.moc"
