// input.json: with and without the model's input shapes (gen-witness and the GUI's
// inventory read it both ways).
#include "fuzz_support.hpp"
#include "core/artifacts/input_data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text = ps::fuzz::text_of(data, size);
    ps::fuzz::expect_value_or_error([&] { ps::parse_input_json(text, "input.json", {}); });
    ps::fuzz::expect_value_or_error([&] { ps::parse_input_json(text, "input.json", {{1, 4}, {2}}); });
    return 0;
}
