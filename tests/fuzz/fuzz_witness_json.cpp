#include "fuzz_support.hpp"
#include "core/witness/generate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ps::fuzz::expect_value_or_error([&] { ps::witness_from_json_text(ps::fuzz::text_of(data, size), "witness.json"); });
    return 0;
}
