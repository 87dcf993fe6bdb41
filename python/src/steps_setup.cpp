// The Setup half with EZKL's Python signatures: gen_settings, calibrate_settings,
// compile_circuit, gen_srs, setup, table. Each is the CLI command's pipeline call, with
// the GIL released and the progress bridge as its sink (app/cli/cmd_*.cpp do the same).
#include "progress_bridge.hpp"
#include "step_support.hpp"

#include "core/pipeline/step_calibrate_settings.hpp"
#include "core/pipeline/step_compile_circuit.hpp"
#include "core/pipeline/step_gen_settings.hpp"
#include "core/pipeline/step_setup.hpp"
#include "core/pipeline/step_srs.hpp"
#include "core/pipeline/step_table.hpp"

#include <pybind11/stl.h>

namespace ps::python {
namespace {

using pipeline::Artifact;
using namespace py::literals;

PyRunArgs run_args_or_default(const std::optional<PyRunArgs>& given) { return given.value_or(PyRunArgs{}); }

bool gen_settings(const Path& model, const Path& output, const std::optional<PyRunArgs>& py_run_args,
                  const py::object& progress) {
    const pipeline::GenSettingsPaths paths{resolved(model, Artifact::Model), resolved(output, Artifact::Settings)};
    pipeline::GenSettingsOptions options;
    const PyRunArgs args = run_args_or_default(py_run_args);
    options.run_args = args.args;
    options.logrows_fixed = args.logrows_set;
    PythonProgress bridge(progress);
    call_core(bridge, [&] { return pipeline::gen_settings(paths, options, bridge); });
    return true;
}

bool calibrate_settings(const Path& data, const Path& model, const Path& settings, const std::string& target,
                        double lookup_safety_margin, const std::optional<std::vector<int>>& scales,
                        const std::optional<std::vector<int>>& scale_rebase_multiplier,
                        const std::optional<unsigned>& max_logrows, const std::optional<PyRunArgs>& py_run_args,
                        const py::object& progress) {
    // EZKL widens lookup ranges by a safety margin and searches rebase multipliers; the core's
    // calibration does neither (docs/PYTHON.md), so other values are refused, not ignored.
    if (lookup_safety_margin != 2.0)
        throw py::value_error("calibrate_settings: lookup_safety_margin other than 2 is not supported by ProofScope's "
                              "calibration (it sizes lookup ranges from the data it runs)");
    if (scale_rebase_multiplier)
        throw py::value_error("calibrate_settings: scale_rebase_multiplier search is not supported; set "
                              "py_run_args.scale_rebase_multiplier instead");
    const pipeline::CalibrateSettingsPaths paths{resolved(model, Artifact::Model), resolved(data, Artifact::Input),
                                                 resolved(settings, Artifact::Settings)};
    pipeline::CalibrateSettingsOptions options;
    options.base = run_args_or_default(py_run_args).args;
    if (target == "accuracy") options.calibration.target = CalibrationTarget::Accuracy;
    else if (target != "resources")
        throw py::value_error("calibrate_settings: unknown target \"" + target + "\" (use \"resources\" or \"accuracy\")");
    if (scales) {
        options.calibration.scales.clear();
        for (int s : *scales) {
            if (s < 0 || s > 30) throw py::value_error("calibrate_settings: scales must lie in 0..30, found " + std::to_string(s));
            options.calibration.scales.push_back(s);
        }
    }
    if (max_logrows) options.calibration.max_logrows = *max_logrows;
    PythonProgress bridge(progress);
    call_core(bridge, [&] { return pipeline::calibrate_settings(paths, options, bridge); });
    return true;
}

bool compile_circuit(const Path& model, const Path& compiled_circuit, const Path& settings_path,
                     const py::object& progress) {
    const pipeline::CompileCircuitPaths paths{resolved(model, Artifact::Model), resolved(settings_path, Artifact::Settings),
                                              resolved(compiled_circuit, Artifact::CompiledCircuit)};
    PythonProgress bridge(progress);
    call_core(bridge, [&] { return pipeline::compile_circuit(paths, {}, bridge); });
    return true;
}

void gen_srs(const Path& srs_path, unsigned logrows, const std::optional<uint64_t>& seed, const py::object& progress) {
    // Whoever knows τ can forge proofs: every front end says so (a UserWarning here).
    PyErr_WarnEx(PyExc_UserWarning, std::string(pipeline::development_srs_warning).c_str(), 1);
    pipeline::GenSrsOptions options;
    options.logrows = logrows;
    options.seed = seed;
    PythonProgress bridge(progress);
    call_core(bridge, [&] { return pipeline::gen_srs(srs_path, options, bridge); });
}

bool setup(const Path& model, const Path& vk_path, const Path& pk_path, const std::optional<Path>& srs_path,
           const std::optional<Path>& witness_path, bool disable_selector_compression, const py::object& progress) {
    // witness_path and disable_selector_compression steer EZKL's halo2 keygen; ProofScope's keys
    // depend on neither (docs/PYTHON.md). They are accepted so EZKL notebooks run unchanged.
    (void)witness_path;
    (void)disable_selector_compression;
    const pipeline::SetupPaths paths{resolved(model, Artifact::CompiledCircuit), resolved(srs_path, Artifact::Srs),
                                     resolved(vk_path, Artifact::VerifyingKey), resolved(pk_path, Artifact::ProvingKey)};
    PythonProgress bridge(progress);
    call_core(bridge, [&] { return pipeline::setup(paths, bridge); });
    return true;
}

std::string table(const Path& model, const std::optional<PyRunArgs>& py_run_args, const py::object& progress) {
    const Path path = resolved(model, Artifact::Model);
    const RunArgs args = run_args_or_default(py_run_args).args;
    PythonProgress bridge(progress);
    const auto t = call_core(bridge, [&] { return pipeline::node_table(path, args, bridge); });
    return pipeline::node_table_text(t);
}

}  // namespace

void register_setup_steps(py::module_& m) {
    const py::none none;
    m.def("gen_settings", &gen_settings, "model"_a = "network.onnx", "output"_a = "settings.json",
          "py_run_args"_a = none, py::kw_only(), "progress"_a = none,
          "network.onnx -> settings.json with EZKL's defaults (or py_run_args). Returns True.");
    m.def("calibrate_settings", &calibrate_settings, "data"_a = "calibration.json", "model"_a = "network.onnx",
          "settings"_a = "settings.json", "target"_a = "resources", "lookup_safety_margin"_a = 2.0, "scales"_a = none,
          "scale_rebase_multiplier"_a = none, "max_logrows"_a = none, py::kw_only(), "py_run_args"_a = none,
          "progress"_a = none,
          "Try scales on the data and write the settings that fit target (resources | accuracy). Returns True.");
    m.def("compile_circuit", &compile_circuit, "model"_a = "network.onnx", "compiled_circuit"_a = "network.ezkl",
          "settings_path"_a = "settings.json", py::kw_only(), "progress"_a = none,
          "network.onnx + settings.json -> network.ezkl. Returns True.");
    m.def("gen_srs", &gen_srs, "srs_path"_a, "logrows"_a, py::kw_only(), "seed"_a = none, "progress"_a = none,
          "A development-only KZG SRS (whoever knows tau can forge proofs); seed makes it reproducible.");
    m.def("setup", &setup, "model"_a = "network.ezkl", "vk_path"_a = "vk.key", "pk_path"_a = "pk.key",
          "srs_path"_a = none, "witness_path"_a = none, "disable_selector_compression"_a = false, py::kw_only(),
          "progress"_a = none, "network.ezkl + kzg.srs -> pk.key, vk.key. srs_path None: kzg.srs. Returns True.");
    m.def("table", &table, "model"_a = "network.onnx", "py_run_args"_a = none, py::kw_only(), "progress"_a = none,
          "The model's node table as text (what proofscope-cli table prints).");
}

}  // namespace ps::python
