#pragma once
// What the CLI's `job` command and the GUI's Remote tab ask of a cluster. One real
// implementation (slurm_commands.cpp, through Slurm's own client tools); the GUI's widget
// test substitutes a fake, the CLI tests use a real single-node Slurm (installer/slurm-dev.sh).
#include "core/remote/job_request.hpp"
#include "core/remote/slurm_job.hpp"

#include <memory>
#include <string>
#include <vector>

namespace ps::remote {

class SlurmClient {
public:
    virtual ~SlurmClient() = default;
    // Writes the batch script and submits it; returns the job id. Throws ps::Error with
    // Slurm's own words (unknown partition, controller unreachable, no sbatch on PATH).
    virtual std::string submit(const JobRequest& request) = 0;
    // The job, or every task of an array job. Throws ps::Error when Slurm does not know the id.
    virtual std::vector<JobInfo> status(const std::string& id) = 0;
    // This user's ProofScope jobs (named ps-<step>) the scheduler still knows, newest last.
    virtual std::vector<JobInfo> list() = 0;
    virtual void cancel(const std::string& id) = 0;
};

// The client that runs sbatch, scontrol, squeue, sacct and scancel from PATH, with
// whatever SLURM_CONF the environment names.
std::unique_ptr<SlurmClient> make_slurm_client();

// A job array's tasks folded into one verdict: failed if any failed, cancelled if any was
// cancelled, running while any runs, pending while any waits, done when all are done.
JobPhase overall_phase(const std::vector<JobInfo>& tasks);
// The exit status `job wait` returns: the first non-zero task exit code; 1 for a failed or
// cancelled job without one (killed by a signal, time limit); 0 when all are done.
int overall_exit_code(const std::vector<JobInfo>& tasks);

}  // namespace ps::remote
