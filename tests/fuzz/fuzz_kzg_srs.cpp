#include "fuzz_support.hpp"
#include "core/kzg/srs_check.hpp"
#include "core/kzg/srs_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ps::fuzz::expect_value_or_error([&] {
        const ps::Srs srs = ps::parse_srs(ps::fuzz::bytes_of(data, size), "kzg.srs");
        (void)ps::check_srs_cheap(srs);
    });
    return 0;
}
