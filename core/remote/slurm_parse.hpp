#pragma once
// What Slurm's commands print, read into JobInfo. One function per output format, each
// tested on outputs recorded from Slurm 22.05 (tests/remote/tst_slurm_parse.cpp).
#include "core/remote/slurm_job.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ps::remote {

// `sbatch --parsable`: "42" or "42;cluster". Throws ps::Error quoting the text otherwise.
std::string parse_sbatch_job_id(std::string_view out);

// `scontrol show job -o [ID]`: one line per job, or per task of an array, of Key=Value
// pairs. Values may contain '=' (TRES=cpu=1,mem=2G) or spaces (Reason=…); a word without
// '=' continues the previous value.
std::vector<JobInfo> parse_scontrol_jobs(std::string_view out);

// `sacct -n -P -o JobID,JobName,State,ExitCode,Partition,Elapsed,WorkDir`: the
// accounting database's view, for jobs the controller has already forgotten. Lines of job
// steps ("42.batch", "42.0") are skipped: the job's own line carries the step's exit code.
std::vector<JobInfo> parse_sacct_jobs(std::string_view out);

// `squeue -h -r -t all -o '%i|%j|%T|%M|%P|%r|%Z'`: jobs the controller still holds, one
// line per array task. squeue prints no exit code; status() asks scontrol for it.
std::vector<JobInfo> parse_squeue_jobs(std::string_view out);

// "3:0" → {3, 0}. Throws ps::Error for anything else.
std::pair<int, int> parse_exit_code(std::string_view text);

// The text Slurm's client tools print on stderr, as one line without "sbatch: error: ".
std::string slurm_message(std::string_view err);

}  // namespace ps::remote
