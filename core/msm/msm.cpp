#include "core/msm/msm.hpp"
#include "core/msm/bucket_accumulation.hpp"
#include "core/curve/endomorphism.hpp"
#include "core/util/error.hpp"
#include "core/util/kernel_meter.hpp"
#include <atomic>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <algorithm>
#include <string>
#include <vector>

namespace ps {

namespace {

using msm_detail::Digit;

// Window width c for n points. Chosen by measurement (bench_poly_msm) on the 2-core
// target machine; depends on n only, never on the thread count.
unsigned window_bits_for(size_t n) {
    const unsigned log_n = unsigned(63 - __builtin_clzll(n));  // ⌊log2 n⌋, n ≥ 1
    if (log_n < 3) return 2;
    if (log_n < 5) return 3;
    if (log_n < 7) return 4;
    if (log_n < 9) return 6;
    if (log_n < 11) return 8;
    if (log_n < 13) return 10;
    if (log_n < 15) return 11;
    if (log_n < 19) return 13;
    if (log_n < 20) return 14;
    return 15;  // Digit packing caps c at 15 (at 2^20, 15 measured 2 % faster than 14)
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
    std::vector<U256> out(scalars.size());
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

uint32_t bits_at(const U256& k, unsigned pos, unsigned c) {
    if (pos >= 256) return 0;
    const unsigned limb = pos / 64, shift = pos % 64;
    uint64_t v = k.limb[limb] >> shift;
    if (shift + c > 64 && limb + 1 < 4) v |= k.limb[limb + 1] << (64 - shift);
    return uint32_t(v & ((uint64_t(1) << c) - 1));
}

uint32_t bits_at(u128 k, unsigned pos, unsigned c) {
    if (pos >= 128) return 0;
    return uint32_t((k >> pos) & ((u128(1) << c) - 1));
}

// Signed-digit recoding: digits in [−2^(c−1), 2^(c−1)], window-major (digits[w·m + j]) for
// m terms; a term whose `negative` flag is set gets every digit negated.
template <class Scalar>
std::vector<Digit> signed_digits(std::span<const Scalar> scalars, std::span<const uint8_t> negative, unsigned c,
                                 unsigned windows) {
    const size_t m = scalars.size();
    std::vector<Digit> digits(size_t(windows) * m);
    const uint32_t half = uint32_t(1) << (c - 1), full = uint32_t(1) << c;
    tbb::parallel_for(tbb::blocked_range<size_t>(0, m, 2048), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) {
            const Scalar& k = scalars[i];
            const Digit flip = negative.empty() ? Digit(0) : Digit(negative[i]);
            uint32_t carry = 0;
            for (unsigned w = 0; w < windows; ++w) {
                const uint32_t v = bits_at(k, w * c, c) + carry;
                Digit d;
                if (v > half) {  // v − 2^c ≤ 0, borrow from the next window
                    d = v == full ? Digit(0) : Digit(((full - v) << 1) | 1);
                    carry = 1;
                } else {
                    d = Digit(v << 1);
                    carry = 0;
                }
                digits[size_t(w) * m + i] = d == 0 ? d : Digit(d ^ flip);
            }
        }
    });
    return digits;
}

// GLV: k_i·P_i = k1·P_i + k2·φ(P_i) with |k1|, |k2| < 2^127 (core/curve/endomorphism.hpp),
// φ(x, y) = (βx, y). Halves the windows, hence the bucket reductions, for 2n terms.
struct GlvTerms {
    std::vector<G1Affine> phi;     // φ(P_i)
    std::vector<u128> magnitude;   // |k1| of every term, then |k2|
    std::vector<uint8_t> negative;
    unsigned bits = 0;             // of the largest magnitude
};

GlvTerms glv_terms(std::span<const G1Affine> points, std::span<const U256> scalars) {
    const size_t n = points.size();
    GlvTerms t;
    t.phi.resize(n);
    t.magnitude.resize(2 * n);
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
    const uint64_t hi = uint64_t(all >> 64), lo = uint64_t(all);
    t.bits = hi ? 128 - unsigned(__builtin_clzll(hi)) : (lo ? 64 - unsigned(__builtin_clzll(lo)) : 0);
    return t;
}

void require_same_length(size_t points, size_t scalars) {
    if (points != scalars)
        throw Error("msm", std::to_string(points) + " points but " + std::to_string(scalars) + " scalars",
                    "pass one scalar per point");
}

}  // namespace

