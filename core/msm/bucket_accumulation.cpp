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

    // Σ_b (b+1)·bucket[b]. The running-sum trick is a chain, one bucket at a time; here the
    // buckets split into S segments whose running sums advance side by side, so each step is
    // one batch of S affine additions (add_pairs) instead of S Jacobian ones. Segment s, of
    // buckets [s·L, (s+1)·L), yields T_s = Σ (b − s·L + 1)·bucket[b] and R_s = Σ bucket[b];
    // the whole is Σ_s T_s + L·Σ_s s·R_s. The Jacobian side buckets join their affine ones first.
    G1 weighted_sum() {
        const size_t count = bucket_.size();
        if (count < BATCH_AFFINE_MIN_BUCKETS)  // only when called directly: too few for segments of 16
            return sum_buckets(count, [&](size_t b, G1& running) {
                if (occupied_[b]) running = running.add_mixed(G1Affine{bucket_[b].x, bucket_[b].y, false});
                if (!side_.empty()) running = running + side_[b];
            });
        fold_side_buckets();
        const size_t segments = std::min<size_t>(256, count / 16), length = (count + segments - 1) / segments;
        std::vector<Bucket> running(segments), total(segments);
        std::vector<uint8_t> running_set(segments, 0), total_set(segments, 0);
        std::vector<uint32_t> pending;  // segments whose accumulator takes an addition this step
        std::vector<const Bucket*> addend(segments);
        // acc[s] += *from[s] for the segments in `pending`, empty accumulators simply taking it.
        const auto step = [&](std::vector<Bucket>& acc, std::vector<uint8_t>& acc_set, auto&& from) {
            pending.clear();
            for (uint32_t k = 0; k < segments; ++k) {
                const Bucket* b = from(k);
                if (!b) continue;
                if (!acc_set[k]) {
                    acc[k] = *b;
                    acc_set[k] = 1;
                    continue;
                }
                addend[k] = b;
                pending.push_back(k);
            }
            add_pairs(
                pending.size(), [&](size_t t) -> Bucket& { return acc[pending[t]]; },
                [&](size_t t) { return G1Affine{addend[pending[t]]->x, addend[pending[t]]->y, false}; },
                [&](size_t t) { acc_set[pending[t]] = 0; });
        };
        for (size_t j = length; j-- > 0;) {
            step(running, running_set, [&](uint32_t k) -> const Bucket* {
                const size_t b = k * length + j;
                return b < count && occupied_[b] ? &bucket_[b] : nullptr;
            });
            step(total, total_set, [&](uint32_t k) -> const Bucket* { return running_set[k] ? &running[k] : nullptr; });
        }
        const auto jacobian = [](const Bucket& b, uint8_t set) {
            return set ? G1::from_affine(G1Affine{b.x, b.y, false}) : G1::identity();
        };
        G1 sum = G1::identity();
        for (size_t k = 0; k < segments; ++k) sum = sum + jacobian(total[k], total_set[k]);
        G1 shifted = sum_buckets(segments - 1, [&](size_t k, G1& acc) { acc = acc + jacobian(running[k + 1], running_set[k + 1]); });
        return sum + shifted * Fr::from_u64(length);
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

    // bucket[b] += side[b] for every side bucket in use (a few per window: points that collided
    // in two batches running), as one batch of affine additions; then no side buckets remain.
    void fold_side_buckets() {
        if (side_.empty()) return;
        std::vector<uint32_t> which;
        std::vector<G1> jacobian;
        for (uint32_t b = 0; b < side_.size(); ++b)
            if (!side_[b].is_identity()) {
                which.push_back(b);
                jacobian.push_back(side_[b]);
            }
        std::vector<G1Affine> affine(jacobian.size());
        G1::batch_to_affine(jacobian, affine);
        std::vector<uint32_t> pending;
        for (uint32_t i = 0; i < which.size(); ++i) {
            if (affine[i].infinity) continue;
            if (occupied_[which[i]]) {
                pending.push_back(i);
                continue;
            }
            bucket_[which[i]] = Bucket{affine[i].x, affine[i].y};
            occupied_[which[i]] = 1;
        }
        add_pairs(
            pending.size(), [&](size_t t) -> Bucket& { return bucket_[which[pending[t]]]; },
            [&](size_t t) { return affine[pending[t]]; }, [&](size_t t) { occupied_[which[pending[t]]] = 0; });
        side_.clear();
    }

    // The scheduled additions as one batch.
    void execute() {
        add_pairs(
            sched_.size(), [&](size_t t) -> Bucket& { return bucket_[sched_[t].bucket]; },
            [&](size_t t) { return point(sched_[t].ref); }, [&](size_t t) { occupied_[sched_[t].bucket] = 0; });
        sched_.clear();
        ++epoch_;
    }

    // acc(t) += add(t) for t < m: m independent additions of affine points, none the identity,
    // with one shared inversion; cancelled(t) is told when the sum is the identity (acc(t) is then
    // left as it was). λ = (y2 − y1)/(x2 − x1) (or 3x²/2y when doubling), x3 = λ² − x1 − x2,
    // y3 = λ(x1 − x3) − y1, in passes over the batch, so that the products run as element-wise
    // vectors (mul_each: eight lanes of IFMA where the CPU has them) and the denominators invert
    // as one product tree, by the variable-time inversion: the MSM is variable time (msm.hpp).
    template <class Acc, class Add, class Cancelled>
    void add_pairs(size_t m, Acc&& acc, Add&& add, Cancelled&& cancelled) {
        if (denom_.size() < m) {  // the batch's working vectors, grown here only
            for (auto* v : {&denom_, &lambda_, &x_sum_, &work_}) v->resize(m);
            kind_.resize(m);
        }
        const std::span<Fq> denom(denom_.data(), m), lambda(lambda_.data(), m), x_sum(x_sum_.data(), m),
            work(work_.data(), m);
        for (size_t t = 0; t < m; ++t) {
            if (t + 4 < m) __builtin_prefetch(&acc(t + 4));
            const Bucket& q = acc(t);
            const G1Affine p = add(t);
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
            if (kind_[t] == CANCEL) {
                cancelled(t);
                continue;
            }
            Bucket& q = acc(t);
            const Fq x3 = work[t] - x_sum[t];
            work[t] = q.x - x3;
            q.x = x3;
        }
        mul_each<Fq>(work, lambda, work);
        for (size_t t = 0; t < m; ++t) {
            if (kind_[t] == CANCEL) continue;
            Bucket& q = acc(t);
            q.y = work[t] - q.y;
        }
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
