#include "core/remote/slurm_job.hpp"

#include "core/util/error.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace ps::remote {

JobPhase phase_of_state(std::string_view s) {
    // "CANCELLED by 0" is how sacct prints a cancelled job.
    if (s.starts_with("CANCELLED")) return JobPhase::Cancelled;
    static constexpr std::array<std::pair<std::string_view, JobPhase>, 20> states{{
        {"PENDING", JobPhase::Pending},      {"CONFIGURING", JobPhase::Pending}, {"REQUEUED", JobPhase::Pending},
        {"REQUEUE_HOLD", JobPhase::Pending}, {"RESV_DEL_HOLD", JobPhase::Pending}, {"SUSPENDED", JobPhase::Pending},
        {"RUNNING", JobPhase::Running},      {"COMPLETING", JobPhase::Running},  {"STOPPED", JobPhase::Running},
        {"SIGNALING", JobPhase::Running},    {"STAGE_OUT", JobPhase::Running},   {"RESIZING", JobPhase::Running},
        {"COMPLETED", JobPhase::Done},       {"FAILED", JobPhase::Failed},       {"TIMEOUT", JobPhase::Failed},
        {"NODE_FAIL", JobPhase::Failed},     {"OUT_OF_MEMORY", JobPhase::Failed}, {"PREEMPTED", JobPhase::Failed},
        {"BOOT_FAIL", JobPhase::Failed},     {"DEADLINE", JobPhase::Failed},
    }};
    for (const auto& [name, phase] : states)
        if (s == name) return phase;
    throw Error("Slurm job state", "\"" + std::string(s) + "\" is not a state Slurm documents",
                "a newer Slurm? ProofScope knows the states of Slurm 22.05");
}

std::string_view to_string(JobPhase phase) {
    switch (phase) {
        case JobPhase::Pending: return "pending";
        case JobPhase::Running: return "running";
        case JobPhase::Done: return "done";
        case JobPhase::Failed: return "failed";
        case JobPhase::Cancelled: return "cancelled";
    }
    return "?";
}

bool is_finished(JobPhase phase) {
    return phase == JobPhase::Done || phase == JobPhase::Failed || phase == JobPhase::Cancelled;
}

void sort_by_job_id(std::vector<JobInfo>& jobs) {
    const auto key = [](const JobInfo& j) {
        const size_t u = j.id.find('_');
        const std::string job = j.id.substr(0, u), task = u == std::string::npos ? std::string() : j.id.substr(u + 1);
        // Numbers compare by length first, then text: "9" < "10", and "[0-2]" after any task.
        return std::tuple{job.size(), job, task.size(), task};
    };
    std::stable_sort(jobs.begin(), jobs.end(), [&](const JobInfo& a, const JobInfo& b) { return key(a) < key(b); });
}

}  // namespace ps::remote
