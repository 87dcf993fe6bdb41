#pragma once
// A pipeline step to run on a Slurm cluster, and the batch script that runs it. The
// script runs `proofscope-cli STEP` on a compute node in the artifact folder, which must
// be on storage the nodes share (docs/REMOTE.md); it is written next to the artifacts
// (jobs/*.sbatch) so a user can read, or resubmit, exactly what was sent.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ps::remote {

struct JobRequest {
    std::filesystem::path artifacts;     // the project folder, as the nodes see it
    std::string step;                    // one of remote_steps()
    std::vector<std::string> step_args;  // passed to `proofscope-cli STEP` unchanged
    // Several inputs: a job array, task i proving inputs[i] (relative to `artifacts` or
    // absolute) with its witness and proof under proofs/<input stem>/ (project_for_input).
    std::vector<std::filesystem::path> inputs;
    std::string partition;               // empty: the cluster's default partition
    std::string account;                 // empty: the user's default account
    std::string time;                    // Slurm's --time ("90", "1:30:00", "1-00:00:00"); empty: default
    uint64_t mem_mib = 0;                // --mem in MiB; 0: the partition's default
    unsigned cpus = 0;                   // --cpus-per-task, also the step's --threads; 0: default
    std::vector<std::string> after;      // job ids that must finish successfully first (afterok)
    std::filesystem::path cli;           // proofscope-cli as the nodes run it (absolute)
};

// The steps that can run remotely; the others (gen-settings, compile-circuit, gen-srs) are
// quick and belong on the machine where the model is prepared.
const std::vector<std::string_view>& remote_steps();

struct Submission {
    std::filesystem::path script_path;   // <artifacts>/jobs/ps-<step>-<time>.sbatch
    std::string script;                  // bash, every Slurm option as an #SBATCH line
    std::vector<std::string> sbatch_args;  // argv for sbatch, ending in script_path
};

// Checks the request (step known, folder absolute, --inputs only for steps that read a
// witness or input, job ids numeric) and builds the script. Pure: writes nothing.
// Throws ps::Error naming the option at fault.
Submission plan_submission(const JobRequest& request, std::string_view unique_suffix);

// `pattern` ("inputs/*.json") expanded in `artifacts`, sorted; relative paths stay
// relative. Throws ps::Error when nothing matches.
std::vector<std::filesystem::path> expand_inputs(const std::filesystem::path& artifacts, const std::string& pattern);

// POSIX shell single-quoting: the script passes every path and argument through it.
std::string shell_quote(std::string_view word);

}  // namespace ps::remote
