#include "core/transcript/proof_stream.hpp"

namespace ps {

void ProofWriter::write_point(std::string_view tag, const G1Affine& point) {
    const auto b = g1_to_evm(point);
    transcript_.absorb_bytes(tag, b);
    bytes_.insert(bytes_.end(), b.begin(), b.end());
}

void ProofWriter::write_scalar(std::string_view tag, const Fr& value) {
    const auto b = value.to_bytes_be();
    transcript_.absorb_bytes(tag, b);
    bytes_.insert(bytes_.end(), b.begin(), b.end());
}

void ProofWriter::write_bytes32(std::string_view tag, std::span<const uint8_t, 32> b) {
    transcript_.absorb_bytes(tag, b);
    bytes_.insert(bytes_.end(), b.begin(), b.end());
}

void ProofWriter::append_point(const G1Affine& point) {
    const auto b = g1_to_evm(point);
    bytes_.insert(bytes_.end(), b.begin(), b.end());
}

void ProofWriter::absorb_point(const G1Affine& p) { transcript_.absorb_bytes(opening_tag_, g1_to_evm(p)); }

std::span<const uint8_t> ProofReader::take(size_t n, std::string_view tag) {
    if (proof_.size() - pos_ < n)
        throw ProofFormatError("proof ends at byte " + std::to_string(proof_.size()) + " while reading " +
                               std::string(tag) + " (needs " + std::to_string(n) + " more bytes)");
    auto s = proof_.subspan(pos_, n);
    pos_ += n;
    return s;
}

G1Affine ProofReader::take_point(std::string_view tag) {
    const size_t at = pos_;
    const auto b = take(64, tag);
    const auto p = g1_from_evm(std::span<const uint8_t, 64>(b.data(), 64));
    if (!p)
        throw ProofFormatError(std::string(tag) + ": the point at byte " + std::to_string(at) +
                               " is not on the curve or has a coordinate ≥ p");
    return *p;
}

G1Affine ProofReader::read_point(std::string_view tag) {
    const G1Affine p = take_point(tag);
    transcript_.absorb_bytes(tag, g1_to_evm(p));
    return p;
}

Fr ProofReader::read_scalar(std::string_view tag) {
    const size_t at = pos_;
    const auto b = take(32, tag);
    const auto v = Fr::from_bytes_be(std::span<const uint8_t, 32>(b.data(), 32));
    if (!v)
        throw ProofFormatError(std::string(tag) + ": the scalar at byte " + std::to_string(at) +
                               " is not below the field modulus r");
    transcript_.absorb_bytes(tag, b);
    return *v;
}

std::array<uint8_t, 32> ProofReader::read_bytes32(std::string_view tag) {
    const auto b = take(32, tag);
    std::array<uint8_t, 32> out;
    std::copy(b.begin(), b.end(), out.begin());
    transcript_.absorb_bytes(tag, out);
    return out;
}

void ProofReader::expect_end() const {
    if (pos_ != proof_.size())
        throw ProofFormatError("the proof has " + std::to_string(proof_.size() - pos_) +
                               " unexpected bytes after the opening");
}

void ProofReader::absorb_point(const G1Affine& p) { transcript_.absorb_bytes(opening_tag_, g1_to_evm(p)); }

}  // namespace ps
