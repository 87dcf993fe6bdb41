// The element-wise products (field/mul_each): the AVX-512 IFMA path bit for bit against the
// one-at-a-time product and against GMP, on edge values, random values, every tail length and in place;
// and the CPU features it is chosen by against what the kernel reports in /proc/cpuinfo.
#include "core/field/mul_each.hpp"
#include "core/util/cpu_features.hpp"
#include "core/util/error.hpp"
#include "gmp_oracle.hpp"

#include <QTest>
#include <fstream>
#include <sstream>
#include <vector>

using namespace ps;
using gmp_oracle::to_mpz;

namespace {

// Values that stress the radix-2^52 split and the final subtraction: 0, 1, p − 1, p − 2, and
// stored forms at the 52- and 64-bit limb boundaries and at the top of the range.
template <class F>
std::vector<F> edge_values() {
    std::vector<F> out = {F::zero(), F::one(), -F::one(), -F::one() - F::one(), F::from_u64(2)};
    U256 pm1;
    sub_to(pm1, F::MODULUS, U256::from_u64(1));
    out.push_back(F::from_raw(pm1));
    for (unsigned bit : {0u, 51u, 52u, 63u, 64u, 103u, 104u, 127u, 155u, 156u, 191u, 207u, 208u, 252u}) {
        U256 x;
        x.limb[bit / 64] = uint64_t(1) << (bit % 64);
        out.push_back(F::from_raw(x));
        U256 below;  // 2^bit − 1: every limb below full
        sub_to(below, x, U256::from_u64(1));
        out.push_back(F::from_raw(below));
    }
    return out;
}

template <class F>
std::vector<F> random_values(size_t n, uint64_t seed) {
    SeededRandom rng(seed);
    std::vector<F> v(n);
    for (auto& x : v) x = F::random(rng);
    return v;
}

std::string cpuinfo_flags() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("flags", 0) == 0) return line + " ";
    return {};
}

bool has_flag(const std::string& flags, const std::string& f) { return flags.find(" " + f + " ") != std::string::npos; }

}  // namespace

class TestMulEach : public QObject {
    Q_OBJECT

    template <class F>
    void run_ifma_against_scalar() {
        if (!cpu::has_avx512_ifma) QSKIP("this CPU has no AVX-512 IFMA: only the one-at-a-time path runs here");
        // Every pair of edge values, then random pairs, in one long vector.
        const auto edges = edge_values<F>();
        std::vector<F> a, b;
        for (const F& x : edges)
            for (const F& y : edges) {
                a.push_back(x);
                b.push_back(y);
            }
        const auto ra = random_values<F>(4096, 52), rb = random_values<F>(4096, 53);
        a.insert(a.end(), ra.begin(), ra.end());
        b.insert(b.end(), rb.begin(), rb.end());
        std::vector<F> fast(a.size()), reference(a.size());
        mul_each_path::ifma<F>(fast, a, b);
        mul_each_path::scalar<F>(reference, a, b);
        const mpz_class p = to_mpz(F::MODULUS);
        for (size_t i = 0; i < a.size(); ++i) {
            QVERIFY2(fast[i].raw() == reference[i].raw(), (a[i].to_hex() + " · " + b[i].to_hex()).c_str());
            QVERIFY(to_mpz(fast[i].raw()) < p);  // fully reduced
            QCOMPARE(to_mpz(fast[i].to_canonical()), mpz_class(to_mpz(a[i].to_canonical()) * to_mpz(b[i].to_canonical()) % p));
        }
        // By a constant: each edge value times the whole vector.
        for (const F& c : edges) {
            mul_each_path::ifma<F>(fast, a, c);
            for (size_t i = 0; i < a.size(); ++i) QVERIFY2(fast[i] == a[i] * c, (a[i].to_hex() + " · " + c.to_hex()).c_str());
        }
    }

