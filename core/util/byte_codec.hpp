#pragma once
// Little-endian binary encoding for every one of the project's own binary formats
// (network.ezkl, pk.key, vk.key, the constraint system). The reader never reads past the
// end: a truncated input is a ps::Error naming the file and offset.
#include "core/util/error.hpp"
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

namespace ps {

class ByteWriter {
public:
    void u8(uint8_t v) { bytes_.push_back(v); }
    void u32(uint32_t v) { put(&v, 4); }
    void u64(uint64_t v) { put(&v, 8); }
    void i32(int32_t v) { put(&v, 4); }
    void i64(int64_t v) { put(&v, 8); }
    void f32(float v) { put(&v, 4); }
    void raw(std::span<const uint8_t> b) { put(b.data(), b.size()); }
    void str(const std::string& s) {
        u64(s.size());
        put(s.data(), s.size());
    }
    void i64s(const std::vector<int64_t>& v) {
        u64(v.size());
        put(v.data(), v.size() * 8);
    }
    void f32s(const std::vector<float>& v) {
        u64(v.size());
        put(v.data(), v.size() * 4);
    }
    std::vector<uint8_t>& bytes() { return bytes_; }

private:
    // The project targets little-endian x86-64 (ARCHITECTURE.md); memcpy is the encoding.
    // (resize + memcpy rather than insert: GCC 12 misreports insert of spans as overflow)
    void put(const void* p, size_t n) {
        if (n == 0) return;
        const size_t at = bytes_.size();
        bytes_.resize(at + n);
        std::memcpy(bytes_.data() + at, p, n);
    }
    std::vector<uint8_t> bytes_;
};

class ByteReader {
public:
    ByteReader(std::span<const uint8_t> bytes, std::string file) : bytes_(bytes), file_(std::move(file)) {}

    uint8_t u8() { uint8_t v; get(&v, 1); return v; }
    uint32_t u32() { uint32_t v; get(&v, 4); return v; }
    uint64_t u64() { uint64_t v; get(&v, 8); return v; }
    int32_t i32() { int32_t v; get(&v, 4); return v; }
    int64_t i64() { int64_t v; get(&v, 8); return v; }
    float f32() { float v; get(&v, 4); return v; }
    std::span<const uint8_t> raw(size_t n) {
        need(n);
        auto s = bytes_.subspan(pos_, n);
        pos_ += n;
        return s;
    }
    std::string str() {
        const uint64_t n = count(1);
        auto s = raw(n);
        return std::string(s.begin(), s.end());
    }
    std::vector<int64_t> i64s() {
        std::vector<int64_t> v(count(8));
        get(v.data(), v.size() * 8);
        return v;
    }
    std::vector<float> f32s() {
        std::vector<float> v(count(4));
        get(v.data(), v.size() * 4);
        return v;
    }
    // A length prefix, checked against the bytes left so a corrupt length cannot
    // trigger a huge allocation.
    uint64_t count(size_t element_size) {
        const uint64_t n = u64();
        if (element_size && n > remaining() / element_size)
            fail("length " + std::to_string(n) + " exceeds the " + std::to_string(remaining()) +
                     " bytes left: the file is truncated or corrupted",
                 8);
        return n;
    }
    size_t remaining() const { return bytes_.size() - pos_; }
    size_t position() const { return pos_; }
    const std::string& file() const { return file_; }
    // An error at the current offset (minus `back` bytes already read).
    [[noreturn]] void fail(const std::string& problem, size_t back = 0) const {
        throw Error(file_ + " at offset " + std::to_string(pos_ - back), problem, "regenerate the file");
    }

private:
    void need(size_t n) const {
        if (n > remaining())
            fail("unexpected end of file (needs " + std::to_string(n) + " more bytes, " +
                 std::to_string(remaining()) + " left): the file is truncated");
    }
    void get(void* p, size_t n) {
        need(n);
        if (n) std::memcpy(p, bytes_.data() + pos_, n);
        pos_ += n;
    }
    std::span<const uint8_t> bytes_;
    std::string file_;
    size_t pos_ = 0;
};

}  // namespace ps
