#pragma once
// Byte helpers for one base-field coordinate in halo2's raw layout: the Montgomery form's
// four limbs, each little-endian, limb 0 first.
#include "core/field/fq.hpp"
#include <optional>
#include <span>

namespace ps::curve_detail {

inline void put_raw_le(const Fq& v, std::span<uint8_t, 32> out) {
    const U256& m = v.raw();
    for (int i = 0; i < 32; ++i) out[size_t(i)] = uint8_t(m.limb[size_t(i / 8)] >> (8 * (i % 8)));
}

// nullopt when the stored Montgomery value is not reduced (>= p).
inline std::optional<Fq> get_raw_le(std::span<const uint8_t, 32> in) {
    U256 m;
    for (int i = 0; i < 32; ++i) m.limb[size_t(i / 8)] |= uint64_t(in[size_t(i)]) << (8 * (i % 8));
    if (!lt(m, Fq::MODULUS)) return std::nullopt;
    return Fq::from_raw(m);
}

}  // namespace ps::curve_detail
