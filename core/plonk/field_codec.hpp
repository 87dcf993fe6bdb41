#pragma once
// Field elements in the proof system's binary formats: canonical little-endian (the
// value, not the Montgomery form, is what is hashed into the vk digest).
#include "core/field/fr.hpp"
#include "core/util/byte_codec.hpp"

namespace ps::plonk {

inline void write_fr(ByteWriter& out, const Fr& v) { out.raw(v.to_bytes_le()); }

inline void write_frs(ByteWriter& out, std::span<const Fr> v) {
    out.u64(v.size());
    for (const Fr& x : v) write_fr(out, x);
}

inline Fr read_fr(ByteReader& in) {
    const auto b = in.raw(32);
    const auto v = Fr::from_bytes_le(std::span<const uint8_t, 32>(b.data(), 32));
    if (!v) in.fail("a field element is not below the scalar field modulus", 32);
    return *v;
}

inline std::vector<Fr> read_frs(ByteReader& in) {
    std::vector<Fr> v(in.count(32));
    for (Fr& x : v) x = read_fr(in);
    return v;
}

}  // namespace ps::plonk
