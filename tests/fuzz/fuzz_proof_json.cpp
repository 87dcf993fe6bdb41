#include "fuzz_support.hpp"
#include "core/artifacts/json_fields.hpp"
#include "core/plonk/proof_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ps::fuzz::expect_value_or_error([&] {
        const nlohmann::json j = ps::json_fields::parse_document(ps::fuzz::text_of(data, size), "proof.json", "");
        ps::plonk::proof_from_json(j, "proof.json");
    });
    return 0;
}
