#pragma once
// Per-artifact readers behind inspect_project(): each fills an ArtifactStatus's facts or
// marks it invalid with the reader's reason, and records what the consistency checks
// need (settings digest, logrows, SRS k, model input sizes).
#include "ui/models/artifact_status.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ps::ui {

struct ProjectFacts {
    std::optional<std::string> settings_digest;        // of settings.json (core's settings_digest)
    std::optional<std::string> circuit_settings_digest;  // recorded in network.ezkl
    std::optional<unsigned> logrows;
    std::optional<unsigned> srs_k;
    std::optional<std::pair<int64_t, int64_t>> settings_lookup_range;
    std::optional<std::pair<int64_t, int64_t>> witness_lookup_range;
    std::vector<size_t> model_input_sizes;  // elements per model input (network.onnx)
    std::vector<std::vector<int64_t>> model_input_shapes;
    std::shared_ptr<const WitnessTrace> witness;
    std::vector<size_t> input_json_sizes;   // elements per input in input.json
};

void read_artifact(ArtifactStatus& a, ProjectFacts& facts);
void check_consistency(ProjectStatus& status, ProjectFacts& facts);
// network.ezkl, pk.key, vk.key (artifact_binary_readers.cpp).
void read_binary_artifact(ArtifactStatus& a, ProjectFacts& facts);

}  // namespace ps::ui