    // Lengths 0 to 20 (the groups of eight and every tail), in place as well.
    template <class F>
    void run_tails_and_in_place() {
        for (size_t n = 0; n <= 20; ++n) {
            const auto a = random_values<F>(n, 100 + n), b = random_values<F>(n, 200 + n);
            std::vector<F> expected(n);
            for (size_t i = 0; i < n; ++i) expected[i] = a[i] * b[i];
            std::vector<F> out(n);
            mul_each<F>(out, a, b);
            QCOMPARE(out, expected);
            std::vector<F> in_place = a;
            mul_each<F>(in_place, in_place, b);
            QCOMPARE(in_place, expected);
            if (cpu::has_avx512_ifma) {
                in_place = a;
                mul_each_path::ifma<F>(in_place, in_place, b);
                QCOMPARE(in_place, expected);
            }
            const F c = b.empty() ? F::from_u64(7) : b[0];
            mul_each<F>(out, a, c);
            for (size_t i = 0; i < n; ++i) QCOMPARE(out[i], a[i] * c);
        }
    }

private slots:
    void Fr_ifma_products_equal_the_scalar_ones_and_gmp() { run_ifma_against_scalar<Fr>(); }
    void Fq_ifma_products_equal_the_scalar_ones_and_gmp() { run_ifma_against_scalar<Fq>(); }
    void Fr_every_tail_length_and_in_place() { run_tails_and_in_place<Fr>(); }
    void Fq_every_tail_length_and_in_place() { run_tails_and_in_place<Fq>(); }

    // lo ± hi·w on eight lanes against the one-at-a-time butterflies: every pair of edge values
    // as (lo, hi) with edge and random twiddles (the sum's and the difference's wrap-arounds),
    // then random rows of every tail length.
    void Fr_ifma_butterflies_equal_the_scalar_ones() {
        if (!cpu::has_avx512_ifma) QSKIP("this CPU has no AVX-512 IFMA: only the one-at-a-time path runs here");
        const auto edges = edge_values<Fr>();
        const auto random = random_values<Fr>(edges.size() * edges.size(), 60);
        std::vector<Fr> lo, hi, w;
        size_t k = 0;
        for (const Fr& x : edges)
            for (const Fr& y : edges) {
                lo.push_back(x);
                hi.push_back(y);
                w.push_back(k % 2 ? random[k] : edges[k % edges.size()]);
                ++k;
            }
        for (size_t n : {size_t(0), size_t(1), size_t(7), size_t(8), size_t(9), size_t(23), lo.size()}) {
            std::vector<Fr> lo_fast(lo.begin(), lo.begin() + long(n)), hi_fast(hi.begin(), hi.begin() + long(n));
            std::vector<Fr> lo_ref = lo_fast, hi_ref = hi_fast;
            const std::span<const Fr> tw(w.data(), n);
            mul_each_path::butterflies_ifma<Fr>(lo_fast, hi_fast, tw);
            mul_each_path::butterflies_scalar<Fr>(lo_ref, hi_ref, tw);
            for (size_t i = 0; i < n; ++i) {
                const std::string what = lo[i].to_hex() + " ± " + hi[i].to_hex() + " · " + w[i].to_hex();
                QVERIFY2(lo_fast[i].raw() == lo_ref[i].raw(), what.c_str());
                QVERIFY2(hi_fast[i].raw() == hi_ref[i].raw(), what.c_str());
            }
        }
    }

    void vectors_of_different_lengths_are_refused() {
        std::vector<Fr> out(8), a(8), b(9);
        QVERIFY_THROWS_EXCEPTION(Error, mul_each<Fr>(out, a, b));
    }

    // The cpuid bits we test against what the kernel lists for this CPU.
    void cpu_features_match_proc_cpuinfo() {
        const std::string flags = cpuinfo_flags();
        if (flags.empty()) QSKIP("no /proc/cpuinfo flags line here");
        QCOMPARE(cpu::has_mulx_adx, has_flag(flags, "bmi2") && has_flag(flags, "adx"));
        QCOMPARE(cpu::detect_avx512_ifma(), has_flag(flags, "avx512f") && has_flag(flags, "avx512ifma"));
        QCOMPARE(cpu::has_avx512_ifma, cpu::detect_avx512_ifma() && !cpu::avx512_disabled_by_environment());
    }
};

QTEST_APPLESS_MAIN(TestMulEach)
#include "tst_mul_each.moc"
