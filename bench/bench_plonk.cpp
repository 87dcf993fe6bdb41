// Proof-system benchmark: keygen, prove and verify of a synthetic circuit (one advice /
// fixed / lookup mix: multiplication and addition gates, an 8-bit range lookup, copy
// constraints chaining the rows, one public output) at several k, 1 and 2 threads, with
// the prover's per-stage breakdown and peak RSS.
//
//   bench_plonk [k ...]        (default: 6 12 14 16; PROOFSCOPE_BENCH_RUNS=n, default 5;
//                               PROOFSCOPE_BENCH_THREADS=1 or 2 runs only that thread count,
//                               default both)
#include "bench_common.hpp"

#include "core/kzg/srs.hpp"
#include "core/plonk/keygen.hpp"
#include "core/plonk/mock_prover.hpp"
#include "core/plonk/prover.hpp"
#include "core/plonk/synthetic_circuit.hpp"
#include "core/plonk/verifier.hpp"

#include <cstdlib>
#include <map>
#include <memory>
#include <algorithm>
#include <tbb/global_control.h>

using namespace ps;
using namespace ps::plonk;

namespace {

std::vector<int> threads_from_env() {
    const char* t = std::getenv("PROOFSCOPE_BENCH_THREADS");
    if (!t) return {1, 2};
    return {std::max(1, std::atoi(t))};
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<unsigned> ks = bench::ks_from_args(argc, argv, {6, 12, 14, 16});
    const int runs = bench::runs_from_env(5);
    bench::print_header("PLONK keygen / prove / verify (synthetic circuit: mul+add gates, 2 range lookups, copies)");
    std::printf("# runs per median: %d\n", runs);

    for (unsigned k : ks) {
        NullProgress quiet;
        SystemRandom tau;
        const Srs srs = generate_srs(k, tau, quiet);  // development SRS: benchmark only
        const SyntheticCircuit circuit = make_synthetic_circuit(k);
        size_t mock_failures = 0;
        const double mock_ns = bench::median_ns(runs, [&] { mock_failures = mock_prove(*circuit.witness).size(); });
        std::printf("k=%2u mock prover %9.1f ms (%zu failures)\n", k, mock_ns / 1e6, mock_failures);
        for (int threads : threads_from_env()) {
            tbb::global_control limit(tbb::global_control::max_allowed_parallelism, size_t(threads));
            std::unique_ptr<ProvingKey> pk;
            const double keygen_ns = bench::median_ns(runs, [&] {
                pk = std::make_unique<ProvingKey>(keygen(srs, *circuit.witness, quiet));
            });
            SystemRandom rng;
            Proof proof;
            std::map<std::string, std::vector<double>> stage_ms;
            const double prove_ns = bench::median_ns(runs, [&] {
                proof = create_proof(*pk, srs, *circuit.witness, rng, quiet);
                for (const auto& t : proof.timings) stage_ms[t.stage].push_back(t.milliseconds);
            });
            const auto params = srs.verifier_params();
            bool ok = true;
            const double verify_ns = bench::median_ns(runs, [&] {
                ok = ok && verify_proof(pk->vk, params, proof.instances, proof.bytes).ok;
            });
            std::printf("k=%2u threads=%d rows=%zu degree=%u  keygen %9.1f ms  prove %9.1f ms  verify %7.2f ms  "
                        "proof %zu B  peak RSS %.0f MiB  %s\n",
                        k, threads, circuit.witness->usable_rows(), pk->vk.cs.degree(), keygen_ns / 1e6,
                        prove_ns / 1e6, verify_ns / 1e6, proof.bytes.size(), bench::peak_rss_mib(),
                        ok ? "valid" : "INVALID");
            for (const auto& t : proof.timings) {
                auto v = stage_ms[t.stage];
                std::sort(v.begin(), v.end());
                std::printf("    %-24s %9.2f ms\n", t.stage.c_str(), v[v.size() / 2]);
            }
            std::fflush(stdout);
        }
    }
    return 0;
}
