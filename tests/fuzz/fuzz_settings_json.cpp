#include "fuzz_support.hpp"
#include "core/artifacts/settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ps::fuzz::expect_value_or_error([&] { ps::settings_from_json_text(ps::fuzz::text_of(data, size), "settings.json"); });
    return 0;
}
