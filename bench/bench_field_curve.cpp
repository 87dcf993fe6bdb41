// Field and curve kernels (issue 3): Fr/Fq multiplication, G1 additions and doubling,
// G1/G2 scalar multiplication, one pairing and a 4-pairing product. Each line is the
// median of 7 runs after a warm-up; operations are chained so the timing is the latency
// of a dependent sequence (as mcl's own benchmarks measure it).
//
// Times are this thread's CPU time (CLOCK_THREAD_CPUTIME_ID), not wall time: the
// benchmark machine is shared (2 vCPUs, often a load of 5-10), and wall time then
// measures the scheduler. `--wall` switches to wall time for an idle machine.
#include "bench_common.hpp"
#include "core/curve/pairing.hpp"
#include "core/field/mul_each.hpp"
#include "core/util/cpu_features.hpp"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

using namespace ps;

namespace {

constexpr int RUNS = 7;
bool g_wall = false;

double thread_cpu_ns() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e9 + double(t.tv_nsec);
}

template <class F>
double median_time_ns(int runs, F&& body) {
    if (g_wall) return bench::median_ns(runs, body);
    body();
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const double a = thread_cpu_ns();
        body();
        t.push_back(thread_cpu_ns() - a);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

template <class F>
double field_mul_ns(RandomSource& rng) {
    constexpr int N = 1'000'000;
    F a = F::random(rng);
    const F b = F::random(rng);
    const double t = median_time_ns(RUNS, [&] {
        F x = a;  // a local, so the chain stays in registers
        for (int i = 0; i < N; ++i) x = x * b;
        a = x;
    });
    if (a.is_zero()) std::printf("(unlikely)\n");  // keep the chain alive
    return t / N;
}

template <class F>
double field_square_ns(RandomSource& rng) {
    constexpr int N = 1'000'000;
    F a = F::random(rng);
    const double t = median_time_ns(RUNS, [&] {
        F x = a;
        for (int i = 0; i < N; ++i) x = x.square();
        a = x;
    });
    if (a.is_zero()) std::printf("(unlikely)\n");
    return t / N;
}

template <class F>
double field_inverse_ns(RandomSource& rng, bool vartime) {
    constexpr int N = 2'000;
    F a = F::random(rng);
    const double t = median_time_ns(RUNS, [&] {
        for (int i = 0; i < N; ++i) a = (vartime ? a.inverse_vartime() : a.inverse()) + F::one();
    });
    if (a.is_zero()) std::printf("(unlikely)\n");
    return t / N;
}

// Throughput, not latency: products of two 4096-element vectors (the expression evaluator's
// chunk of rows), per element, one product at a time or eight at a time on IFMA.
template <class F>
double mul_each_ns(RandomSource& rng, bool ifma) {
    constexpr size_t N = 4096;
    std::vector<F> a(N), b(N), out(N);
    for (size_t i = 0; i < N; ++i) {
        a[i] = F::random(rng);
        b[i] = F::random(rng);
    }
    const double t = median_time_ns(RUNS, [&] {
        for (int rep = 0; rep < 50; ++rep) {
            if (ifma)
                mul_each_path::ifma<F>(out, a, b);
            else
                mul_each_path::scalar<F>(out, a, b);
            a[size_t(rep)] = out[size_t(rep)];  // each repetition depends on the last
        }
    });
    return t / (50.0 * N);
}

template <class G>
double scalar_mul_us(RandomSource& rng) {
    constexpr int N = 50;
    std::vector<Fr> k;
    for (int i = 0; i < N; ++i) k.push_back(Fr::random(rng));
    G p = G::generator() * Fr::random(rng);
    const double t = median_time_ns(RUNS, [&] {
        for (int i = 0; i < N; ++i) p = p * k[size_t(i)];
    });
    if (p.is_identity()) std::printf("(unlikely)\n");
    return t / N / 1e3;
}

}  // namespace

