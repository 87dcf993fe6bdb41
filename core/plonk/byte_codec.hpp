#pragma once
// Little-endian encoding for the proof system's own binary formats (constraint system,
// pk.key, vk.key). The reader never reads past the end: a truncated input is a
// ps::Error naming where and at which offset.
#include "core/field/fr.hpp"
#include "core/util/error.hpp"

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

namespace ps::plonk {

class Encoder {
public:
    void u8(uint8_t v) { out_.push_back(v); }
    void u32(uint32_t v) { put(&v, 4); }
    void u64(uint64_t v) { put(&v, 8); }
    void i32(int32_t v) { put(&v, 4); }
    void bytes(std::span<const uint8_t> b) { put(b.data(), b.size()); }
    void str(const std::string& s) {
        u64(s.size());
        put(s.data(), s.size());
    }
    // Canonical little-endian: the value, not the Montgomery form, is what is hashed.
    void fr(const Fr& v) { bytes(v.to_bytes_le()); }
    void frs(std::span<const Fr> v) {
        u64(v.size());
        for (const Fr& x : v) fr(x);
    }
    std::vector<uint8_t>& data() { return out_; }

private:
    void put(const void* p, size_t n) {  // x86-64 is little-endian (ARCHITECTURE.md)
        if (n == 0) return;
        const size_t at = out_.size();
        out_.resize(at + n);
        std::memcpy(out_.data() + at, p, n);
    }
    std::vector<uint8_t> out_;
};

class Decoder {
public:
    Decoder(std::span<const uint8_t> in, std::string where) : in_(in), where_(std::move(where)) {}

    uint8_t u8() { uint8_t v; get(&v, 1); return v; }
    uint32_t u32() { uint32_t v; get(&v, 4); return v; }
    uint64_t u64() { uint64_t v; get(&v, 8); return v; }
    int32_t i32() { int32_t v; get(&v, 4); return v; }
    std::span<const uint8_t> bytes(size_t n) {
        need(n);
        auto s = in_.subspan(pos_, n);
        pos_ += n;
        return s;
    }
    std::string str() {
        auto s = bytes(count(1));
        return std::string(s.begin(), s.end());
    }
    Fr fr() {
        auto b = bytes(32);
        auto v = Fr::from_bytes_le(std::span<const uint8_t, 32>(b.data(), 32));
        if (!v) fail("a field element is not below the scalar field modulus", 32);
        return *v;
    }
    std::vector<Fr> frs() {
        std::vector<Fr> v(count(32));
        for (Fr& x : v) x = fr();
        return v;
    }
    // A length prefix, checked against what is left so a corrupt count cannot allocate.
    uint64_t count(size_t element_size) {
        const uint64_t n = u64();
        if (element_size && n > remaining() / element_size)
            fail("length " + std::to_string(n) + " exceeds the " + std::to_string(remaining()) +
                     " bytes left: truncated or corrupted",
                 8);
        return n;
    }
    size_t remaining() const { return in_.size() - pos_; }
    size_t position() const { return pos_; }
    [[noreturn]] void fail(const std::string& problem, size_t back = 0) const {
        throw Error(where_ + " at offset " + std::to_string(pos_ - back), problem,
                    "regenerate the file");
    }

private:
    void need(size_t n) const {
        if (n > remaining())
            fail("unexpected end of data (needs " + std::to_string(n) + " more bytes, " +
                 std::to_string(remaining()) + " left): truncated");
    }
    void get(void* p, size_t n) {
        need(n);
        if (n) std::memcpy(p, in_.data() + pos_, n);
        pos_ += n;
    }
    std::span<const uint8_t> in_;
    std::string where_;
    size_t pos_ = 0;
};

}  // namespace ps::plonk
