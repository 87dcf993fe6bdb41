#pragma once
// libFuzzer harness support: a reader may refuse its input with ps::Error — that is the
// contract — and anything else (a signal, a sanitizer report, another exception type, a
// bare std::bad_alloc) is a finding. Built only with -DPROOFSCOPE_FUZZ=ON (clang).
#include "core/util/error.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace ps::fuzz {

template <class F>
void expect_value_or_error(F&& read) {
    try {
        read();
    } catch (const ps::Error&) {
    }
}

inline std::string text_of(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }
inline std::span<const uint8_t> bytes_of(const uint8_t* data, size_t size) { return {data, size}; }

}  // namespace ps::fuzz
