// The real SlurmClient: Slurm's documented client tools, run as child processes.
#include "core/remote/slurm_client.hpp"

#include "core/remote/process.hpp"
#include "core/remote/slurm_parse.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace ps::remote {
namespace {

std::string conf_hint() {
    const char* conf = std::getenv("SLURM_CONF");
    return conf ? std::string("SLURM_CONF=") + conf : std::string("SLURM_CONF unset: /etc/slurm/slurm.conf");
}

// What to try for the messages users meet most; Slurm's own text is always kept.
std::string fix_for(const std::string& message) {
    if (message.find("Unable to contact slurm controller") != std::string::npos ||
        message.find("Connection refused") != std::string::npos)
        return "the controller (slurmctld) is unreachable: is it running, and does " + conf_hint() +
               " name it? For the local test cluster: installer/slurm-dev.sh start";
    if (message.find("invalid partition") != std::string::npos)
        return "`sinfo -s` lists the partitions you may use; pass one with --partition";
    if (message.find("Invalid account") != std::string::npos)
        return "`sacctmgr show assoc user=$USER` lists your accounts; pass one with --account";
    if (message.find("Requested node configuration is not available") != std::string::npos ||
        message.find("Memory specification can not be satisfied") != std::string::npos)
        return "no node of the partition has that many CPUs or that much memory: lower --cpus or --mem";
    if (message.find("munge") != std::string::npos || message.find("Munge") != std::string::npos)
        return "authentication failed: munged must run with the cluster's key on this machine";
    return {};
}

// Slurm's tools wait up to 60 s for a missing slurm.conf to appear ("retrying in 1sec up to
// 60sec"): on a machine without a cluster that freezes every call, so say so at once.
void require_configuration() {
    const char* conf = std::getenv("SLURM_CONF");
    const std::filesystem::path path = conf && *conf ? conf : "/etc/slurm/slurm.conf";
    if (!std::filesystem::exists(path))
        throw Error(path.string(), "no Slurm configuration here",
                    conf ? "SLURM_CONF names a file that does not exist"
                         : "this machine is not set up as a Slurm client: set SLURM_CONF to the cluster's slurm.conf "
                           "(for the local test cluster: eval \"$(installer/slurm-dev.sh start)\"), see docs/REMOTE.md");
}

ProcessResult run_tool(const std::vector<std::string>& argv) {
    require_configuration();
    ProcessResult r = run_program(argv);
    if (!r.started)
        throw Error(argv[0], "not found on PATH",
                    "install Slurm's client tools (Debian: slurm-client) or run on the cluster's login node");
    return r;
}

[[noreturn]] void fail(const std::vector<std::string>& argv, const ProcessResult& r) {
    std::string msg = slurm_message(r.err);
    if (msg.empty()) msg = "exited with status " + std::to_string(r.exit_code);
    throw Error(argv[0], msg, fix_for(msg));
}

std::string unique_suffix() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) + "-" +
           std::to_string(::getpid());
}

class SlurmCommands final : public SlurmClient {
public:
    std::string submit(const JobRequest& request) override {
        const Submission s = plan_submission(request, unique_suffix());
        // sbatch does not create the log folder: a missing one fails the job on the node.
        std::filesystem::create_directories(s.script_path.parent_path());
        write_file_atomically(s.script_path, s.script);
        const ProcessResult r = run_tool(s.sbatch_args);
        if (r.exit_code != 0) fail(s.sbatch_args, r);
        return parse_sbatch_job_id(r.out);
    }

    std::vector<JobInfo> status(const std::string& id) override {
        const std::vector<std::string> argv{"scontrol", "show", "job", "-o", id};
        const ProcessResult r = run_tool(argv);
        if (r.exit_code == 0) {
            auto jobs = parse_scontrol_jobs(r.out);
            if (!jobs.empty()) return jobs;
        } else if (slurm_message(r.err).find("Invalid job id") == std::string::npos) {
            fail(argv, r);
        }
        // The controller forgets a finished job MinJobAge seconds after it ends; where the
        // cluster keeps accounting, sacct still knows it.
        const std::vector<std::string> sacct{"sacct", "-n", "-P", "-X", "-j", id,
                                             "-o", "JobID,JobName,State,ExitCode,Partition,Elapsed,WorkDir"};
        require_configuration();
        const ProcessResult a = run_program(sacct);
        if (a.started && a.exit_code == 0) {
            auto jobs = parse_sacct_jobs(a.out);
            if (!jobs.empty()) return jobs;
        }
        throw Error("job " + id, "Slurm does not know this job id",
                    "it never existed on this cluster (" + conf_hint() +
                        "), or it finished longer ago than the controller's MinJobAge and the cluster keeps no "
                        "accounting for sacct");
    }

    std::vector<JobInfo> list() override {
        const std::vector<std::string> argv{"squeue", "--me", "-h", "-r", "-t", "all", "-o", "%i|%j|%T|%M|%P|%r|%Z"};
        const ProcessResult r = run_tool(argv);
        if (r.exit_code != 0) fail(argv, r);
        std::vector<JobInfo> mine;
        for (auto& j : parse_squeue_jobs(r.out))
            if (j.name.starts_with("ps-")) mine.push_back(std::move(j));
        return mine;
    }

    void cancel(const std::string& id) override {
        status(id);  // an unknown id is an error here too, not scancel's silent success
        const std::vector<std::string> argv{"scancel", id};
        const ProcessResult r = run_tool(argv);
        if (r.exit_code != 0) fail(argv, r);
    }
};

}  // namespace

std::unique_ptr<SlurmClient> make_slurm_client() { return std::make_unique<SlurmCommands>(); }

JobPhase overall_phase(const std::vector<JobInfo>& tasks) {
    bool any_running = false, any_pending = false, any_cancelled = false;
    for (const auto& t : tasks) {
        if (t.phase == JobPhase::Failed) return JobPhase::Failed;
        any_running |= t.phase == JobPhase::Running;
        any_pending |= t.phase == JobPhase::Pending;
        any_cancelled |= t.phase == JobPhase::Cancelled;
    }
    if (any_running) return JobPhase::Running;
    if (any_pending) return JobPhase::Pending;
    if (any_cancelled) return JobPhase::Cancelled;
    return JobPhase::Done;
}

int overall_exit_code(const std::vector<JobInfo>& tasks) {
    for (const auto& t : tasks)
        if (t.exit_code != 0) return t.exit_code;
    for (const auto& t : tasks)
        if (t.phase == JobPhase::Failed || t.phase == JobPhase::Cancelled) return 1;
    return 0;
}

}  // namespace ps::remote
