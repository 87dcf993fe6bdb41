#include "job_report.hpp"

#include "core/remote/job_log.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

namespace ps::cli {
namespace {

using remote::JobInfo;
using remote::JobPhase;

void print_line(const JobInfo& j, bool exit_known = true) {
    std::string detail = j.state;
    if (!j.reason.empty()) detail += " (" + j.reason + ")";
    std::printf("%-10s %-22s %-9s %-32s", j.id.c_str(), j.name.c_str(), std::string(remote::to_string(j.phase)).c_str(),
                detail.c_str());
    if (exit_known && remote::is_finished(j.phase)) {
        std::printf(" exit %d", j.exit_code);
        if (j.signal) std::printf(" signal %d", j.signal);
    }
    if (!j.run_time.empty()) std::printf(" %s", j.run_time.c_str());
    if (!j.log.empty()) std::printf("  log %s", j.log.c_str());
    std::printf("\n");
}

void print_failure_tails(const std::vector<JobInfo>& tasks, size_t lines) {
    for (const auto& t : tasks) {
        if (t.phase != JobPhase::Failed || t.log.empty()) continue;
        const std::string tail = remote::log_tail(t.log, lines);
        std::fprintf(stderr, "job %s failed (%s, exit %d); last lines of %s:\n%s%s", t.id.c_str(), t.state.c_str(),
                     t.exit_code, t.log.c_str(), tail.empty() ? "  (the log is empty or missing)\n" : tail.c_str(),
                     !tail.empty() && tail.back() != '\n' ? "\n" : "");
    }
}

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void sleep_for(double seconds) { std::this_thread::sleep_for(std::chrono::milliseconds(int64_t(seconds * 1000))); }

}  // namespace

int print_status(remote::SlurmClient& client, const std::string& id, const JobReportOptions& o) {
    const auto tasks = client.status(id);
    for (const auto& t : tasks) print_line(t);
    print_failure_tails(tasks, o.log_lines);
    return 0;
}

int wait_for(remote::SlurmClient& client, const std::string& id, const JobReportOptions& o) {
    for (;;) {
        const auto tasks = client.status(id);
        bool all_finished = true;
        for (const auto& t : tasks) all_finished &= remote::is_finished(t.phase);
        if (all_finished) {
            for (const auto& t : tasks) print_line(t);
            print_failure_tails(tasks, o.log_lines);
            return remote::overall_exit_code(tasks);
        }
        sleep_for(o.interval_seconds);
    }
}

int print_logs(remote::SlurmClient& client, const std::string& id, const JobReportOptions& o) {
    // Printed so far, per log: --follow prints only what each poll adds.
    std::map<std::string, size_t> shown;
    for (;;) {
        const auto tasks = client.status(id);
        bool all_finished = true;
        for (const auto& t : tasks) {
            all_finished &= remote::is_finished(t.phase);
            if (t.log.empty()) continue;
            const std::string text = remote::readable_log(read_all(t.log));
            size_t& done = shown[t.id];
            if (done == 0 && tasks.size() > 1 && !text.empty()) std::printf("==> job %s: %s <==\n", t.id.c_str(), t.log.c_str());
            // Keep a partial last line (a progress bar being redrawn) for the next poll.
            const size_t complete = o.follow && !remote::is_finished(t.phase) ? text.rfind('\n') + 1 : text.size();
            if (complete > done && complete != std::string::npos) {
                std::fwrite(text.data() + done, 1, complete - done, stdout);
                done = complete;
            }
        }
        std::fflush(stdout);
        if (!o.follow || all_finished) return 0;
        sleep_for(o.interval_seconds);
    }
}

int print_list(remote::SlurmClient& client) {
    auto jobs = client.list();
    remote::sort_by_job_id(jobs);
    if (jobs.empty()) {
        std::printf("no ProofScope jobs known to the scheduler (submit one with: proofscope-cli job -a DIR prove)\n");
        return 0;
    }
    // squeue prints no exit codes: `job status ID` shows them.
    for (const auto& j : jobs) print_line(j, false);
    return 0;
}

}  // namespace ps::cli
