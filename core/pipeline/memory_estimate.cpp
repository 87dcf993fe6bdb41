#include "core/pipeline/memory_estimate.hpp"

#include "core/artifacts/settings.hpp"
#include "core/pipeline/run_history.hpp"
#include "core/util/sha256.hpp"

namespace ps::pipeline {

namespace {
uint64_t size_of(const std::filesystem::path& p) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(p, ec);
    return ec ? 0 : uint64_t(n);
}
}  // namespace

MemoryEstimate estimate_peak_memory(std::string_view step, const Project& project) {
    if (step != "prove" && step != "setup") return {};
    std::string digest;
    try {
        digest = to_hex(settings_digest(read_settings(project.path(Artifact::Settings))));
    } catch (const std::exception&) {
        // No usable settings: no run can match; fall through to the file sizes.
    }
    const RunHistory history = read_run_history(run_history_path(project));
    for (auto it = history.runs.rbegin(); it != history.runs.rend(); ++it)
        if (it->step == step && it->settings_digest == digest && !digest.empty() && it->peak_rss_bytes > 0)
            return {it->peak_rss_bytes, "the peak of the last " + std::string(step) + " run with these settings (runs.jsonl)"};
    // The prover holds the proving key's polynomials in three forms plus the extended
    // domain's evaluations; keygen builds them from the SRS: about four copies each.
    const uint64_t srs = size_of(project.path(Artifact::Srs));
    if (step == "prove") {
        const uint64_t pk = size_of(project.path(Artifact::ProvingKey));
        if (pk == 0) return {};
        return {4 * pk + srs, "rough: 4 × pk.key + kzg.srs (no earlier prove run to measure)"};
    }
    if (srs == 0) return {};
    return {4 * srs + size_of(project.path(Artifact::CompiledCircuit)),
            "rough: 4 × kzg.srs + network.ezkl (no earlier setup run to measure)"};
}

}  // namespace ps::pipeline
