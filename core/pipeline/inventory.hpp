#pragma once
// What a project folder holds: for every artifact whether it is present, missing,
// invalid (its reader's reason) or inconsistent with the rest (settings digest, SRS
// size, input shapes, stale outputs), its key facts, and the step that (re)makes it.
// The GUI's project panel shows this; the CLI and tests may ask it too.
#include "core/pipeline/project.hpp"
#include "core/witness/generate.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ps::pipeline {

enum class ArtifactState { Present, Missing, Invalid, Inconsistent };
std::string_view to_string(ArtifactState s);  // "present", "missing", ...

struct ArtifactStatus {
    Artifact id = Artifact::Input;
    std::string file;     // "settings.json"
    std::string purpose;
    std::filesystem::path path;  // even when missing
    ArtifactState state = ArtifactState::Missing;
    std::vector<std::string> facts;  // "logrows 13 (5000 rows used)", ...
    std::string problem;             // why invalid / inconsistent; names the file and field
    std::string fix;                 // what to do about it
    std::string make_step;           // step that (re)makes it: "gen-settings"; "" for inputs
    bool step_available = true;      // make_step can run in this build
    std::string unavailable_reason;
    bool needed_now = true;          // false when only unavailable steps read it (kzg.srs today)
    uintmax_t size = 0;
    std::string digest;              // SHA-256 of the file, first 16 hex digits ("" when too large)
    std::optional<std::chrono::system_clock::time_point> modified;
};

// Which steps count as runnable (default: the step table's `available`). Tests and a
// future build with more steps pass their own set.
struct StepFilter {
    std::optional<std::set<std::string, std::less<>>> available;
    bool is_available(std::string_view step) const;
    std::string reason(std::string_view step) const;  // "" when available
};

struct Inventory {
    std::vector<ArtifactStatus> artifacts;  // artifact_specs() order
    std::vector<std::vector<int64_t>> model_input_shapes;  // from network.onnx, when readable
    std::shared_ptr<const WitnessResult> witness;          // parsed witness.json, when valid
    unsigned logrows = 0;                                   // settings.json's run_args.logrows, 0 when unknown

    bool consistent() const;  // nothing invalid or inconsistent
    const ArtifactStatus* find(Artifact a) const;
    const ArtifactStatus* find(std::string_view file) const;
    ArtifactStatus* find(Artifact a);
};

// Reads every artifact of the project. Never throws: every failure becomes a state with
// a reason. Cheap except for large key files (which are neither hashed nor decoded).
Inventory inspect(const Project& project, const StepFilter& steps = {});

}  // namespace ps::pipeline
