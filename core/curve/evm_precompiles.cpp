#include "core/curve/evm_precompiles.hpp"
#include "core/curve/pairing.hpp"
#include <algorithm>
#include <vector>

namespace ps::evm {

namespace {
template <size_t N>
std::array<uint8_t, N> padded(std::span<const uint8_t> input) {
    std::array<uint8_t, N> b{};
    std::copy_n(input.begin(), std::min(N, input.size()), b.begin());
    return b;
}
}  // namespace

std::optional<std::array<uint8_t, 64>> ec_add(std::span<const uint8_t> input) {
    const auto b = padded<128>(input);
    const auto p = g1_from_evm(std::span<const uint8_t, 64>(b.data(), 64));
    const auto q = g1_from_evm(std::span<const uint8_t, 64>(b.data() + 64, 64));
    if (!p || !q) return std::nullopt;
    return g1_to_evm(G1::from_affine(*p).add_mixed(*q).to_affine());
}

std::optional<std::array<uint8_t, 64>> ec_mul(std::span<const uint8_t> input) {
    const auto b = padded<96>(input);
    const auto p = g1_from_evm(std::span<const uint8_t, 64>(b.data(), 64));
    if (!p) return std::nullopt;
    U256 k;
    for (int i = 0; i < 32; ++i) k.limb[size_t(3 - i / 8)] |= uint64_t(b[size_t(64 + i)]) << (8 * (7 - i % 8));
    return g1_to_evm(G1::from_affine(*p).mul_u256(k).to_affine());
}

std::optional<std::array<uint8_t, 32>> ec_pairing(std::span<const uint8_t> input) {
    constexpr size_t PAIR = 192;
    if (input.size() % PAIR != 0) return std::nullopt;
    const size_t n = input.size() / PAIR;
    std::vector<G1Affine> ps_in(n);
    std::vector<G2Affine> qs_in(n);
    for (size_t i = 0; i < n; ++i) {
        const uint8_t* pair = input.data() + i * PAIR;
        const auto p = g1_from_evm(std::span<const uint8_t, 64>(pair, 64));
        const auto q = g2_from_evm(std::span<const uint8_t, 128>(pair + 64, 128));
        if (!p || !q) return std::nullopt;
        ps_in[i] = *p;
        qs_in[i] = *q;
    }
    std::array<uint8_t, 32> out{};
    out[31] = pairing_product_is_one(ps_in, qs_in) ? 1 : 0;
    return out;
}

}  // namespace ps::evm
