// network.ezkl: magic, version, digests, the graph codec and the attribute/size rules.
#include "fuzz_support.hpp"
#include "core/artifacts/compiled_circuit.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ps::fuzz::expect_value_or_error([&] { ps::compiled_circuit_from_bytes(ps::fuzz::bytes_of(data, size), "network.ezkl"); });
    return 0;
}
