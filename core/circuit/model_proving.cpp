#include "core/circuit/model_proving.hpp"

#include "core/circuit/field_value.hpp"
#include "core/plonk/keygen.hpp"
#include "core/plonk/mock_prover.hpp"
#include "core/util/error.hpp"
#include "core/witness/quantize.hpp"

#include <algorithm>

namespace ps::circuit {

ModelCircuit build_model_circuit(const CompiledCircuit& circuit, const WitnessResult& witness) {
    ModelCircuit m{lay_out_model(circuit, witness), {}, circuit.settings.run_args.logrows};
    m.built = m.layout.builder.build(m.k);
    return m;
}

LayoutSize measure_layout(const CompiledCircuit& circuit) {
    ModelLayout layout = lay_out_model(circuit, placeholder_witness(circuit));
    const BlockRows r = layout.builder.rows();
    const auto& c = layout.builder.config();
    const uint64_t cells = r.arith * (2 * c.pairs + 1) + r.lookup * 2 + r.range * (1 + layout.builder.limb_plan().count);
    return {r, layout.builder.minimum_k(), layout.builder.preferred_k(), cells, std::move(layout.nodes)};
}

std::vector<std::string> mock_model(const ModelCircuit& circuit) {
    // Layer by layer: the first line is where the witness first departs from the model.
    std::vector<std::pair<size_t, std::string>> found;
    const CircuitBuilder& b = circuit.layout.builder;
    for (const plonk::ConstraintFailure& f : plonk::mock_prove(*circuit.built.assignment)) {
        Block block = Block::Arith;
        if (f.name == "range-check" || f.name.rfind("range limb", 0) == 0) block = Block::Range;
        else if (f.name == "function table") block = Block::Lookup;
        const std::string region = b.region_of(block, f.row);
        found.push_back({b.region_index(block, f.row), (region.empty() ? std::string("(no layer)") : region) + ": " + f.message()});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (auto& [index, text] : found) out.push_back(std::move(text));
    return out;
}

Srs srs_for_k(const Srs& srs, unsigned k, const std::string& srs_file, ProgressSink& progress) {
    if (srs.k < k)
        throw Error(srs_file,
                    "the SRS has 2^" + std::to_string(srs.k) + " points; the circuit needs logrows " + std::to_string(k),
                    "use an SRS with k >= " + std::to_string(k) + " (proofscope-cli gen-srs --logrows " +
                        std::to_string(k) + " for development, or a larger trusted one)");
    return srs.k == k ? srs : downsize_srs(srs, k, progress);
}

plonk::ProvingKey setup_model(const CompiledCircuit& circuit, const Srs& srs, ProgressSink& progress,
                              std::vector<plonk::StageTiming>* timings) {
    const ModelCircuit m = [&] {
        ProgressStage stage(progress, "lay out the circuit", 1);
        return build_model_circuit(circuit, placeholder_witness(circuit));
    }();
    return plonk::keygen(srs, *m.built.assignment, progress, timings);
}

plonk::Proof prove_model(const CompiledCircuit& circuit, const WitnessResult& witness, const plonk::ProvingKey& pk,
                         const Srs& srs, RandomSource& rng, ProgressSink& progress) {
    // The witness round: every layer's values placed in the circuit's advice cells.
    const ModelCircuit m = [&] {
        ProgressStage stage(progress, "lay out the witness", 1);
        return build_model_circuit(circuit, witness);
    }();
    if (!(pk.vk.cs == *m.built.cs) || pk.vk.k != m.k)
        throw Error("pk.key", "was made for another circuit than this network.ezkl",
                    "run setup again with this compiled circuit");
    return plonk::create_proof(pk, srs, *m.built.assignment, rng, progress);
}

nlohmann::json pretty_public_inputs(const Settings& settings, const std::vector<std::vector<Fr>>& instances) {
    // Instance order of lay_out_model: public inputs, public parameters, public outputs.
    nlohmann::json j = nlohmann::json::object();
    const RunArgs& a = settings.run_args;
    std::vector<Fr> values = instances.empty() ? std::vector<Fr>{} : instances[0];
    size_t at = 0;
    auto take = [&](size_t count, Scale scale) {
        nlohmann::json arr = nlohmann::json::array();
        for (size_t i = 0; i < count && at < values.size(); ++i, ++at) {
            const auto v = quant::from_field(values[at]);
            arr.push_back(v ? quant::dequantize(*v, scale) : 0.0);
        }
        return arr;
    };
    const auto& shapes = settings.model_instance_shapes;
    // model_instance_shapes lists the public inputs' shapes then the public outputs'.
    size_t shape_index = 0;
    if (a.input_visibility == Visibility::Public) {
        nlohmann::json inputs = nlohmann::json::array();
        for (size_t i = 0; i < settings.model_input_scales.size() && shape_index < shapes.size(); ++i, ++shape_index)
            inputs.push_back(take(model::element_count(shapes[shape_index]), settings.model_input_scales[i]));
        j["rescaled_inputs"] = inputs;
    }
    if (a.output_visibility == Visibility::Public) {
        // Public parameters sit between inputs and outputs: skip to the outputs' start.
        size_t output_values = 0;
        for (size_t s = shape_index; s < shapes.size(); ++s) output_values += model::element_count(shapes[s]);
        if (values.size() >= output_values) at = values.size() - output_values;
        nlohmann::json outputs = nlohmann::json::array();
        for (size_t o = 0; o < settings.model_output_scales.size() && shape_index < shapes.size(); ++o, ++shape_index)
            outputs.push_back(take(model::element_count(shapes[shape_index]), settings.model_output_scales[o]));
        j["rescaled_outputs"] = outputs;
    }
    return j;
}

}  // namespace ps::circuit
