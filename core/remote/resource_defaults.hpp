#pragma once
// --mem and --time for a remote step when the user gives none: the pre-flight memory
// estimate (pipeline/memory_estimate.hpp: the last run's peak, else a rough figure from
// the file sizes) with headroom, and the last recorded run's wall time (runs.jsonl) with
// a generous margin, since a scheduler kills a job at its limit.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace ps::remote {

struct ResourceDefaults {
    uint64_t mem_mib = 0;   // 0: no estimate, the partition's default applies
    std::string mem_basis;  // where the figure comes from, for the CLI to print
    std::string time;       // Slurm's minutes ("12"); empty: no estimate
    std::string time_basis;
};

ResourceDefaults default_resources(std::string_view step, const std::filesystem::path& artifacts);

}  // namespace ps::remote
