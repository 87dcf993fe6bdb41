// MSM against Σ k_i·P_i computed one scalar multiplication at a time, for random sizes,
// the edge cases (n = 0, 1; scalars 0, 1, r − 1; repeated, opposite and infinite points),
// both bucket kernels (Jacobian below 2^12 points, batch-affine above), GLV inside the MSM
// (window recoding, halves that meet in one bucket, the 128/129-bit switch), the fixed-base
// path, and equality of the results with 1 and 2 threads.
#include "core/curve/endomorphism.hpp"
#include "core/msm/bucket_accumulation.hpp"
#include "core/msm/equal_runs.hpp"
#include "core/msm/fixed_base.hpp"
#include "core/msm/msm.hpp"
#include "core/util/error.hpp"
// oneTBB before Qt: Qt's `emit` macro breaks TBB's profiling header.
#include <tbb/task_arena.h>

#include <QTest>
#include <vector>

using namespace ps;

namespace {

Fr minus_one() { return -Fr::one(); }

std::vector<G1Affine> random_points(size_t n, uint64_t seed) {
    // k_i·G for random k_i, converted in one batch.
    SeededRandom rng(seed);
    std::vector<G1> jac(n);
    G1 p = G1::generator() * Fr::random(rng);
    const G1 step = G1::generator() * Fr::random(rng);
    for (auto& j : jac) {
        j = p;
        p = p + step;
    }
    std::vector<G1Affine> out(n);
    G1::batch_to_affine(jac, out);
    return out;
}

std::vector<Fr> random_scalars(size_t n, uint64_t seed) {
    SeededRandom rng(seed);
    std::vector<Fr> v(n);
    for (auto& x : v) x = Fr::random(rng);
    return v;
}

bool same(const G1& a, const G1& b) { return a.to_affine() == b.to_affine(); }

Fr fr_from_u128(u128 v) { return *Fr::from_canonical(U256{{uint64_t(v), uint64_t(v >> 64), 0, 0}}); }

unsigned bit_length(u128 v) {
    unsigned bits = 0;
    for (; v; v >>= 1) ++bits;
    return bits;
}

}  // namespace

class TestMsm : public QObject {
    Q_OBJECT
private slots:
    void empty_and_single_terms() {
        QVERIFY(msm({}, {}).is_identity());
        const auto p = random_points(1, 1);
        // 2^200 − 1: all-ones windows, so signed recoding carries through digits equal to
        // 2^c (which must become 0 with a carry, never a "negative zero").
        const Fr ones = Fr::from_u64(2).pow(200) - Fr::one();
        for (const Fr& k : {Fr::zero(), Fr::one(), minus_one(), Fr::from_u64(5), ones})
            QVERIFY(same(msm(p, std::vector<Fr>{k}), G1::from_affine(p[0]) * k));
        QVERIFY(same(msm(p, std::vector<Fr>{minus_one()}), G1::from_affine(-p[0])));
        const std::vector<G1Affine> eight(8, p[0]);
        QVERIFY(same(msm(eight, std::vector<Fr>(8, ones)), G1::from_affine(p[0]) * (ones * Fr::from_u64(8))));
        QVERIFY_THROWS_EXCEPTION(Error, msm(p, std::vector<Fr>{}));
    }

    void known_answer_small_multiples_of_the_generator() {
        // 1·G + 2·G + ... + 20·G = 210·G, with every point the generator (repeated points)
        std::vector<G1Affine> pts(20, G1Affine::generator());
        std::vector<Fr> ks;
        for (uint64_t i = 1; i <= 20; ++i) ks.push_back(Fr::from_u64(i));
        QVERIFY(same(msm(pts, ks), G1::generator() * Fr::from_u64(210)));
    }

    void random_sizes_match_the_naive_sum() {
        SeededRandom rng(42);
        for (int trial = 0; trial < 12; ++trial) {
            uint8_t b[2];
            rng.fill(b);
            const size_t n = 1 + (size_t(b[0]) | size_t(b[1]) << 8) % 300;  // n ∈ 1..300
            const auto pts = random_points(n, 100 + uint64_t(trial));
            auto ks = random_scalars(n, 200 + uint64_t(trial));
            if (n > 3) {
                ks[0] = Fr::zero();
                ks[1] = Fr::one();
                ks[2] = minus_one();
            }
            QVERIFY2(same(msm(pts, ks), msm_naive(pts, ks)), qPrintable(QString("n = %1").arg(n)));
        }
    }

