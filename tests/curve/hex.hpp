#pragma once
// Hex <-> bytes for the known-answer vectors of the curve tests.
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_hex {

inline std::vector<uint8_t> decode(const std::string& hex) {
    if (hex.size() % 2) throw std::invalid_argument("odd-length hex string");
    auto nibble = [](char c) -> uint8_t {
        if (c >= '0' && c <= '9') return uint8_t(c - '0');
        if (c >= 'a' && c <= 'f') return uint8_t(c - 'a' + 10);
        if (c >= 'A' && c <= 'F') return uint8_t(c - 'A' + 10);
        throw std::invalid_argument("bad hex digit");
    };
    std::vector<uint8_t> out(hex.size() / 2);
    for (size_t i = 0; i < out.size(); ++i) out[i] = uint8_t(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
    return out;
}

inline std::string encode(std::span<const uint8_t> bytes) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t b : bytes) {
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

}  // namespace test_hex
