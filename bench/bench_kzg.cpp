// SRS generation, SRS consistency check and KZG commitment throughput (the work `setup`
// does: one Lagrange-basis commitment per fixed column), with 1 and 2 threads. Every
// configuration runs in its own process so its peak RSS is its own.
//   bench_kzg                    all configurations
//   bench_kzg commit 16 2        one configuration: task, logrows, threads
#include "bench_common.hpp"
#include "core/kzg/commit.hpp"
#include "core/kzg/srs_check.hpp"
#include <tbb/global_control.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string>
#include <tuple>
#include <vector>

using namespace ps;

namespace {

using bench::Timing;
using bench::measure;

Srs seeded_srs(unsigned k) {
    SeededRandom rng(1);
    NullProgress quiet;
    return generate_srs(k, rng, quiet);
}

void bench_gen(unsigned k, int threads) {
    NullProgress quiet;
    const Timing t = measure(5, [&] {
        SeededRandom rng(1);
        const Srs srs = generate_srs(k, rng, quiet);
    });
    std::printf("gen-srs      k=%u  threads=%d   wall %9.1f ms   cpu %9.1f ms   peak RSS %.0f MiB\n", k, threads,
                t.wall_ms, t.cpu_ms, bench::peak_rss_mib());
}

void bench_check(unsigned k, int threads) {
    const Srs srs = seeded_srs(k);
    NullProgress quiet;
    bool ok = true;
    const Timing t = measure(5, [&] {
        SeededRandom rng(2);
        ok = ok && check_srs(srs, rng, quiet).ok;
    });
    std::printf("srs check    k=%u  threads=%d   wall %9.1f ms   cpu %9.1f ms   peak RSS %.0f MiB   [%s]\n", k, threads,
                t.wall_ms, t.cpu_ms, bench::peak_rss_mib(), ok ? "ok" : "FAILED");
}

void bench_commit(unsigned k, int threads) {
    const Srs srs = seeded_srs(k);
    // A fixed column of full-size field elements (the worst case for the MSM).
    SeededRandom rng(3);
    std::vector<Fr> column(srs.size());
    for (auto& x : column) x = Fr::random(rng);
    G1 c;
    const Timing t = measure(7, [&] { c = commit_lagrange(srs, column); });
    std::printf("commit       k=%u  threads=%d   wall %9.2f ms   cpu %9.2f ms   %7.1f commitments/s (wall)   peak RSS %.0f MiB   [%d]\n",
                k, threads, t.wall_ms, t.cpu_ms, 1e3 / t.wall_ms, bench::peak_rss_mib(), int(c.is_identity()));
}

int run_one(const std::string& task, unsigned k, int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, size_t(threads));
    if (task == "gen") bench_gen(k, threads);
    else if (task == "check") bench_check(k, threads);
    else if (task == "commit") bench_commit(k, threads);
    else return 2;
    std::fflush(stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4) return run_one(argv[1], unsigned(std::atoi(argv[2])), std::atoi(argv[3]));
    bench::print_header("KZG: SRS generation, consistency check, commitments (median ms)");
    std::vector<std::tuple<std::string, unsigned, int>> configs;
    for (const char* task : {"gen", "check", "commit"})
        for (unsigned k : {12u, 16u})
            for (int threads : {1, 2}) configs.emplace_back(task, k, threads);
    for (const auto& [task, k, threads] : configs)
        bench::run_in_fresh_process(argv[0], task, k, threads);
    return 0;
}