    void short_scalars_take_fewer_windows_and_stay_exact() {
        // Windows follow the largest scalar's bit length: 1-bit, 20-bit, 128-bit and one
        // full-size scalar among small ones.
        const size_t n = 9000;
        const auto pts = random_points(n, 13);
        SeededRandom rng(14);
        for (unsigned bits : {1u, 20u, 128u}) {
            std::vector<Fr> ks(n);
            for (auto& k : ks) {
                uint64_t w[2];
                rng.fill(std::span(reinterpret_cast<uint8_t*>(w), sizeof w));
                U256 v{{w[0], bits > 64 ? w[1] : 0, 0, 0}};
                if (bits < 64) v.limb[0] &= (uint64_t(1) << bits) - 1;
                k = *Fr::from_canonical(v);
            }
            QVERIFY2(same(msm(pts, ks), msm_naive(pts, ks)), qPrintable(QString("bits = %1").arg(bits)));
            ks[77] = minus_one();
            QVERIFY(same(msm(pts, ks), msm_naive(pts, ks)));
        }
    }

    void worst_case_glv_scalars_match_plain_double_and_add() {
        // The scalars where GLV's halves are largest (|k2| = 2^126.912, 6 % under the 2^127
        // its two's-complement reading needs; core/curve/endomorphism.hpp) and the edges of
        // the signed-digit recoding, through the MSM (both bucket kernels: Jacobian below
        // 2^12 points, batch-affine above), msm_naive and the GLV scalar multiplication —
        // each against a plain double-and-add (mul_u256), which shares none of their code.
        const Fr r_minus_1 = minus_one(), two = Fr::from_u64(2);
        std::vector<Fr> edges = {
            *Fr::from_canonical(*U256::parse("0x30644e72e131a028b20256d108e9f8d076a1bf69036e79c8bd766506874f12ac")),
            *Fr::from_canonical(*U256::parse("0x30644e72e131a029b85045b68181585cba981f010281a1e561053854ea2de3dd")),
            r_minus_1, r_minus_1 * two.pow(127).inverse(), two.pow(127) - Fr::one(), two.pow(127),
            two.pow(128) - Fr::one(), two.pow(253), two.pow(254) - Fr::one()};
        for (size_t i = 0, count = edges.size(); i < count; ++i) edges.push_back(-edges[i]);
        for (size_t n : {edges.size(), size_t(4200)}) {
            const auto pts = random_points(n, 61 + n);
            std::vector<Fr> ks(n);
            SeededRandom rng(62);
            for (size_t i = 0; i < n; ++i) ks[i] = i % 3 == 2 ? Fr::random(rng) : edges[i % edges.size()];
            G1 plain = G1::identity();
            for (size_t i = 0; i < n; ++i) {
                const G1 p = G1::from_affine(pts[i]);
                const G1 term = p.mul_u256(ks[i].to_canonical());
                if (i < edges.size()) QVERIFY2(same(p * ks[i], term), qPrintable(QString("GLV, scalar %1").arg(i)));
                plain += term;
            }
            QVERIFY2(same(msm(pts, ks), plain), qPrintable(QString("msm, n = %1").arg(n)));
            QVERIFY2(same(msm_naive(pts, ks), plain), qPrintable(QString("msm_naive, n = %1").arg(n)));
        }
    }

    void identity_points_and_zero_scalars_contribute_nothing() {
        auto pts = random_points(64, 3);
        auto ks = random_scalars(64, 4);
        const G1 reference = msm_naive(pts, ks);
        pts.push_back(G1Affine::identity());
        ks.push_back(Fr::from_u64(77));
        pts.push_back(G1Affine::generator());
        ks.push_back(Fr::zero());
        QVERIFY(same(msm(pts, ks), reference));
        std::vector<G1Affine> none(10, G1Affine::identity());
        QVERIFY(msm(none, random_scalars(10, 5)).is_identity());
    }

