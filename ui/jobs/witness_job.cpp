#include "ui/jobs/witness_job.hpp"

#include "core/util/error.hpp"

#if __has_include("core/witness/generate.hpp")
#include "core/artifacts/compiled_circuit.hpp"
#include "core/artifacts/input_data.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/witness/generate.hpp"
#define PROOFSCOPE_HAS_WITNESS 1
#else
#define PROOFSCOPE_HAS_WITNESS 0
#endif

namespace ps::ui {

bool witness_generation_available() { return PROOFSCOPE_HAS_WITNESS != 0; }

void generate_witness_file(const WitnessJobFiles& files, ProgressSink& progress) {
#if PROOFSCOPE_HAS_WITNESS
    const CompiledCircuit circuit = read_compiled_circuit(files.compiled_circuit.toStdString());
    const InputData input = read_input_json(files.input_json.toStdString(), input_shapes(circuit.graph));
    throw_if_cancelled(progress);
    const WitnessResult result = generate_witness(circuit, input, progress);
    throw_if_cancelled(progress);
    write_witness_json(result, files.witness_json.toStdString());
#else
    (void)files;
    (void)progress;
    throw Error("witness generation", "this build has no core/witness module",
                "build ProofScope with core/witness, or run proofscope-cli gen-witness");
#endif
}

}  // namespace ps::ui
