#include "core/remote/resource_defaults.hpp"

#include "core/pipeline/memory_estimate.hpp"
#include "core/pipeline/run_history.hpp"

#include <algorithm>

namespace ps::remote {

ResourceDefaults default_resources(std::string_view step, const std::filesystem::path& artifacts) {
    ResourceDefaults d;
    const pipeline::Project project(artifacts);
    const auto mem = pipeline::estimate_peak_memory(step, project);
    if (mem.bytes) {
        // 1.5× and at least 256 MiB over the estimate: a rough estimate may be low, and
        // Slurm ends a job that exceeds --mem (OUT_OF_MEMORY).
        const uint64_t mib = (mem.bytes + (1u << 20) - 1) >> 20;
        d.mem_mib = std::max<uint64_t>(mib + mib / 2, mib + 256);
        d.mem_basis = mem.basis;
    }
    const auto history = pipeline::read_run_history(pipeline::run_history_path(project));
    for (auto it = history.runs.rbegin(); it != history.runs.rend(); ++it) {
        if (it->step != step) continue;
        // 3× the last run plus 5 minutes for queueing on the node and loading files.
        const double minutes = it->total_milliseconds / 60000.0 * 3.0 + 5.0;
        d.time = std::to_string(uint64_t(minutes) + 1);
        d.time_basis = "3 x the last " + std::string(step) + " run (runs.jsonl) + 5 min";
        break;
    }
    return d;
}

}  // namespace ps::remote
