#pragma once
// Between the per-artifact readers and the consistency checks: what each reader learnt
// that another file must agree with. Internal to core/pipeline.
#include "core/pipeline/inventory.hpp"
#include "core/util/sha256.hpp"

namespace ps::pipeline::detail {

struct ProjectFacts {
    std::optional<Sha256Digest> settings_digest;          // of settings.json
    std::optional<Sha256Digest> circuit_settings_digest;  // recorded in network.ezkl
    std::optional<unsigned> logrows;
    std::optional<unsigned> srs_k;
    std::optional<std::pair<int64_t, int64_t>> settings_lookup_range;
    std::optional<std::pair<int64_t, int64_t>> witness_lookup_range;
    std::vector<std::vector<int64_t>> model_input_shapes;
    std::vector<size_t> input_json_sizes;  // values per input in input.json
    std::shared_ptr<const WitnessResult> witness;
};

// Fills a present artifact's facts, or marks it Invalid with the reader's reason.
void read_artifact(ArtifactStatus& a, ProjectFacts& facts);
// pk.key / vk.key against settings.json (needs the settings digest, so after the rest).
void check_keys(Inventory& inv, const ProjectFacts& facts);
void check_consistency(Inventory& inv, const ProjectFacts& facts);

}  // namespace ps::pipeline::detail
