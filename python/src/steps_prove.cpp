// The Prove and Verify half with EZKL's Python signatures: gen_witness, mock, prove,
// verify; plus verify_details (the verifier's reason, which EZKL's bool cannot carry).
#include "progress_bridge.hpp"
#include "step_support.hpp"

#include "core/pipeline/step_gen_witness.hpp"
#include "core/pipeline/step_mock.hpp"
#include "core/pipeline/step_prove.hpp"
#include "core/pipeline/step_verify.hpp"
#include "core/util/error.hpp"

#include <pybind11/stl.h>

namespace ps::python {
namespace {

using pipeline::Artifact;
using namespace py::literals;

py::object gen_witness(const Path& data, const Path& model, const Path& output, const std::optional<Path>& vk_path,
                       const std::optional<Path>& srs_path, const std::optional<Path>& settings_path,
                       bool float_reference, const py::object& progress) {
    // vk_path and srs_path serve EZKL's hashed/polycommit visibilities, which need a
    // commitment while the witness is made; ProofScope's witness needs neither.
    (void)vk_path;
    (void)srs_path;
    pipeline::GenWitnessPaths paths{resolved(data, Artifact::Input), resolved(model, Artifact::CompiledCircuit),
                                    resolved(output, Artifact::Witness), {}};
    if (settings_path) paths.settings = resolved(*settings_path, Artifact::Settings);
    pipeline::GenWitnessOptions options;
    options.float_reference = float_reference;
    PythonProgress bridge(progress);
    call_core(bridge, [&] { return pipeline::gen_witness(paths, options, bridge); });
    return json_file(paths.witness);
}

bool mock(const Path& witness, const Path& model, const py::object& progress) {
    const pipeline::MockPaths paths{resolved(model, Artifact::CompiledCircuit), resolved(witness, Artifact::Witness)};
    PythonProgress bridge(progress);
    const auto r = call_core(bridge, [&] { return pipeline::mock(paths, bridge); });
    if (r.ok()) return true;
    // As EZKL: a failed mock is an error. Its message lists the failures, the first layer first.
    std::string message = std::to_string(r.failures.size()) + " constraint(s) fail";
    for (size_t i = 0; i < r.failures.size() && i < 20; ++i) message += "\n  " + r.failures[i];
    if (r.failures.size() > 20) message += "\n  ... and " + std::to_string(r.failures.size() - 20) + " more";
    throw Error(paths.witness.string(), message, "the witness departs from the circuit at the first layer listed");
}

py::object prove(const Path& witness, const Path& model, const Path& pk_path, const std::optional<Path>& proof_path,
                 const std::optional<Path>& srs_path, const py::object& progress) {
    const pipeline::ProvePaths paths{resolved(witness, Artifact::Witness), resolved(model, Artifact::CompiledCircuit),
                                     resolved(pk_path, Artifact::ProvingKey), resolved(srs_path, Artifact::Srs),
                                     resolved(proof_path, Artifact::Proof)};
    PythonProgress bridge(progress);
    call_core(bridge, [&] { return pipeline::prove(paths, {}, bridge); });
    return json_file(paths.proof);
}

pipeline::VerifyPaths verify_paths(const Path& proof_path, const Path& settings_path, const Path& vk_path,
                                   const std::optional<Path>& srs_path, bool reduced_srs) {
    if (reduced_srs)
        throw py::value_error("verify: reduced_srs is not needed here: the verifier reads only the SRS points every size "
                              "of one SRS shares, so pass the SRS the keys were made with");
    return {resolved(proof_path, Artifact::Proof), resolved(settings_path, Artifact::Settings),
            resolved(vk_path, Artifact::VerifyingKey), resolved(srs_path, Artifact::Srs)};
}

pipeline::VerifyStepResult run_verify(const pipeline::VerifyPaths& paths, const py::object& progress) {
    PythonProgress bridge(progress);
    return call_core(bridge, [&] { return pipeline::verify(paths, bridge); });
}

bool verify(const Path& proof_path, const Path& settings_path, const Path& vk_path, const std::optional<Path>& srs_path,
            bool reduced_srs, const py::object& progress) {
    return run_verify(verify_paths(proof_path, settings_path, vk_path, srs_path, reduced_srs), progress).verdict.ok;
}

py::dict verify_details(const Path& proof_path, const Path& settings_path, const Path& vk_path,
                        const std::optional<Path>& srs_path, bool reduced_srs, const py::object& progress) {
    const auto r = run_verify(verify_paths(proof_path, settings_path, vk_path, srs_path, reduced_srs), progress);
    py::dict d;
    d["valid"] = r.verdict.ok;
    d["check"] = r.verdict.ok ? std::string() : std::string(plonk::to_string(r.verdict.check));
    d["reason"] = r.verdict.reason;
    d["verify_milliseconds"] = r.verify_milliseconds;
    d["proof_bytes"] = r.proof_bytes;
    d["pretty_public_inputs"] = py::module_::import("json").attr("loads")(r.pretty_public_inputs.dump());
    return d;
}

}  // namespace

void register_prove_steps(py::module_& m) {
    const py::none none;
    m.def("gen_witness", &gen_witness, "data"_a = "input.json", "model"_a = "network.ezkl", "output"_a = "witness.json",
          "vk_path"_a = none, "srs_path"_a = none, py::kw_only(), "settings_path"_a = none, "float_reference"_a = true,
          "progress"_a = none,
          "input.json + network.ezkl -> witness.json (every layer's values). Returns the witness as a dict.");
    m.def("mock", &mock, "witness"_a = "witness.json", "model"_a = "network.ezkl", py::kw_only(), "progress"_a = none,
          "Check every constraint on the witness. True, or proofscope.Error naming the failing layers.");
    m.def("prove", &prove, "witness"_a = "witness.json", "model"_a = "network.ezkl", "pk_path"_a = "pk.key",
          "proof_path"_a = none, "srs_path"_a = none, py::kw_only(), "progress"_a = none,
          "witness.json + pk.key -> proof.json (proof_path None: proof.json). Returns the proof as a dict.");
    m.def("verify", &verify, "proof_path"_a = "proof.json", "settings_path"_a = "settings.json", "vk_path"_a = "vk.key",
          "srs_path"_a = none, "reduced_srs"_a = false, py::kw_only(), "progress"_a = none,
          "True when the proof verifies, False when it does not; proofscope.Error for unusable input.");
    m.def("verify_details", &verify_details, "proof_path"_a = "proof.json", "settings_path"_a = "settings.json",
          "vk_path"_a = "vk.key", "srs_path"_a = none, "reduced_srs"_a = false, py::kw_only(), "progress"_a = none,
          "verify, with the verdict's reason: a dict with valid, check, reason, verify_milliseconds, proof_bytes, "
          "pretty_public_inputs.");
}

}  // namespace ps::python
