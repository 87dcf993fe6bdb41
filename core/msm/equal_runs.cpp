#include "core/msm/equal_runs.hpp"

#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>

namespace ps::msm_detail {

namespace {

size_t equal_nonzero_neighbours(std::span<const Fr> scalars) {
    return tbb::parallel_reduce(
        tbb::blocked_range<size_t>(1, std::max<size_t>(scalars.size(), 1), 8192), size_t(0),
        [&](const auto& r, size_t count) {
            for (size_t i = r.begin(); i < r.end(); ++i)
                count += scalars[i] == scalars[i - 1] && !scalars[i].is_zero();
            return count;
        },
        [](size_t a, size_t b) { return a + b; });
}

// A stretch of one run, at most PIECE points long, so that a run of 2^18 points is summed by
// every thread rather than by one.
struct Piece {
    size_t begin, end, run;
};
constexpr size_t PIECE = 4096;

}  // namespace

std::optional<CollapsedTerms> collapse_equal_runs(std::span<const G1Affine> points, std::span<const Fr> scalars,
                                                  size_t min_share) {
    const size_t n = scalars.size();
    if (n < 2 || equal_nonzero_neighbours(scalars) * min_share < n) return std::nullopt;
    CollapsedTerms out;
    std::vector<Piece> pieces;
    for (size_t begin = 0; begin < n;) {
        size_t end = begin + 1;
        while (end < n && scalars[end] == scalars[begin]) ++end;
        if (!scalars[begin].is_zero()) {
            for (size_t b = begin; b < end; b += PIECE) pieces.push_back({b, std::min(end, b + PIECE), out.scalars.size()});
            out.scalars.push_back(scalars[begin]);
        }
        begin = end;
    }
    std::vector<G1> piece_sums(pieces.size());
    tbb::parallel_for(size_t(0), pieces.size(), [&](size_t k) {
        G1 sum = G1::identity();
        for (size_t i = pieces[k].begin; i < pieces[k].end; ++i)
            if (!points[i].infinity) sum = sum.add_mixed(points[i]);
        piece_sums[k] = sum;
    });
    std::vector<G1> run_sums(out.scalars.size(), G1::identity());
    for (size_t k = 0; k < pieces.size(); ++k) run_sums[pieces[k].run] = run_sums[pieces[k].run] + piece_sums[k];
    out.points.resize(run_sums.size());
    G1::batch_to_affine(run_sums, out.points);
    return out;
}

}  // namespace ps::msm_detail
