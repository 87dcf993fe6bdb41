#include "core/msm/fixed_base.hpp"
#include "core/curve/constant_time.hpp"
#include "core/util/error.hpp"
#include <tbb/parallel_for.h>
#include <atomic>
#include <string>

namespace ps {

FixedBaseTable::FixedBaseTable(const G1Affine& base, unsigned window_bits) : w_(window_bits) {
    if (w_ < 1 || w_ > 16)
        throw Error("FixedBaseTable", "window of " + std::to_string(w_) + " bits", "use 1..16");
    windows_ = (256 + w_ - 1) / w_;
    const size_t per = size_t(1) << w_;
    std::vector<G1> jac(windows_ * per);
    G1 window_base = G1::from_affine(base);  // 2^(w·j)·base
    for (size_t j = 0; j < windows_; ++j) {
        jac[j * per] = G1::identity();
        for (size_t d = 1; d < per; ++d) jac[j * per + d] = jac[j * per + d - 1] + window_base;
        for (unsigned b = 0; b < w_; ++b) window_base = window_base.dbl();
    }
    table_.resize(jac.size());
    G1::batch_to_affine(jac, table_);
}

G1 FixedBaseTable::mul(const Fr& k) const {
    const U256 e = k.to_canonical();
    const size_t per = size_t(1) << w_;
    G1 acc = G1::identity();
    for (size_t j = 0; j < windows_; ++j) {
        const unsigned pos = unsigned(j) * w_;
        const unsigned limb = pos / 64, shift = pos % 64;
        uint64_t v = e.limb[limb] >> shift;
        if (shift + w_ > 64 && limb + 1 < 4) v |= e.limb[limb + 1] << (64 - shift);
        const size_t d = size_t(v & (per - 1));
        if (d) acc = acc.add_mixed(table_[j * per + d]);
    }
    return acc;
}

SecretFixedBaseTable::SecretFixedBaseTable(const G1Affine& base) {
    std::vector<G1> jac(64 * 16);
    G1 window_base = G1::from_affine(base);  // 16^j·base
    offset_ = G1::identity();
    for (size_t j = 0; j < 64; ++j) {
        jac[16 * j] = window_base;
        for (size_t d = 1; d < 16; ++d) jac[16 * j + d] = jac[16 * j + d - 1] + window_base;
        offset_ += window_base;
        for (int b = 0; b < 4; ++b) window_base = window_base.dbl();
    }
    table_.resize(jac.size());
    G1::batch_to_affine(jac, table_);
}

G1 SecretFixedBaseTable::mul(const Fr& k) const {
    const U256 e = k.to_canonical();
    const std::span<const G1Affine> table(table_);
    G1 acc = G1::from_affine(ct::select(table.first(16), ct::digit4(e, 0)));
    for (unsigned j = 1; j < 64; ++j) acc = acc.add_mixed(ct::select(table.subspan(16 * j, 16), ct::digit4(e, j)));
    return acc - offset_;
}

namespace {

template <class Table>
std::vector<G1Affine> mul_many(const Table& table, std::span<const Fr> scalars, ProgressStage* progress) {
    std::vector<G1Affine> out(scalars.size());
    constexpr size_t CHUNK = 1024;
    std::atomic<uint64_t> done{0};
    tbb::parallel_for(size_t(0), (scalars.size() + CHUNK - 1) / CHUNK, [&](size_t c) {
        const size_t lo = c * CHUNK, hi = std::min(scalars.size(), lo + CHUNK);
        std::vector<G1> jac(hi - lo);
        for (size_t i = lo; i < hi; ++i) jac[i - lo] = table.mul(scalars[i]);
        G1::batch_to_affine(jac, std::span<G1Affine>(out.data() + lo, hi - lo));
        if (progress) progress->advance(done += hi - lo);
    });
    return out;
}

}  // namespace

std::vector<G1Affine> fixed_base_mul_many(const G1Affine& base, std::span<const Fr> scalars,
                                          ProgressStage* progress) {
    // 2^8-entry windows: 32 mixed additions per multiplication, a 0.6 MiB table.
    return mul_many(FixedBaseTable(base, 8), scalars, progress);
}

std::vector<G1Affine> fixed_base_mul_many_secret(const G1Affine& base, std::span<const Fr> scalars,
                                                 ProgressStage* progress) {
    return mul_many(SecretFixedBaseTable(base), scalars, progress);
}

}  // namespace ps
