#pragma once
// Runs a program and collects what it printed: the Slurm client's only way to talk to the
// scheduler (sbatch, squeue, scontrol, scancel are the interface Slurm documents; its C
// API changes with every release). posix_spawnp, so core stays free of Qt's QProcess.
#include <string>
#include <vector>

namespace ps::remote {

struct ProcessResult {
    bool started = false;  // false: the program is not on PATH (or not executable)
    int exit_code = -1;    // 128 + signal when it was killed by one
    std::string out;
    std::string err;
};

// argv[0] is looked up on PATH. The child inherits the environment (SLURM_CONF among it)
// and gets /dev/null as stdin. Never throws for the child's failure; see `started`.
ProcessResult run_program(const std::vector<std::string>& argv);

}  // namespace ps::remote
