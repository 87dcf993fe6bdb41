#include "core/msm/msm.hpp"
#include "core/msm/bucket_accumulation.hpp"
#include "core/msm/equal_runs.hpp"
#include "core/curve/endomorphism.hpp"
#include "core/util/error.hpp"
#include "core/util/kernel_meter.hpp"
#include "core/util/large_vector.hpp"
#include <atomic>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <algorithm>
#include <string>
#include <vector>

namespace ps {

namespace {

// Window width c for m terms (n points, or 2n with GLV). Chosen by measurement
// (bench_poly_msm msm LOGN 1 C) on the 2-core target machine; depends on m only, never
// on the thread count. With GLV's 127-bit halves a width pays off only where it removes
// a window: 13 → 10 windows, 15 → 9, 16 → 8 (14 still needs 10). At 2^21 terms 16 measured
// 9 % faster than 15 although a window's 2^15 buckets (2 MiB) overflow L2.
unsigned window_bits_for(size_t m) {
    // log2 m rounded (up from 4/3 of a power of two): the widths were measured at powers of
    // two, and an opening's 2^18 − 1 points (2^19 − 2 terms) took 15 bits and nine windows,
    // five on one thread and four on the other: 40 % longer than 2^18 points in lenet_5's prover.
    const unsigned log_m = unsigned(63 - __builtin_clzll(m + m / 2));
    if (log_m < 3) return 2;
    if (log_m < 5) return 3;
    if (log_m < 7) return 4;
    if (log_m < 9) return 6;
    if (log_m < 11) return 8;
    if (log_m < 13) return 10;
    if (log_m < 15) return 11;
    if (log_m < 18) return 13;
    if (log_m < 19) return 15;
    return 16;  // a 16-bit window's digit magnitudes reach 2^15: the Digit bound (bucket_accumulation.hpp)
}

// Below this many points Jacobian buckets beat batch-affine ones (too few additions per
// bucket to fill batches).
constexpr size_t BATCH_AFFINE_MIN = size_t(1) << 13;

// For scalars below 2^bits, W = ⌈(bits + 1) / c⌉ windows leave room for the last carry:
// the top digit is at most 2^(c−1) without a further carry.
unsigned window_count(unsigned c, unsigned bits) { return (bits + 1 + c - 1) / c; }

// Digits of window w are at most 2^(c−1) in magnitude; those of the top window at most
// 2^(top bits) (its share of the scalar bits, plus the carry from below).
size_t bucket_count(unsigned c, unsigned w, unsigned windows, unsigned bits) {
    const size_t full = size_t(1) << (c - 1);
    if (w + 1 < windows) return full;
    const unsigned top_bits = bits - c * (windows - 1);
    return std::min(full, size_t(1) << top_bits);
}

// Canonical (non-Montgomery) scalars and the bit length of the largest: small scalars
// (challenges, witness values) need fewer windows.
std::vector<U256> canonical_scalars(std::span<const Fr> scalars, unsigned& bits) {
    std::vector<U256> out = large_vector<U256>(scalars.size());
    const U256 all = tbb::parallel_reduce(
        tbb::blocked_range<size_t>(0, scalars.size(), 4096), U256{},
        [&](const auto& r, U256 acc) {
            for (size_t i = r.begin(); i < r.end(); ++i) {
                out[i] = scalars[i].to_canonical();
                for (int l = 0; l < 4; ++l) acc.limb[size_t(l)] |= out[i].limb[size_t(l)];
            }
            return acc;
        },
        [](U256 a, const U256& b) {
            for (int l = 0; l < 4; ++l) a.limb[size_t(l)] |= b.limb[size_t(l)];
            return a;
        });
    bits = all.bit_length();
    return out;
}

unsigned bit_length(u128 v) {
    const uint64_t hi = uint64_t(v >> 64), lo = uint64_t(v);
    return hi ? 128 - unsigned(__builtin_clzll(hi)) : (lo ? 64 - unsigned(__builtin_clzll(lo)) : 0);
}

// The terms' scalars: the canonical scalars themselves when all fit 128 bits, else the
// GLV halves k_i ≡ k1 + k2·λ (|k1|, |k2| < 2^127, core/curve/endomorphism.hpp) with
// φ(x, y) = (βx, y): half the windows, hence half the bucket reductions, for 2n terms.
struct TermScalars {
    std::vector<G1Affine> phi;     // φ(P_i), GLV only
    std::vector<u128> magnitude;   // |k1| of every term, then |k2| (GLV)
    std::vector<uint8_t> negative; // GLV only
    unsigned bits = 0;             // of the largest magnitude
};

TermScalars short_terms(std::span<const U256> scalars, unsigned bits) {
    TermScalars t;
    t.magnitude = large_vector<u128>(scalars.size());
    tbb::parallel_for(tbb::blocked_range<size_t>(0, scalars.size(), 4096), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i)
            t.magnitude[i] = u128(scalars[i].limb[0]) | (u128(scalars[i].limb[1]) << 64);
    });
    t.bits = bits;
    return t;
}

