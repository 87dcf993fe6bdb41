#pragma once
// Tiny benchmark harness: run a body several times, print the median. Benchmarks are
// programs; their numbers go to docs/BENCHMARKS.md, never into assertions.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>
#include <string>
#include <vector>

namespace ps::bench {

// Median wall time in nanoseconds of `runs` calls of body() (after one warm-up call).
template <class F>
double median_ns(int runs, F&& body) {
    body();
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        body();
        const auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::nano>(b - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

inline std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

// PROOFSCOPE_BENCH_RUNS (a positive count) or `fallback`.
inline int runs_from_env(int fallback) {
    const char* r = std::getenv("PROOFSCOPE_BENCH_RUNS");
    return r ? std::max(1, std::atoi(r)) : fallback;
}

// The sizes k given on the command line, or `fallback` when none are.
inline std::vector<unsigned> ks_from_args(int argc, char** argv, std::vector<unsigned> fallback) {
    std::vector<unsigned> ks;
    for (int i = 1; i < argc; ++i) ks.push_back(unsigned(std::atoi(argv[i])));
    return ks.empty() ? fallback : ks;
}

inline void print_header(const char* what) {
    std::printf("# %s\n# CPU: %s\n", what, cpu_model().c_str());
}

// Median wall time and median process CPU time (all threads) of `runs` calls after a
// warm-up. On a loaded machine CPU time is the steadier of the two for 1 thread.
struct Timing {
    double wall_ms, cpu_ms;
};
template <class F>
Timing measure(int runs, F&& body) {
    auto cpu_now = [] {
        timespec t{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
    };
    body();
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        const double c0 = cpu_now();
        const auto a = std::chrono::steady_clock::now();
        body();
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
        cpu.push_back(cpu_now() - c0);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

// Runs `argv0 task n threads` in a fresh process (fork + exec, so oneTBB starts clean)
// and waits: each benchmark configuration then has a peak RSS of its own.
inline void run_in_fresh_process(const char* argv0, const std::string& task, unsigned n, int threads) {
    std::fflush(stdout);
    const std::string arg_n = std::to_string(n), arg_t = std::to_string(threads);
    const pid_t pid = fork();
    if (pid == 0) {
        execl("/proc/self/exe", argv0, task.c_str(), arg_n.c_str(), arg_t.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
}

// Peak resident set size of this process so far, in MiB (VmHWM).
inline double peak_rss_mib() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

}  // namespace ps::bench