int main(int argc, char** argv) {
    g_wall = argc > 1 && std::strcmp(argv[1], "--wall") == 0;
    bench::print_header("field and curve kernels (bench_field_curve)");
    std::printf("# timing: %s, median of %d runs\n", g_wall ? "wall clock" : "thread CPU time", RUNS);
    SeededRandom rng(1);

    std::printf("Fr mul            %8.2f ns\n", field_mul_ns<Fr>(rng));
    std::printf("Fq mul            %8.2f ns\n", field_mul_ns<Fq>(rng));
    std::printf("Fr square         %8.2f ns\n", field_square_ns<Fr>(rng));
    std::printf("Fq square         %8.2f ns\n", field_square_ns<Fq>(rng));
    std::printf("Fq2 mul           %8.2f ns\n", field_mul_ns<Fq2>(rng));
    std::printf("Fq2 square        %8.2f ns\n", field_square_ns<Fq2>(rng));
    std::printf("Fq inverse        %8.1f ns  (divsteps, constant time)\n", field_inverse_ns<Fq>(rng, false));
    std::printf("Fq inverse_vartime%8.1f ns  (divsteps, public data)\n", field_inverse_ns<Fq>(rng, true));

    {
        constexpr int N = 200'000;
        G1 acc = G1::generator() * Fr::random(rng);
        const G1Affine q = (G1::generator() * Fr::random(rng)).to_affine();
        const G1 qj = G1::generator() * Fr::random(rng);
        const double madd = median_time_ns(RUNS, [&] {
            G1 x = acc;
            for (int i = 0; i < N; ++i) x = x.add_mixed(q);
            acc = x;
        }) / N;
        const double add = median_time_ns(RUNS, [&] {
            G1 x = acc;
            for (int i = 0; i < N; ++i) x = x + qj;
            acc = x;
        }) / N;
        const double dbl = median_time_ns(RUNS, [&] {
            G1 x = acc;
            for (int i = 0; i < N; ++i) x = x.dbl();
            acc = x;
        }) / N;
        if (acc.is_identity()) std::printf("(unlikely)\n");
        std::printf("G1 mixed add      %8.1f ns\n", madd);
        std::printf("G1 add            %8.1f ns\n", add);
        std::printf("G1 double         %8.1f ns\n", dbl);
    }

    {
        // Jacobian + Jacobian on the twist, as mcl's "G2::add jacobian".
        constexpr int N = 100'000;
        G2 acc = G2::generator() * Fr::random(rng);
        const G2 qj = G2::generator() * Fr::random(rng);
        const double add = median_time_ns(RUNS, [&] {
            G2 x = acc;
            for (int i = 0; i < N; ++i) x = x + qj;
            acc = x;
        }) / N;
        if (acc.is_identity()) std::printf("(unlikely)\n");
        std::printf("G2 add            %8.1f ns\n", add);
    }

    std::printf("G1 scalar mul     %8.1f us\n", scalar_mul_us<G1>(rng));
    std::printf("G2 scalar mul     %8.1f us\n", scalar_mul_us<G2>(rng));

    std::vector<G1Affine> ps;
    std::vector<G2Affine> qs;
    for (int i = 0; i < 4; ++i) {
        ps.push_back((G1::generator() * Fr::random(rng)).to_affine());
        qs.push_back((G2::generator() * Fr::random(rng)).to_affine());
    }
    Fq12 sink = Fq12::one();
    const double one_pairing = median_time_ns(RUNS, [&] { sink *= pairing(ps[0], qs[0]); });
    const double four = median_time_ns(RUNS, [&] { sink *= final_exponentiation(miller_loop(ps, qs)); });
    const double ml = median_time_ns(RUNS, [&] { sink *= miller_loop(std::span(ps).first(1), std::span(qs).first(1)); });
    const double fe = median_time_ns(RUNS, [&] { sink = final_exponentiation(sink); });
    // The same product with the G2 lines prepared once (KZG's fixed G2 and [τ]G2).
    const std::vector<G2Prepared> prepared(qs.begin(), qs.end());
    std::vector<const G2Prepared*> prepared_ptrs;
    for (const auto& q : prepared) prepared_ptrs.push_back(&q);
    const double four_prepared =
        median_time_ns(RUNS, [&] { sink *= final_exponentiation(miller_loop_prepared(ps, prepared_ptrs)); });
    if (sink.is_zero()) std::printf("(unlikely)\n");
    std::printf("pairing           %8.3f ms  (Miller loop %.3f ms, final exp %.3f ms)\n", one_pairing / 1e6,
                ml / 1e6, fe / 1e6);
    std::printf("4-pairing product %8.3f ms\n", four / 1e6);
    std::printf("4-pairing prepared%8.3f ms  (G2 lines prepared once)\n", four_prepared / 1e6);

    std::printf("Fr mul_each scalar%8.2f ns  (per element, 4096-element vectors)\n", mul_each_ns<Fr>(rng, false));
    if (cpu::has_avx512_ifma)
        std::printf("Fr mul_each ifma  %8.2f ns  (per element, eight lanes of AVX-512 IFMA)\n", mul_each_ns<Fr>(rng, true));
    else
        std::printf("Fr mul_each ifma       -     (this CPU has no AVX-512 IFMA)\n");
    return 0;
}
