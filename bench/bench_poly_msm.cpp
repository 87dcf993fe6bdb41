// NTT and MSM over BN254 at 2^16, 2^18, 2^20 with 1 and 2 threads, plus the Fr
// multiplication baseline the NTT target is stated in (TARGETS.md). Every configuration
// runs in its own process so its peak RSS is its own.
//   bench_poly_msm                 all configurations
//   bench_poly_msm msm 18 2        one configuration: kernel (frmul, ntt, coset_ntt,
//                                  extended_ntt, msm), log2 n, threads
//   bench_poly_msm msm 18 2 14     MSM with window width 14 instead of msm()'s choice (tuning)
//   bench_poly_msm msm_witness 18 2  MSM of a witness-like column: signed values below 2^24,
//                                  the last 8 rows random (blinding), as advice commitments have
#include "bench_common.hpp"
#include "core/msm/bucket_accumulation.hpp"
#include "core/msm/msm.hpp"
#include "core/poly/domain.hpp"
#include <tbb/global_control.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <cstring>
#include <string>
#include <vector>

using namespace ps;

namespace {

using bench::Timing;
using bench::measure;

int runs_for(unsigned logn) { return logn >= 20 ? 5 : 7; }

std::vector<Fr> random_scalars(size_t n, uint64_t seed) {
    SeededRandom rng(seed);
    std::vector<Fr> v(n);
    for (auto& x : v) x = Fr::random(rng);
    return v;
}

// P_i = P_0 + i·Q: one mixed addition a point, then one batch inversion.
std::vector<G1Affine> bench_points(size_t n) {
    SeededRandom rng(1);
    const G1 step = G1::generator() * Fr::random(rng);
    const G1Affine q = step.to_affine();
    std::vector<G1> jac(n);
    G1 p = G1::generator() * Fr::random(rng);
    for (auto& j : jac) {
        j = p;
        p = p.add_mixed(q);
    }
    std::vector<G1Affine> out(n);
    G1::batch_to_affine(jac, out);
    return out;
}

void bench_fr_mul() {
    // 10·2^20 dependent-free multiplications (4 independent chains, as an NTT level has).
    const size_t count = size_t(10) << 20;
    Fr a[4] = {Fr::from_u64(3), Fr::from_u64(5), Fr::from_u64(7), Fr::from_u64(11)};
    const Fr b = Fr::from_u64(0x1234567);
    const Timing t = measure(7, [&] {
        for (size_t i = 0; i < count; i += 4)
            for (auto& x : a) x *= b;
    });
    std::printf("fr_mul       10*2^20 muls        wall %9.2f ms   cpu %9.2f ms   (%.2f ns/mul cpu)   [%d]\n", t.wall_ms,
                t.cpu_ms, t.cpu_ms * 1e6 / double(count), int(a[0].raw().limb[0] & 1));
}

void bench_ntt(unsigned logn, int threads) {
    const EvaluationDomain d(logn);
    auto v = random_scalars(d.size(), 2);
    const Timing t = measure(runs_for(logn), [&] { d.ntt(v); });
    std::printf("ntt          2^%u  threads=%d   wall %9.2f ms   cpu %9.2f ms   peak RSS %.0f MiB\n", logn, threads,
                t.wall_ms, t.cpu_ms, bench::peak_rss_mib());
}

// The quotient's transforms: a coset NTT of 2^logn values (the coset step is n extra
// multiplications), and the extended-domain NTT from 2^(logn−2) coefficients to 2^logn
// evaluations on the coset (extension 4 = constraints of degree 5, as the models have).
void bench_coset_ntt(unsigned logn, int threads) {
    const EvaluationDomain d(logn);
    auto v = random_scalars(d.size(), 2);
    const Timing t = measure(runs_for(logn), [&] { d.coset_ntt(v); });
    std::printf("coset_ntt    2^%u  threads=%d   wall %9.2f ms   cpu %9.2f ms   peak RSS %.0f MiB\n", logn, threads,
                t.wall_ms, t.cpu_ms, bench::peak_rss_mib());
}

void bench_extended_ntt(unsigned logn, int threads) {
    const ExtendedDomain d(logn - 2, 5);
    const auto coeffs = random_scalars(d.base().size(), 2);
    size_t out = 0;
    const Timing t = measure(runs_for(logn), [&] { out += d.coeff_to_extended(coeffs).size(); });
    std::printf("extended_ntt 2^%u  threads=%d   wall %9.2f ms   cpu %9.2f ms   peak RSS %.0f MiB   (2^%u coefficients, %zu)\n",
                logn, threads, t.wall_ms, t.cpu_ms, bench::peak_rss_mib(), logn - 2, out % 2);
}

void bench_msm(unsigned logn, int threads, unsigned window_bits) {
    const size_t n = size_t(1) << logn;
    const auto pts = bench_points(n);
    const auto ks = random_scalars(n, 3);
    G1 r;
    const Timing t = measure(runs_for(logn), [&] {
        r = window_bits ? msm_detail::pippenger(pts, ks, window_bits, true) : msm(pts, ks);
    });
    if (window_bits) std::printf("c=%u  ", window_bits);
    std::printf("msm          2^%u  threads=%d   wall %9.2f ms   cpu %9.2f ms   peak RSS %.0f MiB   [%d]\n", logn,
                threads, t.wall_ms, t.cpu_ms, bench::peak_rss_mib(), int(r.is_identity()));
}

// A quantised model's advice column: small integers of both signs (−s is r − s) and the
// blinding rows at the end. msm() takes these as signed short terms, not through GLV.
void bench_msm_witness(unsigned logn, int threads) {
    const size_t n = size_t(1) << logn;
    const auto pts = bench_points(n);
    auto ks = random_scalars(n, 3);
    for (size_t i = 0; i + 8 < n; ++i) {
        const Fr v = Fr::from_u64(ks[i].raw().limb[0] & ((uint64_t(1) << 24) - 1));
        ks[i] = i % 2 ? -v : v;
    }
    G1 r;
    const Timing t = measure(runs_for(logn), [&] { r = msm(pts, ks); });
    std::printf("msm_witness  2^%u  threads=%d   wall %9.2f ms   cpu %9.2f ms   peak RSS %.0f MiB   [%d]\n", logn,
                threads, t.wall_ms, t.cpu_ms, bench::peak_rss_mib(), int(r.is_identity()));
}

int run_one(const std::string& kernel, unsigned logn, int threads, unsigned window_bits = 0) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, size_t(threads));
    if (kernel == "ntt") bench_ntt(logn, threads);
    else if (kernel == "coset_ntt") bench_coset_ntt(logn, threads);
    else if (kernel == "extended_ntt") bench_extended_ntt(logn, threads);
    else if (kernel == "msm") bench_msm(logn, threads, window_bits);
    else if (kernel == "msm_witness") bench_msm_witness(logn, threads);
    else if (kernel == "frmul") bench_fr_mul();
    else return 2;
    std::fflush(stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4) return run_one(argv[1], unsigned(std::atoi(argv[2])), std::atoi(argv[3]));
    if (argc == 5) return run_one(argv[1], unsigned(std::atoi(argv[2])), std::atoi(argv[3]), unsigned(std::atoi(argv[4])));
    bench::print_header("NTT and MSM (median ms; peak RSS of the configuration's own process)");
    std::vector<std::tuple<std::string, unsigned, int>> configs{{"frmul", 0, 1}};
    for (const char* kernel : {"ntt", "coset_ntt", "extended_ntt", "msm", "msm_witness"})
        for (unsigned logn : {16u, 18u, 20u})
            for (int threads : {1, 2}) configs.emplace_back(kernel, logn, threads);
    for (const auto& [kernel, logn, threads] : configs)
        bench::run_in_fresh_process(argv[0], kernel, logn, threads);
    return 0;
}
