#pragma once
// One corpus model proved in a fresh child process (posix_spawn of this program with
// --model NAME --json): the peak RSS is the child's own (wait4's ru_maxrss), a crash or a
// runaway model cannot take the whole run down, and a timeout kills only that child.
// posix_spawn execs at once, so no multi-threaded process is ever forked without exec.
#include "tools/corpus_report/prove_case.hpp"

#include <string>
#include <vector>

namespace ps::corpus {

struct ChildRun {
    std::vector<std::string> argv;  // argv[0] is the executable
    double timeout_seconds = 300;
};

// The record the child printed as its last stdout line, with peak_rss_kib from wait4;
// status "timeout" or "crashed" (and the reason) when it printed none.
ProveRecord run_model_in_child(const std::string& model, const ChildRun& run);

}  // namespace ps::corpus
