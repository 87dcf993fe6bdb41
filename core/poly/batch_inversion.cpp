#include "core/poly/batch_inversion.hpp"

#include "core/field/invert_each.hpp"

#include <tbb/parallel_for.h>
#include <vector>

namespace ps {

namespace {

struct Scratch {
    std::vector<size_t> zeros;
    std::vector<Fr> tree;
};

// Single-thread kernel on one chunk: zeros stand in as ones for the product tree, then go back
// to zero. The inversion is constant time: these values can depend on the witness.
void batch_invert_chunk(std::span<Fr> v, Scratch& s) {
    s.zeros.clear();
    for (size_t i = 0; i < v.size(); ++i)
        if (v[i].is_zero()) {
            s.zeros.push_back(i);
            v[i] = Fr::one();
        }
    invert_each_nonzero(v, InversionTiming::constant, s.tree);
    for (size_t i : s.zeros) v[i] = Fr::zero();
}

}  // namespace

void batch_invert(std::span<Fr> values) {
    // Fixed chunk boundaries: the work split does not depend on the thread count (and
    // the result is exact anyway). One inversion (~250 muls) per 4096 elements is noise.
    constexpr size_t CHUNK = 4096;
    const size_t chunks = (values.size() + CHUNK - 1) / CHUNK;
    tbb::parallel_for(size_t(0), chunks, [&](size_t c) {
        thread_local Scratch scratch;
        const size_t lo = c * CHUNK;
        const size_t len = std::min(CHUNK, values.size() - lo);
        batch_invert_chunk(values.subspan(lo, len), scratch);
    });
}

}  // namespace ps