TermScalars glv_terms(std::span<const G1Affine> points, std::span<const U256> scalars) {
    const size_t n = points.size();
    TermScalars t;
    t.phi = large_vector<G1Affine>(n);
    t.magnitude = large_vector<u128>(2 * n);
    t.negative.resize(2 * n);
    const Fq& beta = curve_detail::glv_beta();
    const u128 all = tbb::parallel_reduce(
        tbb::blocked_range<size_t>(0, n, 2048), u128(0),
        [&](const auto& r, u128 acc) {
            for (size_t i = r.begin(); i < r.end(); ++i) {
                const G1Affine& p = points[i];
                t.phi[i] = p.infinity ? G1Affine::identity() : G1Affine{p.x * beta, p.y, false};
                const auto halves = curve_detail::glv_decompose_g1(scalars[i]);
                for (size_t h = 0; h < 2; ++h) {
                    t.magnitude[h * n + i] = halves[h].magnitude;
                    t.negative[h * n + i] = halves[h].negative;
                    acc |= halves[h].magnitude;
                }
            }
            return acc;
        },
        [](u128 a, u128 b) { return a | b; });
    t.bits = bit_length(all);
    return t;
}

// Witness columns hold small signed integers: k or r − k is short (a quantised −3 is r − 3).
// Signed terms: k_i·P_i = |k_i|·(±P_i), the sign riding on the Booth digit as for GLV. Scalars
// whose both forms are long (blinding rows) are left out of `terms` (magnitude 0) and listed in
// `long_indices` for a separate MSM.
struct SignedTerms {
    TermScalars terms;
    std::vector<size_t> long_indices;
};

// k as ±|k| when k or r − k is below 2^127; `fits` is false for the long ones.
struct SignedShort {
    u128 magnitude = 0;
    bool negative = false;
    bool fits = false;
};

SignedShort signed_short(const U256& k) {
    const auto short_value = [](const U256& x) { return x.limb[3] == 0 && x.limb[2] == 0 && (x.limb[1] >> 63) == 0; };
    const auto low = [](const U256& x) { return u128(x.limb[0]) | (u128(x.limb[1]) << 64); };
    if (short_value(k)) return {low(k), false, true};
    U256 minus;
    sub_to(minus, Fr::MODULUS, k);
    if (short_value(minus)) return {low(minus), true, true};
    return {};
}

// 256 evenly spaced scalars: more than a few long ones and the scalars are random-looking
// (commitments to blinded or challenge-derived polynomials), not worth a classification pass.
bool mostly_short(std::span<const U256> scalars) {
    const size_t samples = std::min<size_t>(256, scalars.size()), stride = scalars.size() / samples;
    size_t long_ones = 0;
    for (size_t i = 0; i < samples; ++i) long_ones += !signed_short(scalars[i * stride]).fits;
    return long_ones * 8 <= samples;
}

SignedTerms signed_short_terms(std::span<const U256> scalars) {
    const size_t n = scalars.size();
    SignedTerms out;
    out.terms.magnitude = large_vector<u128>(n);
    out.terms.negative.resize(n);
    const u128 all = tbb::parallel_reduce(
        tbb::blocked_range<size_t>(0, n, 4096), u128(0),
        [&](const auto& r, u128 acc) {
            for (size_t i = r.begin(); i < r.end(); ++i) {
                const SignedShort k = signed_short(scalars[i]);  // long: magnitude 0, its own MSM
                out.terms.magnitude[i] = k.magnitude;
                out.terms.negative[i] = uint8_t(k.negative);
                acc |= k.magnitude;
            }
            return acc;
        },
        [](u128 a, u128 b) { return a | b; });
    out.terms.bits = bit_length(all);
    for (size_t i = 0; i < n; ++i)
        if (out.terms.magnitude[i] == 0 && !(scalars[i] == U256{})) out.long_indices.push_back(i);
    return out;
}

void require_same_length(size_t points, size_t scalars) {
    if (points != scalars)
        throw Error("msm", std::to_string(points) + " points but " + std::to_string(scalars) + " scalars",
                    "pass one scalar per point");
}

}  // namespace

