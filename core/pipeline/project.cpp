#include "core/pipeline/project.hpp"

namespace ps::pipeline {

namespace {
using enum Artifact;

constexpr std::array<ArtifactSpec, 9> specs = {{
    {Input, "input.json", "the model's input (EZKL input_data)"},
    {Model, "network.onnx", "the model (ONNX)"},
    {Settings, "settings.json", "circuit parameters: scales, logrows, visibility"},
    {CompiledCircuit, "network.ezkl", "compiled circuit: quantised graph and parameters"},
    {Srs, "kzg.srs", "structured reference string (KZG powers of tau)"},
    {ProvingKey, "pk.key", "proving key"},
    {VerifyingKey, "vk.key", "verifying key"},
    {Witness, "witness.json", "every layer's values for this input"},
    {Proof, "proof.json", "the proof"},
}};

}  // namespace

const std::array<ArtifactSpec, 9>& artifact_specs() { return specs; }

const ArtifactSpec& spec(Artifact a) {
    for (const auto& s : specs)
        if (s.id == a) return s;
    return specs[0];  // unreachable: every enumerator has a row
}

std::string_view default_file_name(Artifact a) { return spec(a).file_name; }

std::optional<Artifact> artifact_named(std::string_view file_name) {
    for (const auto& s : specs)
        if (s.file_name == file_name) return s.id;
    return std::nullopt;
}

const std::vector<StepSpec>& step_specs() {
    // ARCHITECTURE.md "What the product is": setup makes the circuit and keys once, prove
    // runs per input.
    static const std::vector<StepSpec> steps = {
        {"gen-settings", "Generate settings", {Model}, {Settings}, true, {}},
        {"calibrate-settings", "Calibrate settings", {Model, Input}, {Settings}, true, {}},
        {"compile-circuit", "Compile circuit", {Model, Settings}, {CompiledCircuit}, true, {}},
        {"gen-srs", "Generate development SRS", {Settings}, {Srs}, true, {}},
        {"gen-witness", "Generate witness", {Input, CompiledCircuit}, {Witness}, true, {}},
        {"setup", "Generate keys", {CompiledCircuit, Srs}, {ProvingKey, VerifyingKey}, true, {}},
        {"mock", "Check the witness (mock prover)", {CompiledCircuit, Witness}, {}, true, {}},
        {"prove", "Prove", {Witness, CompiledCircuit, ProvingKey, Srs}, {Proof}, true, {}},
        {"verify", "Verify", {Proof, Settings, VerifyingKey, Srs}, {}, true, {}},
    };
    return steps;
}

const StepSpec* find_step(std::string_view name) {
    for (const auto& s : step_specs())
        if (s.name == name) return &s;
    return nullptr;
}

const StepSpec* step_making(Artifact a) {
    // gen-settings before calibrate-settings: the first that writes it is the default maker.
    for (const auto& s : step_specs())
        for (Artifact w : s.writes)
            if (w == a) return &s;
    return nullptr;
}

Project::Project(std::filesystem::path folder, std::filesystem::path input_json) : folder_(std::move(folder)) {
    if (!input_json.empty()) overrides_[Input] = std::move(input_json);
}

std::filesystem::path Project::path(Artifact a) const {
    if (auto it = overrides_.find(a); it != overrides_.end()) return it->second;
    return folder_ / default_file_name(a);
}

void Project::set_path(Artifact a, std::filesystem::path p) { overrides_[a] = std::move(p); }

bool Project::exists(Artifact a) const {
    std::error_code ec;
    return std::filesystem::is_regular_file(path(a), ec);
}

std::filesystem::path resolve_path(const std::filesystem::path& given, Artifact a) {
    std::filesystem::path p = given.empty() ? std::filesystem::path(default_file_name(a)) : given;
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) p /= default_file_name(a);
    return p;
}

}  // namespace ps::pipeline
