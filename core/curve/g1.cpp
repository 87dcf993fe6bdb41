#include "core/curve/g1.hpp"
#include "core/curve/coord_codec.hpp"
#include "core/curve/scalar_mul.hpp"

namespace ps {

// GLV: k·P = k1·P + k2·φ(P), φ(x, y) = (βx, y) (endomorphism.hpp).
G1 G1::operator*(const Fr& k) const {
    const auto d = curve_detail::glv_decompose_g1(k.to_canonical());
    const Fq& beta = curve_detail::glv_beta();
    return curve_detail::scalar_mul_endomorphism(*this, d, [&](const G1& q) { return G1{q.x * beta, q.y, q.z}; });
}

G1 G1::mul_u256(const U256& k) const { return curve_detail::scalar_mul_wnaf(*this, k); }

void G1::batch_to_affine(std::span<const G1> in, std::span<G1Affine> out) {
    curve_detail::jacobian_batch_to_affine<G1, G1Affine>(in, out);
}

std::array<uint8_t, 64> g1_to_halo2_raw(const G1Affine& p) {
    std::array<uint8_t, 64> out{};
    if (p.infinity) return out;
    curve_detail::put_raw_le(p.x, std::span<uint8_t, 32>(out.data(), 32));
    curve_detail::put_raw_le(p.y, std::span<uint8_t, 32>(out.data() + 32, 32));
    return out;
}

std::optional<G1Affine> g1_from_halo2_raw(std::span<const uint8_t, 64> bytes) {
    const auto x = curve_detail::get_raw_le(bytes.subspan<0, 32>());
    const auto y = curve_detail::get_raw_le(bytes.subspan<32, 32>());
    if (!x || !y) return std::nullopt;
    if (x->is_zero() && y->is_zero()) return G1Affine::identity();
    G1Affine p{*x, *y, false};
    if (!p.is_on_curve()) return std::nullopt;
    return p;
}

std::array<uint8_t, 64> g1_to_evm(const G1Affine& p) {
    std::array<uint8_t, 64> out{};
    if (p.infinity) return out;
    const auto x = p.x.to_bytes_be();
    const auto y = p.y.to_bytes_be();
    std::copy(x.begin(), x.end(), out.begin());
    std::copy(y.begin(), y.end(), out.begin() + 32);
    return out;
}

std::optional<G1Affine> g1_from_evm(std::span<const uint8_t, 64> bytes) {
    const auto x = Fq::from_bytes_be(bytes.subspan<0, 32>());
    const auto y = Fq::from_bytes_be(bytes.subspan<32, 32>());
    if (!x || !y) return std::nullopt;
    if (x->is_zero() && y->is_zero()) return G1Affine::identity();
    G1Affine p{*x, *y, false};
    if (!p.is_on_curve()) return std::nullopt;
    return p;
}

}  // namespace ps
