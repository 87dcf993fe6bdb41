#pragma once
// One Slurm job (or one task of a job array) as ProofScope shows it: Slurm's own state
// name kept for the user, folded into the five phases the CLI and the GUI act on.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ps::remote {

enum class JobPhase { Pending, Running, Done, Failed, Cancelled };

// Slurm's JobState names (squeue(1) "JOB STATE CODES"): PENDING, CONFIGURING, RUNNING,
// COMPLETING, SUSPENDED → pending/running; COMPLETED → done; CANCELLED → cancelled;
// FAILED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, PREEMPTED, BOOT_FAIL, DEADLINE → failed.
// Throws ps::Error for a name Slurm does not use.
JobPhase phase_of_state(std::string_view slurm_state);
std::string_view to_string(JobPhase phase);  // "pending", "running", "done", "failed", "cancelled"
bool is_finished(JobPhase phase);

struct JobInfo {
    std::string id;           // "42", or "42_1" for task 1 of array job 42
    std::string array_job;    // "42" for every task of array 42; empty for a plain job
    std::string name;         // "ps-prove"
    std::string state;        // Slurm's: "RUNNING", "FAILED", …
    JobPhase phase = JobPhase::Pending;
    int exit_code = 0;        // the step's exit status once finished (ExitCode=N:S, the N)
    int signal = 0;           // the S: the signal that ended it, 0 if none
    std::string reason;       // why pending or failed: "Dependency", "NonZeroExitCode", …
    std::string partition;
    std::string run_time;     // "00:01:07"
    std::filesystem::path work_dir;
    std::filesystem::path log;  // StdOut: the step's own output, progress lines included
};

// Oldest first by job id (squeue lists in the scheduler's order), an array's tasks in task
// order: how the CLI's `job list` and the Remote tab show jobs.
void sort_by_job_id(std::vector<JobInfo>& jobs);

}  // namespace ps::remote