namespace {

// Pippenger over the terms: each window's bucket pass is one task (cancellation is
// checked before each), then the windows combine by doublings.
G1 combine_windows(const msm_detail::Terms& terms, unsigned c, unsigned bits, bool batch_affine,
                   const ProgressSink* progress) {
    const unsigned windows = window_count(c, bits);
    std::vector<G1> window_sums(windows);
    std::atomic<bool> stopped{false};
    tbb::parallel_for(0u, windows, [&](unsigned w) {
        if (stopped.load(std::memory_order_relaxed) || (progress && progress->cancelled())) {
            stopped = true;
            return;
        }
        const size_t buckets = bucket_count(c, w, windows, bits);
        window_sums[w] = batch_affine && buckets >= msm_detail::BATCH_AFFINE_MIN_BUCKETS
                             ? msm_detail::window_sum_batch_affine(terms, w * c, c, buckets)
                             : msm_detail::window_sum_jacobian(terms, w * c, c, buckets);
    });
    if (stopped) throw Cancelled();
    G1 acc = window_sums[windows - 1];
    for (unsigned w = windows - 1; w-- > 0;) {
        for (unsigned b = 0; b < c; ++b) acc = acc.dbl();
        acc = acc + window_sums[w];
    }
    return acc;
}

G1 pippenger_impl(std::span<const G1Affine> points, std::span<const Fr> scalars, unsigned c, bool batch_affine,
                  const ProgressSink* progress);

// Worth it when the short terms need at most 96 bits (GLV's halves need 127) and at most an
// eighth of the scalars are long: the long ones cost a second, smaller MSM.
constexpr unsigned SIGNED_MAX_BITS = 96;

// c == 0: chosen from the number of terms (n, or 2n with GLV).
G1 pippenger_impl(std::span<const G1Affine> points, std::span<const Fr> scalars, unsigned c, bool batch_affine,
                  const ProgressSink* progress) {
    unsigned bits = 0;
    const std::vector<U256> canonical = canonical_scalars(scalars, bits);
    if (bits == 0) return G1::identity();
    const auto run = [&](const TermScalars& t) {
        const msm_detail::Terms terms{points, t.phi, t.magnitude, t.negative};
        return combine_windows(terms, c == 0 ? window_bits_for(terms.size()) : c, t.bits, batch_affine, progress);
    };
    // Scalars of up to 128 bits (challenges, small witness values) gain nothing from GLV.
    if (bits <= 128) return run(short_terms(canonical, bits));
    if (!mostly_short(canonical)) return run(glv_terms(points, canonical));
    SignedTerms s = signed_short_terms(canonical);
    if (s.terms.bits > SIGNED_MAX_BITS || s.long_indices.size() > points.size() / 8) return run(glv_terms(points, canonical));
    G1 sum = s.terms.bits == 0 ? G1::identity() : run(s.terms);
    if (!s.long_indices.empty()) {
        std::vector<G1Affine> long_points;
        std::vector<Fr> long_scalars;
        for (size_t i : s.long_indices) {
            long_points.push_back(points[i]);
            long_scalars.push_back(scalars[i]);
        }
        sum = sum + (long_points.size() < 8 ? msm_naive(long_points, long_scalars)
                                            : pippenger_impl(long_points, long_scalars, 0, false, progress));
    }
    return sum;
}

}  // namespace

G1 msm_detail::pippenger(std::span<const G1Affine> points, std::span<const Fr> scalars, unsigned c,
                         bool batch_affine, const ProgressSink* progress) {
    return pippenger_impl(points, scalars, c, batch_affine, progress);
}

G1 msm(std::span<const G1Affine> points, std::span<const Fr> scalars, const ProgressSink* progress) {
    require_same_length(points.size(), scalars.size());
    const meter::KernelScope metered(meter::Kernel::Msm);
    if (points.empty()) return G1::identity();
    const auto runs = msm_detail::collapse_equal_runs(points, scalars);
    if (runs) {
        points = runs->points;
        scalars = runs->scalars;
    }
    if (points.size() < 8) return msm_naive(points, scalars);
    return pippenger_impl(points, scalars, 0, points.size() >= BATCH_AFFINE_MIN, progress);
}

G1 msm_naive(std::span<const G1Affine> points, std::span<const Fr> scalars) {
    require_same_length(points.size(), scalars.size());
    G1 acc = G1::identity();
    for (size_t i = 0; i < points.size(); ++i) acc = acc + G1::from_affine(points[i]) * scalars[i];
    return acc;
}

}  // namespace ps
