#pragma once
// 256-bit unsigned integers as 4 little-endian 64-bit limbs, with the few constexpr
// operations the Montgomery fields need to derive their constants at compile time.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ps {

using u128 = unsigned __int128;

struct U256 {
    std::array<uint64_t, 4> limb{};  // limb[0] least significant

    constexpr bool operator==(const U256&) const = default;
    constexpr bool is_zero() const { return (limb[0] | limb[1] | limb[2] | limb[3]) == 0; }
    constexpr bool bit(unsigned i) const { return (limb[i / 64] >> (i % 64)) & 1; }
    constexpr unsigned bit_length() const {
        for (int i = 3; i >= 0; --i)
            if (limb[i]) return unsigned(i) * 64 + 64 - unsigned(__builtin_clzll(limb[i]));
        return 0;
    }

    static constexpr U256 from_u64(uint64_t v) { return U256{{v, 0, 0, 0}}; }
    // Parses "0x..." hex or decimal; nullopt on a bad digit or overflow.
    static std::optional<U256> parse(std::string_view text);
    std::string to_dec() const;
    std::string to_hex() const;  // "0x" + 64 lowercase hex digits, big-endian
};

// a < b
constexpr bool lt(const U256& a, const U256& b) {
    for (int i = 3; i >= 0; --i)
        if (a.limb[i] != b.limb[i]) return a.limb[i] < b.limb[i];
    return false;
}

// r = a + b, returns the carry out
constexpr uint64_t add_to(U256& r, const U256& a, const U256& b) {
    u128 c = 0;
    for (int i = 0; i < 4; ++i) {
        c += u128(a.limb[i]) + b.limb[i];
        r.limb[i] = uint64_t(c);
        c >>= 64;
    }
    return uint64_t(c);
}

// r = a - b, returns the borrow out
constexpr uint64_t sub_to(U256& r, const U256& a, const U256& b) {
    uint64_t borrow = 0;
    for (int i = 0; i < 4; ++i) {
        const u128 d = u128(a.limb[i]) - b.limb[i] - borrow;
        r.limb[i] = uint64_t(d);
        borrow = uint64_t(d >> 64) & 1;
    }
    return borrow;
}

constexpr U256 shr1(const U256& a) {
    U256 r;
    for (int i = 0; i < 4; ++i)
        r.limb[i] = (a.limb[i] >> 1) | (i < 3 ? a.limb[i + 1] << 63 : 0);
    return r;
}

// (a + b) mod m for a, b < m, m < 2^255
constexpr U256 add_mod(const U256& a, const U256& b, const U256& m) {
    U256 r;
    add_to(r, a, b);
    if (!lt(r, m)) sub_to(r, r, m);
    return r;
}

}  // namespace ps
