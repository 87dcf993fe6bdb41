#include "core/field/u256.hpp"
#include <algorithm>

namespace ps {

std::optional<U256> U256::parse(std::string_view s) {
    U256 r;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s.remove_prefix(2);
        if (s.empty() || s.size() > 64) {
            // Allow leading zeros beyond 64 digits.
            while (s.size() > 64 && s.front() == '0') s.remove_prefix(1);
            if (s.empty() || s.size() > 64) return std::nullopt;
        }
        for (char c : s) {
            unsigned d;
            if (c >= '0' && c <= '9') d = unsigned(c - '0');
            else if (c >= 'a' && c <= 'f') d = unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') d = unsigned(c - 'A' + 10);
            else return std::nullopt;
            for (int i = 3; i > 0; --i) r.limb[i] = (r.limb[i] << 4) | (r.limb[i - 1] >> 60);
            r.limb[0] = (r.limb[0] << 4) | d;
        }
        return r;
    }
    if (s.empty()) return std::nullopt;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        u128 carry = uint64_t(c - '0');
        for (int i = 0; i < 4; ++i) {
            carry += u128(r.limb[i]) * 10;
            r.limb[i] = uint64_t(carry);
            carry >>= 64;
        }
        if (carry) return std::nullopt;
    }
    return r;
}

std::string U256::to_dec() const {
    if (is_zero()) return "0";
    U256 v = *this;
    std::string out;
    while (!v.is_zero()) {
        u128 rem = 0;
        for (int i = 3; i >= 0; --i) {
            const u128 cur = (rem << 64) | v.limb[i];
            v.limb[i] = uint64_t(cur / 10);
            rem = cur % 10;
        }
        out.push_back(char('0' + int(rem)));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::string U256::to_hex() const {
    static const char* digits = "0123456789abcdef";
    std::string out = "0x";
    for (int i = 3; i >= 0; --i)
        for (int n = 15; n >= 0; --n) out.push_back(digits[(limb[i] >> (4 * n)) & 15]);
    return out;
}

}  // namespace ps
