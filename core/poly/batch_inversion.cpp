#include "core/poly/batch_inversion.hpp"
#include <tbb/parallel_for.h>
#include <vector>

namespace ps {

namespace {

// Single-thread kernel on one chunk: prefix products forward, one inverse, then back.
void batch_invert_chunk(std::span<Fr> v, std::vector<Fr>& prefix) {
    prefix.resize(v.size());
    Fr acc = Fr::one();
    for (size_t i = 0; i < v.size(); ++i) {
        prefix[i] = acc;
        if (!v[i].is_zero()) acc *= v[i];
    }
    Fr inv = acc.inverse();
    for (size_t i = v.size(); i-- > 0;) {
        if (v[i].is_zero()) continue;
        const Fr vi = v[i];
        v[i] = inv * prefix[i];
        inv *= vi;
    }
}

}  // namespace

void batch_invert(std::span<Fr> values) {
    // Fixed chunk boundaries: the work split does not depend on the thread count (and
    // the result is exact anyway). One inversion (~250 muls) per 4096 elements is noise.
    constexpr size_t CHUNK = 4096;
    const size_t chunks = (values.size() + CHUNK - 1) / CHUNK;
    tbb::parallel_for(size_t(0), chunks, [&](size_t c) {
        thread_local std::vector<Fr> prefix;
        const size_t lo = c * CHUNK;
        const size_t len = std::min(CHUNK, values.size() - lo);
        batch_invert_chunk(values.subspan(lo, len), prefix);
    });
}

}  // namespace ps
