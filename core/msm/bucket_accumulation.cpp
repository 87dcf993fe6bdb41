#include "core/msm/bucket_accumulation.hpp"

#include "core/field/invert_each.hpp"
#include "core/field/mul_each.hpp"

#include <algorithm>
#include <vector>

namespace ps::msm_detail {

namespace {

// Σ_b (b+1)·bucket[b] by the running-sum trick: 2 additions per bucket.
template <class GetBucket>
G1 sum_buckets(size_t count, GetBucket&& get) {
    G1 running = G1::identity(), total = G1::identity();
    for (size_t b = count; b-- > 0;) {
        get(b, running);
        total = total + running;
    }
    return total;
}

}  // namespace

G1 window_sum_jacobian(const Terms& terms, unsigned shift, unsigned c, size_t bucket_count) {
    std::vector<G1> buckets(bucket_count, G1::identity());
    for (size_t j = 0; j < terms.size(); ++j) {
        const Digit d = terms.digit(j, shift, c);
        const G1Affine& p = terms.point(j);
        if (d == 0 || p.infinity) continue;
        G1& bucket = buckets[digit_magnitude(d) - 1];
        bucket = bucket.add_mixed(digit_negative(d) ? -p : p);
    }
    return sum_buckets(buckets.size(), [&](size_t b, G1& running) { running = running + buckets[b]; });
}

namespace {

// Affine buckets; additions queue up in a batch (each bucket at most once per batch) and
// run together with one shared inversion (Montgomery's trick). A point whose bucket is
// already in the batch waits in a conflict queue for the next one; one that collides
// again goes into a Jacobian side bucket by a mixed addition. Without that second rule,
// k points of one bucket (scalars that repeat, as a permutation product's long runs of
// equal values) would need k batches and k inversions: 20× slower at 8 192 equal scalars.
class BatchAffineBuckets {
public:
    // A batch of up to a quarter of the buckets keeps collisions (points waiting for
    // the next batch) near 1/8 of the points; 512 amortises the ~400-multiplication
    // inversion to < 1 multiplication per addition.
    static size_t batch_size_for(size_t buckets) { return std::min<size_t>(512, buckets / 4); }

    BatchAffineBuckets(const Terms& points, size_t bucket_count)
        : batch_(batch_size_for(bucket_count)), max_conflicts_(batch_ / 2), points_(points),
          bucket_(bucket_count), occupied_(bucket_count, 0), stamp_(bucket_count, 0) {
        sched_.reserve(batch_);
        conflicts_.reserve(max_conflicts_ * 2);
        denom_.resize(batch_);
        lambda_.resize(batch_);
        x_sum_.resize(batch_);
        work_.resize(batch_);
        kind_.resize(batch_);
    }

    // bucket b += ±points[i]; `ref` = (i << 1) | negative
    void add(uint32_t b, uint32_t ref) {
        schedule(b, ref, false);
        if (conflicts_.size() >= max_conflicts_) {
            execute();
            drain_conflicts();
        }
    }

    void finish() {
        while (!sched_.empty() || !conflicts_.empty()) {
            execute();
            drain_conflicts();
        }
    }

    G1 weighted_sum() const {
        return sum_buckets(bucket_.size(), [&](size_t b, G1& running) {
            if (occupied_[b]) running = running.add_mixed(G1Affine{bucket_[b].x, bucket_[b].y, false});
            if (!side_.empty()) running = running + side_[b];
        });
    }

private:
    struct Pending {
        uint32_t bucket;
        uint32_t ref;
    };
    enum Kind : uint8_t { ADD, DOUBLE, CANCEL };

    // An affine bucket in exactly one 64-byte cache line (G1Affine's flag makes it 72
    // bytes, straddling two lines); emptiness lives in occupied_. At c = 15 the 16 384
    // buckets of a window are 1 MiB, the L2 of the Zen cores this is tuned on.
    struct alignas(64) Bucket {
        Fq x, y;
    };

    G1Affine point(uint32_t ref) const {
        const G1Affine& p = points_.point(ref >> 1);
        return (ref & 1) ? G1Affine{p.x, -p.y, false} : p;
    }

