#pragma once
// Setup, mock, prove and verify for a compiled model: the model layout (model_layout.hpp)
// fed to the proof system (core/plonk). The pipeline's steps and the CLI call these.
#include "core/circuit/model_layout.hpp"
#include "core/kzg/srs.hpp"
#include "core/plonk/keys.hpp"
#include "core/plonk/prover.hpp"
#include "core/plonk/verifier.hpp"
#include "core/util/progress.hpp"
#include "core/util/random.hpp"

#include <nlohmann/json.hpp>

namespace ps::circuit {

struct ModelCircuit {
    ModelLayout layout;
    BuiltCircuit built;
    unsigned k = 0;
};

// Lays the model out on `witness` at k = settings.run_args.logrows (an error naming the
// needed logrows when the layout does not fit).
ModelCircuit build_model_circuit(const CompiledCircuit& circuit, const WitnessResult& witness);

// Rows the layout needs, the smallest k that holds them and the k gen-settings picks
// (CircuitBuilder::preferred_k: at or above the smallest, never forced by the tables).
struct LayoutSize {
    BlockRows rows;  // table_chunks at preferred_k
    unsigned minimum_k = 0, preferred_k = 0;
    uint64_t advice_cells = 0;  // assigned advice cells (settings.total_assignments)
    std::vector<NodeRows> nodes;
};
LayoutSize measure_layout(const CompiledCircuit& circuit);

// Every unsatisfied constraint as "layer 3 Gemm 'fc1': gate 'divide' …" lines (empty: all hold).
std::vector<std::string> mock_model(const ModelCircuit& circuit);

// The SRS cut to 2^k points, or an error that says which logrows is needed and how to
// make or downsize an SRS.
Srs srs_for_k(const Srs& srs, unsigned k, const std::string& srs_file, ProgressSink& progress);

// Keygen on the placeholder layout; the keys carry the settings digest.
plonk::ProvingKey setup_model(const CompiledCircuit& circuit, const Srs& srs, ProgressSink& progress,
                              std::vector<plonk::StageTiming>* timings = nullptr);

plonk::Proof prove_model(const CompiledCircuit& circuit, const WitnessResult& witness, const plonk::ProvingKey& pk,
                         const Srs& srs, RandomSource& rng, ProgressSink& progress);

// proof.json's pretty_public_inputs: the public values dequantised, grouped as EZKL's
// (rescaled_inputs, rescaled_params, rescaled_outputs) using the settings' scales.
nlohmann::json pretty_public_inputs(const Settings& settings, const std::vector<std::vector<Fr>>& instances);

}  // namespace ps::circuit