    void batch_affine_kernel_handles_doubling_and_cancellation() {
        // 6000 points through both bucket kernels: the same point with the same scalar
        // again and again (bucket conflicts, doublings), P and −P with equal scalars
        // (additions that cancel to the identity), identity points, and random terms.
        const size_t n = 6000;
        auto pts = random_points(n, 6);
        auto ks = random_scalars(n, 7);
        const G1Affine p = pts[0];
        for (size_t i = 0; i < 1500; ++i) {
            pts[i] = p;
            ks[i] = Fr::from_u64(3);
        }
        for (size_t i = 1500; i < 2500; i += 2) {
            pts[i] = pts[i + 1 + 2000];
            pts[i + 1] = -pts[i];
            ks[i + 1] = ks[i];
        }
        for (size_t i = 2500; i < 2600; ++i) pts[i] = G1Affine::identity();
        ks[5999] = minus_one();
        const G1 reference = msm_naive(pts, ks);
        QVERIFY(same(msm(pts, ks), reference));
        for (unsigned c : {11u, 12u, 14u}) {  // ≥ 1024 buckets: batch-affine (top window Jacobian)
            QVERIFY2(same(msm_detail::pippenger(pts, ks, c, true), reference), qPrintable(QString("c = %1").arg(c)));
            QVERIFY(same(msm_detail::pippenger(pts, ks, c, false), reference));
        }
    }

    void window_digits_recombine_to_the_scalar() {
        // The per-window recoding (Terms::digit) for every width msm() may choose: the
        // digits give back ±k (Σ d_w·2^(wc), in Fr: |Σ| < 2^130 < r, so equality there is
        // equality of integers), stay within the buckets (|d| ≤ 2^(c−1), the top window's
        // ≤ 2^(its bits)), and a negative term negates every digit. Edges: all ones, one
        // bit, 2^127, and 0x7fff8000·2^(16j), whose 16-bit digits reach ±2^15.
        std::vector<u128> ks = {0, 1, 2, 3, ~u128(0), ~u128(0) >> 1, u128(1) << 127, (u128(1) << 127) + 1};
        for (unsigned j = 0; j < 7; ++j) ks.push_back(u128(0x7fff8000) << (16 * j));
        SeededRandom rng(50);
        for (int i = 0; i < 100; ++i) {
            uint64_t w[2];
            rng.fill(std::span(reinterpret_cast<uint8_t*>(w), sizeof w));
            ks.push_back(u128(w[0]) | (u128(w[1]) << 64));
            ks.push_back(u128(w[0]) >> (i % 64));
        }
        const std::vector<G1Affine> none(1);
        const Fr two = Fr::from_u64(2);
        for (unsigned c = 2; c <= 16; ++c) {
            for (const u128 k : ks) {
                for (const uint8_t negative : {uint8_t(0), uint8_t(1)}) {
                    const u128 mag[1] = {k};
                    const uint8_t sign[1] = {negative};
                    const msm_detail::Terms terms{none, {}, mag, sign};
                    const unsigned bits = bit_length(k), windows = (bits + c) / c;
                    Fr sum = Fr::zero();
                    for (unsigned w = 0; w < windows; ++w) {
                        const msm_detail::Digit d = terms.digit(0, w * c, c);
                        const uint32_t m = msm_detail::digit_magnitude(d);
                        const uint32_t bound = w + 1 < windows ? 1u << (c - 1) : std::min(1u << (c - 1), 1u << (bits - c * w));
                        QVERIFY2(m <= bound, qPrintable(QString("c = %1, window %2").arg(c).arg(w)));
                        QVERIFY(m != 0 || d == 0);
                        const Fr term = Fr::from_u64(m) * two.pow(uint64_t(w) * c);
                        sum = msm_detail::digit_negative(d) ? sum - term : sum + term;
                    }
                    const Fr expected = negative ? -fr_from_u128(k) : fr_from_u128(k);
                    QVERIFY2(sum == expected, qPrintable(QString("c = %1, k = %2").arg(c).arg(fr_from_u128(k).to_hex().c_str())));
                }
            }
        }
    }