    void schedule(uint32_t b, uint32_t ref, bool waited) {
        if (!occupied_[b]) {
            const G1Affine p = point(ref);
            bucket_[b] = Bucket{p.x, p.y};
            occupied_[b] = 1;
            return;
        }
        if (stamp_[b] == epoch_) {
            if (!waited) {
                conflicts_.push_back({b, ref});
                return;
            }
            if (side_.empty()) side_.assign(bucket_.size(), G1::identity());
            side_[b] = side_[b].add_mixed(point(ref));
            return;
        }
        stamp_[b] = epoch_;
        sched_.push_back({b, ref});
        if (sched_.size() == batch_) execute();
    }

    // Re-schedules the waiting points; those that collide again wait for the next batch.
    void drain_conflicts() {
        spare_.swap(conflicts_);
        conflicts_.clear();
        for (const Pending& p : spare_) schedule(p.bucket, p.ref, true);
        spare_.clear();
    }

    // Runs the scheduled additions: λ = (y2 − y1)/(x2 − x1) (or 3x²/2y when doubling),
    // x3 = λ² − x1 − x2, y3 = λ(x1 − x3) − y1, for a negated point with −y2 in place of y2.
    // In passes over the whole batch, so that the products run as element-wise vectors
    // (mul_each: eight lanes of IFMA where the CPU has them) and the denominators invert as
    // one product tree, by the variable-time inversion: the MSM is variable time (msm.hpp).
    void execute() {
        const size_t m = sched_.size();
        const std::span<Fq> denom(denom_.data(), m), lambda(lambda_.data(), m), x_sum(x_sum_.data(), m),
            work(work_.data(), m);
        for (size_t t = 0; t < m; ++t) {
            if (t + 4 < m) __builtin_prefetch(&bucket_[sched_[t + 4].bucket]);
            const Bucket& q = bucket_[sched_[t].bucket];
            const G1Affine p = point(sched_[t].ref);
            kind_[t] = ADD;
            denom[t] = p.x - q.x;
            lambda[t] = p.y - q.y;  // the numerator, until it is multiplied by the inverse
            x_sum[t] = q.x + p.x;
            if (denom[t].is_zero()) {
                kind_[t] = p.y == q.y ? DOUBLE : CANCEL;
                if (kind_[t] == DOUBLE) {
                    const Fq xx = q.x.square();
                    lambda[t] = xx.dbl() + xx;
                    denom[t] = q.y.dbl();
                } else {
                    denom[t] = Fq::one();
                }
            }
        }
        invert_each_nonzero(denom, InversionTiming::variable, tree_);
        mul_each<Fq>(lambda, lambda, denom);
        mul_each<Fq>(work, lambda, lambda);
        for (size_t t = 0; t < m; ++t) {
            const uint32_t b = sched_[t].bucket;
            if (kind_[t] == CANCEL) {
                occupied_[b] = 0;
                continue;
            }
            Bucket& q = bucket_[b];
            const Fq x3 = work[t] - x_sum[t];
            work[t] = q.x - x3;
            q.x = x3;
        }
        mul_each<Fq>(work, lambda, work);
        for (size_t t = 0; t < m; ++t) {
            if (kind_[t] == CANCEL) continue;
            Bucket& q = bucket_[sched_[t].bucket];
            q.y = work[t] - q.y;
        }
        sched_.clear();
        ++epoch_;
    }

    size_t batch_, max_conflicts_;
    const Terms& points_;
    std::vector<Bucket> bucket_;
    std::vector<uint8_t> occupied_;
    std::vector<G1> side_;  // Jacobian overflow per bucket, allocated on the first repeat collision
    std::vector<uint32_t> stamp_;
    uint32_t epoch_ = 1;
    std::vector<Pending> sched_, conflicts_, spare_;
    std::vector<Fq> denom_, lambda_, x_sum_, work_, tree_;  // one batch's values, pass by pass
    std::vector<Kind> kind_;
};

}  // namespace

G1 window_sum_batch_affine(const Terms& terms, unsigned shift, unsigned c, size_t bucket_count) {
    BatchAffineBuckets buckets(terms, bucket_count);
    for (size_t j = 0; j < terms.size(); ++j) {
        const Digit d = terms.digit(j, shift, c);
        if (d == 0 || terms.point(j).infinity) continue;
        buckets.add(digit_magnitude(d) - 1, uint32_t(j << 1) | (d & 1));
    }
    buckets.finish();
    return buckets.weighted_sum();
}

}  // namespace ps::msm_detail
