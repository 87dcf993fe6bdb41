#include "core/remote/job_request.hpp"

#include "core/pipeline/proving_run.hpp"
#include "core/util/error.hpp"

#include <algorithm>
#include <glob.h>

namespace ps::remote {
namespace fs = std::filesystem;
namespace {

bool is_job_id(std::string_view id) {
    // "42", or "42_3" for one task of an array: the forms sbatch's --dependency accepts.
    bool digit_seen = false, underscore = false;
    for (char c : id) {
        if (c >= '0' && c <= '9') digit_seen = true;
        else if (c == '_' && digit_seen && !underscore) underscore = true, digit_seen = false;
        else return false;
    }
    return digit_seen;
}

bool takes_threads(std::string_view step) {
    return step == "gen-witness" || step == "setup" || step == "prove" || step == "mock";
}

// The arguments that point one array task at its input: the same files the GUI's Queue
// tab uses (proofs/<input stem>/witness.json, proof.json), so local and remote runs agree.
std::vector<std::string> per_input_args(std::string_view step, const fs::path& artifacts, const fs::path& input) {
    using pipeline::Artifact;
    const pipeline::Project p = pipeline::project_for_input(pipeline::Project(artifacts), input);
    const std::string witness = p.path(Artifact::Witness).string();
    const std::string proof = p.path(Artifact::Proof).string();
    if (step == "gen-witness") return {"-D", p.path(Artifact::Input).string(), "-O", witness};
    if (step == "mock") return {"-W", witness};
    if (step == "prove") return {"-W", witness, "--proof-path", proof};
    if (step == "verify") return {"--proof-path", proof};
    throw Error("--inputs", std::string(step) + " does not take one input per job",
                "--inputs applies to gen-witness, mock, prove and verify");
}

}  // namespace

const std::vector<std::string_view>& remote_steps() {
    static const std::vector<std::string_view> steps{"gen-witness", "setup", "prove", "verify", "mock",
                                                     "calibrate-settings"};
    return steps;
}

std::string shell_quote(std::string_view word) {
    std::string q = "'";
    for (char c : word) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    return q + "'";
}

Submission plan_submission(const JobRequest& r, std::string_view unique_suffix) {
    const auto& steps = remote_steps();
    if (std::find(steps.begin(), steps.end(), r.step) == steps.end())
        throw Error("job", "\"" + r.step + "\" is not a step that runs remotely",
                    "one of gen-witness, setup, prove, verify, mock, calibrate-settings");
    if (!r.artifacts.is_absolute())
        throw Error("--artifacts", "\"" + r.artifacts.string() + "\" must be an absolute path (the nodes resolve it)");
    if (!r.cli.is_absolute())
        throw Error("--cli", "\"" + r.cli.string() + "\" must be an absolute path to proofscope-cli on the nodes");
    for (const auto& id : r.after)
        if (!is_job_id(id)) throw Error("--after", "\"" + id + "\" is not a Slurm job id (expected 42 or 42_3)");
    for (const std::string& s : {r.partition, r.account, r.time})
        if (s.find_first_of(" \t\n'\"") != std::string::npos)
            throw Error("job", "\"" + s + "\" contains a space or quote, which no Slurm name or time has");

    const bool array = !r.inputs.empty();
    const std::string name = "ps-" + r.step;
    Submission s;
    s.script_path = r.artifacts / "jobs" / (name + "-" + std::string(unique_suffix) + ".sbatch");
    std::string& t = s.script;
    t = "#!/bin/bash\n"
        "# Written by `proofscope-cli job`: runs `proofscope-cli " + r.step + "` on a compute node in\n"
        "# the artifact folder. Resubmit as it is with: sbatch " + shell_quote(s.script_path.string()) + "\n";
    t += "#SBATCH --job-name=" + name + "\n";
    t += "#SBATCH --chdir=" + r.artifacts.string() + "\n";
    // stderr joins stdout: the step's progress lines and its error land in one log.
    t += "#SBATCH --output=" + (r.artifacts / "jobs" / (array ? "%x-%A_%a.log" : "%x-%j.log")).string() + "\n";
    t += "#SBATCH --ntasks=1\n";
    if (array) t += "#SBATCH --array=0-" + std::to_string(r.inputs.size() - 1) + "\n";
    if (!r.partition.empty()) t += "#SBATCH --partition=" + r.partition + "\n";
    if (!r.account.empty()) t += "#SBATCH --account=" + r.account + "\n";
    if (!r.time.empty()) t += "#SBATCH --time=" + r.time + "\n";
    if (r.mem_mib) t += "#SBATCH --mem=" + std::to_string(r.mem_mib) + "M\n";
    if (r.cpus) t += "#SBATCH --cpus-per-task=" + std::to_string(r.cpus) + "\n";
    if (!r.after.empty()) {
        std::string ids;
        for (const auto& id : r.after) ids += ":" + id;
        // afterok: a failed gen-witness must not start a prove on a stale witness.json.
        t += "#SBATCH --dependency=afterok" + ids + "\n#SBATCH --kill-on-invalid-dep=yes\n";
    }
    t += "set -u\n";
    t += "cd " + shell_quote(r.artifacts.string()) + " || { echo \"proofscope job: cannot enter " + r.artifacts.string() +
         " on $(hostname): is it on storage the nodes share?\" >&2; exit 2; }\n";
    if (array) {
        t += "case \"${SLURM_ARRAY_TASK_ID:-}\" in\n";
        for (size_t i = 0; i < r.inputs.size(); ++i) {
            const auto args = per_input_args(r.step, r.artifacts, r.inputs[i]);
            const fs::path out = pipeline::project_for_input(pipeline::Project(r.artifacts), r.inputs[i])
                                     .path(pipeline::Artifact::Proof).parent_path();
            t += "  " + std::to_string(i) + ") mkdir -p " + shell_quote(out.string()) + " && set --";
            for (const auto& a : args) t.append(" ").append(shell_quote(a));
            t += " ;;\n";
        }
        t += "  *) echo \"proofscope job: no input for array task ${SLURM_ARRAY_TASK_ID:-?}\" >&2; exit 2 ;;\nesac\n";
    } else {
        t += "set --\n";
    }
    t += "echo \"proofscope job ${SLURM_JOB_ID}: " + r.step + " on $(hostname) in $PWD\"\n";
    // exec: scancel's SIGTERM reaches proofscope-cli itself, whose atomic writes then leave
    // no half-written artifact behind.
    t += "exec " + shell_quote(r.cli.string()) + " " + shell_quote(r.step) + " \"$@\"";
    // append(), not " " + …: GCC 12 warns falsely (-Wrestrict) on that pattern here.
    for (const auto& a : r.step_args) t.append(" ").append(shell_quote(a));
    const bool threads_given = std::find(r.step_args.begin(), r.step_args.end(), "--threads") != r.step_args.end();
    if (r.cpus && takes_threads(r.step) && !threads_given) t += " --threads " + std::to_string(r.cpus);
    t += "\n";
    s.sbatch_args = {"sbatch", "--parsable", s.script_path.string()};
    return s;
}

std::vector<fs::path> expand_inputs(const fs::path& artifacts, const std::string& pattern) {
    const fs::path full = fs::path(pattern).is_absolute() ? fs::path(pattern) : artifacts / pattern;
    glob_t g{};
    const int rc = ::glob(full.c_str(), 0, nullptr, &g);
    std::vector<fs::path> found;
    for (size_t i = 0; rc == 0 && i < g.gl_pathc; ++i) {
        const fs::path p = g.gl_pathv[i];
        found.push_back(fs::path(pattern).is_absolute() ? p : p.lexically_relative(artifacts));
    }
    globfree(&g);
    if (found.empty())
        throw Error("--inputs", "\"" + pattern + "\" matches no file in " + artifacts.string(),
                    "the pattern is relative to the artifact folder; quote it so the shell leaves it alone");
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace ps::remote