    void glv_halves_that_meet_in_one_bucket() {
        // GLV puts φ(P) = λ·P into the MSM next to P (k ≡ k1 + k2·λ). For k = a·(1 + λ) the
        // halves are often nearly equal, so P and φ(P) share the upper windows' buckets; inputs
        // that also hold φ(P), −φ(P) and P again make equal and opposite points meet across
        // the two halves (doublings, cancellations, conflicts). Both kernels, every GLV
        // width msm() uses (13, 15, 16), and msm() itself, against msm_naive.
        const size_t n = 3000;
        auto pts = random_points(n, 40);
        auto ks = random_scalars(n, 41);
        const Fq& beta = curve_detail::glv_beta();
        const Fr lambda = *Fr::from_canonical(curve_detail::glv_lambda());
        SeededRandom rng(42);
        size_t close = 0;  // groups whose halves share the upper windows' digits
        for (size_t i = 0; i + 3 < 1600; i += 4) {
            uint64_t a[2];
            rng.fill(std::span(reinterpret_cast<uint8_t*>(a), sizeof a));
            const u128 small = (u128(a[0]) | (u128(a[1]) << 64)) >> 8;
            const Fr k = fr_from_u128(small) * (Fr::one() + lambda);
            const auto halves = curve_detail::glv_decompose_g1(k.to_canonical());
            // (a, a) is one short decomposition; the floor rounding may return (a, a) plus a
            // lattice vector, whose halves often still agree in their upper 64 bits.
            const u128 gap = halves[0].magnitude > halves[1].magnitude ? halves[0].magnitude - halves[1].magnitude
                                                                       : halves[1].magnitude - halves[0].magnitude;
            close += halves[0].negative == halves[1].negative && gap < (u128(1) << 64);
            const G1Affine phi{pts[i].x * beta, pts[i].y, false};
            pts[i + 1] = phi;
            pts[i + 2] = -phi;
            pts[i + 3] = pts[i];
            for (size_t j = 0; j < 4; ++j) ks[i + j] = k;
        }
        QVERIFY2(close >= 100, qPrintable(QString("%1 of 400 groups meet across the halves").arg(close)));
        ks[2000] = Fr::zero();
        ks[2001] = minus_one();
        pts[2002] = G1Affine::identity();
        const G1 reference = msm_naive(pts, ks);
        QVERIFY(same(msm(pts, ks), reference));
        for (unsigned c : {13u, 15u, 16u}) {
            QVERIFY2(same(msm_detail::pippenger(pts, ks, c, true), reference), qPrintable(QString("c = %1").arg(c)));
            QVERIFY(same(msm_detail::pippenger(pts, ks, c, false), reference));
        }
    }

    void scalars_of_128_and_129_bits_take_the_short_and_the_glv_path() {
        // Up to 128 bits the scalars go in whole (one term a point), from 129 bits through
        // GLV: the all-ones 128-bit scalar, 2^128, and 16-bit digits of ±2^15 at c = 16.
        const size_t n = 2500;
        const auto pts = random_points(n, 43);
        for (const u128 top : {~u128(0), u128(0x7fff8000) << 96}) {
            std::vector<Fr> ks(n, fr_from_u128(top));
            for (size_t i = 0; i < n; i += 3) ks[i] = fr_from_u128(u128(0x7fff8000) << (16 * (i % 7)));
            for (const bool glv : {false, true}) {
                if (glv) ks[7] = Fr::from_u64(2).pow(uint64_t(128));
                const G1 reference = msm_naive(pts, ks);
                QVERIFY(same(msm(pts, ks), reference));
                for (unsigned c : {13u, 16u})
                    QVERIFY2(same(msm_detail::pippenger(pts, ks, c, true), reference),
                             qPrintable(QString("c = %1, glv = %2").arg(c).arg(glv)));
            }
        }
    }

    void small_signed_scalars_take_the_signed_path() {
        // A witness column: small integers of both signs (−s is r − s), zeros, and a few long
        // blinding values. Short signed terms, the long ones in a second MSM; past 96 bits or
        // past n/8 long scalars the GLV path as before. Both kernels, explicit widths too.
        const size_t n = 9000;
        const auto pts = random_points(n, 51);
        SeededRandom rng(52);
        const auto small = [&](unsigned bits) {
            uint64_t x = 0;
            rng.fill(std::span(reinterpret_cast<uint8_t*>(&x), sizeof x));
            return fr_from_u128(u128(x) % (u128(1) << bits));
        };
        for (const unsigned bits : {1u, 40u, 96u, 97u}) {
            for (const size_t longs : {size_t(0), size_t(5), n / 8, n / 8 + 1}) {
                std::vector<Fr> ks(n);
                for (size_t i = 0; i < n; ++i) {
                    const Fr v = bits == 97 ? fr_from_u128(u128(1) << 96) + small(40) : small(std::min(bits, 64u));
                    ks[i] = i % 5 == 0 ? Fr::zero() : (i % 2 ? -v : v);
                }
                if (bits == 96) ks[1] = -fr_from_u128((u128(1) << 96) - 1), ks[2] = fr_from_u128((u128(1) << 96) - 1);
                ks[3] = minus_one();
                for (size_t j = 0; j < longs; ++j) ks[(j * 7919 + 11) % n] = Fr::random(rng);
                const G1 reference = msm_naive(pts, ks);
                const QString what = QString("bits %1, long scalars %2").arg(bits).arg(longs);
                QVERIFY2(same(msm(pts, ks), reference), qPrintable(what));
                QVERIFY2(same(msm_detail::pippenger(pts, ks, 11, false), reference), qPrintable(what + ", Jacobian"));
            }
        }
    }

