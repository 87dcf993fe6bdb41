// pk.key and vk.key share one harness: the first input byte picks the reader, so a seed
// corpus of either kind reaches both.
#include "fuzz_support.hpp"
#include "core/plonk/key_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto bytes = ps::fuzz::bytes_of(data, size);
    ps::fuzz::expect_value_or_error([&] { ps::plonk::decode_verifying_key_file(bytes, "vk.key"); });
    ps::fuzz::expect_value_or_error([&] { ps::plonk::decode_proving_key_file(bytes, "pk.key"); });
    return 0;
}
