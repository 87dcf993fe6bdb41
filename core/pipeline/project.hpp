#pragma once
// A project is a folder of artifacts with EZKL's default file names, plus (optionally)
// files kept elsewhere (an input.json outside the folder). The step table says which
// step makes which file from which: the CLI's defaults, the GUI's "next step" and the
// consistency checks all read it, so there is one list to extend when a step lands.
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace ps::pipeline {

// In pipeline order; input.json first (the user brings it, like network.onnx).
enum class Artifact { Input, Model, Settings, CompiledCircuit, Srs, ProvingKey, VerifyingKey, Witness, Proof };

struct ArtifactSpec {
    Artifact id;
    std::string_view file_name;  // EZKL's default name: "settings.json"
    std::string_view purpose;    // one line for the project panel
};

// Every artifact, in pipeline order.
const std::array<ArtifactSpec, 9>& artifact_specs();
const ArtifactSpec& spec(Artifact a);
std::string_view default_file_name(Artifact a);
std::optional<Artifact> artifact_named(std::string_view file_name);

struct StepSpec {
    std::string_view name;     // the CLI subcommand: "gen-settings"
    std::string_view title;    // for humans: "Generate settings"
    std::vector<Artifact> reads;
    std::vector<Artifact> writes;
    // False while the step has no implementation in this build (setup, mock, prove and
    // verify wait for the model→circuit layout); `unavailable_reason` says so.
    bool available = true;
    std::string_view unavailable_reason;
};

// Every step, in the order a project runs them.
const std::vector<StepSpec>& step_specs();
const StepSpec* find_step(std::string_view name);
// The step that writes `a` (nullptr for network.onnx and input.json, which the user brings).
const StepSpec* step_making(Artifact a);

class Project {
public:
    Project() = default;
    // `input_json` empty: <folder>/input.json.
    explicit Project(std::filesystem::path folder, std::filesystem::path input_json = {});

    const std::filesystem::path& folder() const { return folder_; }
    // Where the artifact lives: the override when one was set, else <folder>/<default name>.
    std::filesystem::path path(Artifact a) const;
    void set_path(Artifact a, std::filesystem::path p);
    bool exists(Artifact a) const;

private:
    std::filesystem::path folder_;
    std::map<Artifact, std::filesystem::path> overrides_;
};

// A path the user gave for `a`: a folder means the default file name inside it (as EZKL);
// empty means the default name in the current directory.
std::filesystem::path resolve_path(const std::filesystem::path& given, Artifact a);

}  // namespace ps::pipeline