    void equal_scalars_over_distinct_points_match_the_naive_sum() {
        // A permutation product's scalars: long runs of one value, so every window puts
        // thousands of points into one bucket (the Jacobian side buckets take the overflow).
        const size_t n = 8192;
        const auto pts = random_points(n, 21);
        auto ks = random_scalars(n, 22);
        for (size_t i = 0; i < 8000; ++i) ks[i] = ks[8191];
        const G1 reference = msm_naive(pts, ks);
        QVERIFY(same(msm(pts, ks), reference));
        QVERIFY(same(msm_detail::pippenger(pts, ks, 13, true), reference));
    }

    // Runs of equal scalars collapse to one term each (msm_detail::collapse_equal_runs): runs
    // longer than a summing piece (4096), runs of zeros, single terms between runs, identity
    // points inside a run, and a run whose points sum to the identity.
    void runs_of_equal_scalars_collapse_to_one_term_each() {
        const size_t n = 20000;
        auto pts = random_points(n, 31);
        auto ks = random_scalars(n, 32);
        const Fr k1 = ks[0], k2 = ks[1];
        for (size_t i = 100; i < 9100; ++i) ks[i] = k1;           // crosses two piece boundaries
        for (size_t i = 9100; i < 12000; ++i) ks[i] = Fr::zero();  // zeros are left out
        for (size_t i = 12000; i < 16000; ++i) ks[i] = k2;
        for (size_t i = 12000; i < 12100; ++i) pts[i] = G1Affine{};  // identity points in a run
        for (size_t i = 16000; i < 16010; i += 2) {                 // P, −P, … under one scalar
            ks[i] = ks[i + 1] = (i / 2) % 2 ? k2 : k1;  // neighbouring pairs differ
            pts[i + 1] = G1Affine{pts[i].x, -pts[i].y, false};
        }
        const auto runs = msm_detail::collapse_equal_runs(pts, ks);
        QVERIFY(runs.has_value());
        // 100 + 1 + 1 + 5 + 3990 terms: the singles before the first run, the two long runs,
        // the five cancelling pairs, the singles after them.
        QCOMPARE(runs->scalars.size(), size_t(100 + 1 + 1 + 5 + 3990));
        QVERIFY(!runs->points[100].infinity && !runs->points[101].infinity);  // the long runs
        for (size_t r = 102; r < 107; ++r) QVERIFY(runs->points[r].infinity);
        const G1 reference = msm_detail::pippenger(pts, ks, 13, true);
        QVERIFY(same(msm_detail::pippenger(runs->points, runs->scalars, 13, true), reference));
        QVERIFY(same(msm(pts, ks), reference));
        // Small enough for the one-at-a-time oracle.
        std::vector<G1Affine> few(pts.begin() + 11990, pts.begin() + 12200);
        std::vector<Fr> few_ks(ks.begin() + 11990, ks.begin() + 12200);
        QVERIFY(same(msm(few, few_ks), msm_naive(few, few_ks)));
        // Random scalars never repeat, and a few repeats are not worth a pass: no collapse.
        QVERIFY(!msm_detail::collapse_equal_runs(pts, random_scalars(n, 33)).has_value());
        auto few_repeats = random_scalars(n, 34);
        for (size_t i = 0; i < n / 4; ++i) few_repeats[i] = k1;
        QVERIFY(!msm_detail::collapse_equal_runs(pts, few_repeats).has_value());
    }

