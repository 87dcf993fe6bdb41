// Proof-system benchmark: keygen, prove and verify of a synthetic circuit (one advice /
// fixed / lookup mix: multiplication and addition gates, an 8-bit range lookup, copy
// constraints chaining the rows, one public output) at several k, 1 and 2 threads, with
// the prover's per-stage breakdown and peak RSS.
//
//   bench_plonk [k ...]        (default: 6 12 14 16; PROOFSCOPE_BENCH_RUNS=n, default 5)
#include "bench_common.hpp"

#include "core/kzg/srs.hpp"
#include "core/plonk/keygen.hpp"
#include "core/plonk/prover.hpp"
#include "core/plonk/verifier.hpp"

#include <cstdlib>
#include <map>
#include <memory>
#include <tbb/global_control.h>

using namespace ps;
using namespace ps::plonk;

namespace {

struct Synthetic {
    std::unique_ptr<ConstraintSystem> cs;
    std::unique_ptr<Assignment> witness;
};

// Row i: (a, b, c) with c = a·b on even rows and a + b on odd rows; a and b are 8-bit and
// range-checked by lookup (0..255, or fewer values when k is too small for the table); b_i is a copy of a_{i−1}; the last c is public.
Synthetic synthetic_circuit(unsigned k) {
    Synthetic s;
    s.cs = std::make_unique<ConstraintSystem>();
    ConstraintSystem& cs = *s.cs;
    const Column a = cs.add_advice_column(), b = cs.add_advice_column(), c = cs.add_advice_column();
    const Column s_mul = cs.add_selector("s_mul"), s_add = cs.add_selector("s_add");
    const Column s_range = cs.add_selector("s_range"), table = cs.add_fixed_column();
    const Column out = cs.add_instance_column();
    auto q = [](Column col) { return Expression::query(col); };
    cs.create_gate("mul", {q(s_mul) * (q(a) * q(b) - q(c))});
    cs.create_gate("add", {q(s_add) * (q(a) + q(b) - q(c))});
    cs.add_lookup("a in 0..255", {{q(s_range) * q(a), q(table)}});
    cs.add_lookup("b in 0..255", {{q(s_range) * q(b), q(table)}});
    for (Column col : {a, b, c, out}) cs.enable_equality(col);

    s.witness = std::make_unique<Assignment>(cs, k);
    Assignment& w = *s.witness;
    const size_t rows = w.usable_rows();
    const uint64_t range = std::min<uint64_t>(256, rows);  // small k: a smaller table
    for (size_t i = 0; i < range; ++i) w.assign(table, i, Fr::from_u64(i));
    uint64_t prev_a = 1;
    for (size_t row = 0; row < rows; ++row) {
        const uint64_t av = (row * 37 + 11) % range, bv = row == 0 ? 5 : prev_a;
        w.assign(a, row, Fr::from_u64(av));
        w.assign(b, row, Fr::from_u64(bv));
        w.assign(c, row, Fr::from_u64(row % 2 == 0 ? av * bv : av + bv));
        w.enable_selector(row % 2 == 0 ? s_mul : s_add, row);
        w.enable_selector(s_range, row);
        if (row > 0) w.copy({a, row - 1}, {b, row});
        prev_a = av;
    }
    w.assign(out, 0, w.value(c, rows - 1));
    w.copy({c, rows - 1}, {out, 0});
    return s;
}

int runs_from_env() {
    const char* r = std::getenv("PROOFSCOPE_BENCH_RUNS");
    return r ? std::max(1, std::atoi(r)) : 5;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<unsigned> ks;
    for (int i = 1; i < argc; ++i) ks.push_back(unsigned(std::atoi(argv[i])));
    if (ks.empty()) ks = {6, 12, 14, 16};
    const int runs = runs_from_env();
    bench::print_header("PLONK keygen / prove / verify (synthetic circuit: mul+add gates, 2 range lookups, copies)");
    std::printf("# runs per median: %d\n", runs);

    for (unsigned k : ks) {
        NullProgress quiet;
        SystemRandom tau;
        const Srs srs = generate_srs(k, tau, quiet);  // development SRS: benchmark only
        const Synthetic circuit = synthetic_circuit(k);
        for (int threads : {1, 2}) {
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
