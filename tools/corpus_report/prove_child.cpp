#include "tools/corpus_report/prove_child.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <optional>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace ps::corpus {
namespace {

ProveRecord failed(const std::string& model, ProveStatus status, const std::string& why) {
    ProveRecord r;
    r.model = model;
    r.status = status;
    r.failure = why;
    return r;
}

}  // namespace

ProveRecord run_model_in_child(const std::string& model, const ChildRun& run) {
    int out[2];
    if (pipe(out) != 0) return failed(model, ProveStatus::Crashed, std::string("pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, out[1]);
    std::vector<char*> argv;
    for (const auto& a : run.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        return failed(model, ProveStatus::Crashed, "posix_spawn " + run.argv[0] + ": " + std::strerror(spawned));
    }

    // Read stdout until the child closes it (it exits) or the deadline passes.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(run.timeout_seconds);
    std::string text;
    bool timed_out = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd p{out[0], POLLIN, 0};
        const int ready = poll(&p, 1, int(std::min<int64_t>(left.count(), 1000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        char buf[4096];
        const ssize_t n = read(out[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buf, size_t(n));
    }
    close(out[0]);
    if (timed_out) kill(pid, SIGKILL);
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    const uint64_t rss_kib = uint64_t(usage.ru_maxrss);  // Linux: kibibytes

    // The child prints its record as each step begins and, marked "final", at the end:
    // the last complete line is the furthest it got.
    std::optional<ProveRecord> last;
    bool final_record = false;
    if (const size_t end = text.rfind('\n'); end != std::string::npos) {
        const size_t prev = end == 0 ? std::string::npos : text.rfind('\n', end - 1);
        const size_t begin = prev == std::string::npos ? 0 : prev + 1;
        try {
            const auto j = nlohmann::json::parse(text.substr(begin, end - begin));
            last = record_from_json(j);
            final_record = j.value("final", false);
        } catch (const std::exception&) {
        }
    }
    ProveRecord r = last ? *last : failed(model, ProveStatus::Crashed, "");
    r.model = model;
    const std::string during = last ? " during " + last->stage : "";
    if (timed_out) {
        r.status = ProveStatus::Timeout;
        r.failure = "killed after " + std::to_string(int(run.timeout_seconds)) + " s" + during;
    } else if (WIFSIGNALED(status)) {
        r.status = ProveStatus::Crashed;
        r.failure = std::string("signal: ") + strsignal(WTERMSIG(status)) + during;
    } else if (!final_record) {
        r.status = ProveStatus::Crashed;
        r.failure = "exit status " + std::to_string(WEXITSTATUS(status)) + " without a final record" + during;
    }
    r.peak_rss_kib = rss_kib;
    return r;
}

}  // namespace ps::corpus