    // The buckets' weighted sum runs segments of buckets side by side (weighted_sum): with
    // c = 11 a window has 1024 buckets in 64 segments of 16, so digits 18 and 17 are buckets 17
    // and 16, both in segment 1. P and −P there make that segment's running sum cancel; P and
    // −2P make its total cancel (2P − 2P). The term 2^20·Q only makes the window a full one.
    void segment_sums_that_cancel_are_exact() {
        const auto base = random_points(2, 41);
        const G1Affine p = base[0], q = base[1];
        const G1Affine minus_two_p = (-(G1::from_affine(p) + G1::from_affine(p))).to_affine();
        for (const G1Affine& other : {G1Affine{p.x, -p.y, false}, minus_two_p}) {
            const std::vector<G1Affine> pts = {p, other, q};
            const std::vector<Fr> ks = {Fr::from_u64(18), Fr::from_u64(17), Fr::from_u64(uint64_t(1) << 20)};
            QVERIFY(same(msm_detail::pippenger(pts, ks, 11, true), msm_naive(pts, ks)));
        }
    }

    void all_terms_cancel_to_the_identity() {
        const auto base = random_points(2500, 8);
        const auto ks0 = random_scalars(2500, 9);
        std::vector<G1Affine> pts;
        std::vector<Fr> ks;
        for (size_t i = 0; i < base.size(); ++i) {
            pts.push_back(base[i]);
            ks.push_back(ks0[i]);
            pts.push_back(base[i]);
            ks.push_back(-ks0[i]);
        }
        QVERIFY(msm(pts, ks).is_identity());
        QVERIFY(msm_detail::pippenger(pts, ks, 12, true).is_identity());
    }

    // A stop asked for while an MSM runs ends it at the next window (and throws, so no
    // partial sum is ever used); a sink that never stops changes nothing.
    void a_cancelled_sink_stops_the_msm() {
        struct Sink final : ProgressSink {
            bool stop = false;
            void begin_stage(std::string_view, uint64_t) override {}
            void advance(uint64_t) override {}
            void end_stage() override {}
            bool cancelled() const override { return stop; }
        } sink;
        const auto pts = random_points(4096, 30);
        const auto ks = random_scalars(4096, 31);
        QVERIFY(same(msm(pts, ks, &sink), msm_naive(pts, ks)));
        sink.stop = true;
        QVERIFY_THROWS_EXCEPTION(Cancelled, msm(pts, ks, &sink));
        QVERIFY_THROWS_EXCEPTION(Cancelled, msm_detail::pippenger(pts, ks, 10, true, &sink));
    }

    void one_and_two_threads_agree() {
        const size_t n = 20000;  // > 2^13: the batch-affine kernel
        const auto pts = random_points(n, 10);
        const auto ks = random_scalars(n, 11);
        tbb::task_arena one(1), two(2);
        const G1 a = one.execute([&] { return msm(pts, ks); });
        const G1 b = two.execute([&] { return msm(pts, ks); });
        QVERIFY(same(a, b));
        // and the sum is right: Σ k_i P_i = Σ_i k_i·P_i split in halves by linearity
        const std::span<const G1Affine> p(pts);
        const std::span<const Fr> k(ks);
        QVERIFY(same(a, msm(p.first(n / 2), k.first(n / 2)) + msm(p.subspan(n / 2), k.subspan(n / 2))));
    }

    void fixed_base_multiples_match_scalar_multiplication() {
        const auto ks = random_scalars(300, 12);
        std::vector<Fr> all{Fr::zero(), Fr::one(), minus_one()};
        all.insert(all.end(), ks.begin(), ks.end());
        const auto out = fixed_base_mul_many(G1Affine::generator(), all);
        QCOMPARE(out.size(), all.size());
        for (size_t i = 0; i < all.size(); ++i)
            QVERIFY(out[i] == (G1::generator() * all[i]).to_affine());
    }

    void secret_fixed_base_multiples_match_scalar_multiplication() {
        // The table-scan path for τ: every digit pattern's edge (0, 1, 15·16^j, r − 1,
        // 2^252) and random scalars, against the variable-time multiplication.
        auto all = random_scalars(200, 13);
        all.insert(all.end(), {Fr::zero(), Fr::one(), minus_one(), Fr::from_u64(15), Fr::from_u64(16),
                               Fr::from_u64(0xffff), Fr::from_u64(2).pow(uint64_t(252))});
        const G1Affine base = (G1::generator() * Fr::from_u64(77)).to_affine();
        const auto out = fixed_base_mul_many_secret(base, all);
        for (size_t i = 0; i < all.size(); ++i)
            QVERIFY2(out[i] == (G1::from_affine(base) * all[i]).to_affine(), qPrintable(QString::number(i)));
    }
};

QTEST_APPLESS_MAIN(TestMsm)
#include "tst_msm.moc"