namespace {

// Pippenger over m terms whose digits are window-major: each window's bucket pass is one
// task (cancellation is checked before each), then the windows combine by doublings.
G1 combine_windows(const msm_detail::TermPoints& terms, std::span<const Digit> digits, unsigned c,
                   unsigned windows, unsigned bits, bool batch_affine, const ProgressSink* progress) {
    const size_t m = terms.size();
    std::vector<G1> window_sums(windows);
    std::atomic<bool> stopped{false};
    tbb::parallel_for(0u, windows, [&](unsigned w) {
        if (stopped.load(std::memory_order_relaxed) || (progress && progress->cancelled())) {
            stopped = true;
            return;
        }
        const std::span<const Digit> d = digits.subspan(size_t(w) * m, m);
        const size_t buckets = bucket_count(c, w, windows, bits);
        window_sums[w] = batch_affine && buckets >= msm_detail::BATCH_AFFINE_MIN_BUCKETS
                             ? msm_detail::window_sum_batch_affine(terms, d, buckets)
                             : msm_detail::window_sum_jacobian(terms, d, buckets);
    });
    if (stopped) throw Cancelled();
    G1 acc = window_sums[windows - 1];
    for (unsigned w = windows - 1; w-- > 0;) {
        for (unsigned b = 0; b < c; ++b) acc = acc.dbl();
        acc = acc + window_sums[w];
    }
    return acc;
}

// c == 0: chosen from the number of terms (n, or 2n with GLV).
G1 pippenger_impl(std::span<const G1Affine> points, std::span<const Fr> scalars, unsigned c, bool batch_affine,
                  const ProgressSink* progress) {
    unsigned bits = 0;
    const std::vector<U256> canonical = canonical_scalars(scalars, bits);
    if (bits == 0) return G1::identity();
    if (bits <= 128) {  // short scalars: GLV would not shorten them
        if (c == 0) c = window_bits_for(points.size());
        const unsigned windows = window_count(c, bits);
        const auto digits = signed_digits<U256>(canonical, {}, c, windows);
        return combine_windows({points, {}}, digits, c, windows, bits, batch_affine, progress);
    }
    const GlvTerms glv = glv_terms(points, canonical);
    if (c == 0) c = window_bits_for(2 * points.size());
    const unsigned windows = window_count(c, glv.bits);
    const auto digits = signed_digits<u128>(glv.magnitude, glv.negative, c, windows);
    return combine_windows({points, glv.phi}, digits, c, windows, glv.bits, batch_affine, progress);
}

}  // namespace

G1 msm_detail::pippenger(std::span<const G1Affine> points, std::span<const Fr> scalars, unsigned c,
                         bool batch_affine, const ProgressSink* progress) {
    return pippenger_impl(points, scalars, c, batch_affine, progress);
}

G1 msm(std::span<const G1Affine> points, std::span<const Fr> scalars, const ProgressSink* progress) {
    require_same_length(points.size(), scalars.size());
    const meter::KernelScope metered(meter::Kernel::Msm);
    const size_t n = points.size();
    if (n == 0) return G1::identity();
    if (n < 8) return msm_naive(points, scalars);
    return pippenger_impl(points, scalars, 0, n >= BATCH_AFFINE_MIN, progress);
}

G1 msm_naive(std::span<const G1Affine> points, std::span<const Fr> scalars) {
    require_same_length(points.size(), scalars.size());
    G1 acc = G1::identity();
    for (size_t i = 0; i < points.size(); ++i) acc = acc + G1::from_affine(points[i]) * scalars[i];
    return acc;
}

}  // namespace ps
