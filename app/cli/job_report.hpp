#pragma once
// What `proofscope-cli job status|wait|logs|list` print, over any SlurmClient.
#include "core/remote/slurm_client.hpp"

#include <cstddef>
#include <string>

namespace ps::cli {

struct JobReportOptions {
    size_t log_lines = 10;         // of a failed task's log
    double interval_seconds = 2;   // between polls
    bool follow = false;           // logs: until the job ends
};

// One line per job or task on stdout; a failed task's last log lines on stderr. Exit 0.
int print_status(remote::SlurmClient& client, const std::string& id, const JobReportOptions& o);
// Polls until every task has finished; prints the final status; returns the step's exit code.
int wait_for(remote::SlurmClient& client, const std::string& id, const JobReportOptions& o);
int print_logs(remote::SlurmClient& client, const std::string& id, const JobReportOptions& o);
int print_list(remote::SlurmClient& client);

}  // namespace ps::cli
