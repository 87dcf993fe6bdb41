// MSM against Σ k_i·P_i computed one scalar multiplication at a time, for random sizes,
// the edge cases (n = 0, 1; scalars 0, 1, r − 1; repeated, opposite and infinite points),
// both bucket kernels (Jacobian below 2^12 points, batch-affine above), the fixed-base
// path, and equality of the results with 1 and 2 threads.
#include "core/msm/bucket_accumulation.hpp"
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
