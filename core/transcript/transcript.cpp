#include "core/transcript/transcript.hpp"

namespace ps {

Transcript::Transcript(std::string_view protocol_label) {
    sponge_.update(protocol_label);
}

void Transcript::absorb_bytes(std::string_view tag, std::span<const uint8_t> bytes) {
    sponge_.update(bytes);
    operations_.push_back("absorb " + std::string(tag));
}

void Transcript::absorb_scalar(std::string_view tag, const Fr& value) {
    const auto be = value.to_bytes_be();
    absorb_bytes(tag, be);
}

Fr Transcript::squeeze_challenge(std::string_view tag) {
    Keccak256 first = sponge_, second = sponge_;
    const uint8_t zero = 0, one = 1;
    first.update(std::span(&zero, 1));
    second.update(std::span(&one, 1));
    const KeccakDigest hi = first.finish(), lo = second.finish();
    U256 hi_value, lo_value;  // big-endian bytes → little-endian limbs
    for (int i = 0; i < 32; ++i) {
        hi_value.limb[(31 - i) / 8] |= uint64_t(hi[size_t(i)]) << (8 * ((31 - i) % 8));
        lo_value.limb[(31 - i) / 8] |= uint64_t(lo[size_t(i)]) << (8 * ((31 - i) % 8));
    }
    sponge_.reset();
    sponge_.update(hi);
    operations_.push_back("squeeze " + std::string(tag));
    return Fr::from_u512_reduced(lo_value, hi_value);
}

}  // namespace ps
