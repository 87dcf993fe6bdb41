#include "core/curve/endomorphism.hpp"
#include "core/curve/bn_parameter.hpp"
#include "core/curve/g1.hpp"
#include "core/field/fr.hpp"

namespace ps::curve_detail {

namespace {

// Basis entries (u = BN_U): a1 = 2u+1, a2 = 6u²+2u, b1 = 6u²+4u+1, |b2| = 2u+1.
constexpr u128 A1 = u128(2) * BN_U + 1;
constexpr u128 A2 = u128(6) * BN_U * BN_U + u128(2) * BN_U;
constexpr u128 B1 = u128(6) * BN_U * BN_U + u128(4) * BN_U + 1;
constexpr u128 B2_ABS = A1;
// Babai rounding constants g1 = round(b2·2^256/det), g2 = round(−b1·2^256/det) with
// det = a1·b2 − a2·b1 = −r; both are positive (little-endian limbs, checked in tests by
// the decomposition identity).
constexpr uint64_t G1_ROUND[2] = {0xd91d232ec7e0b3d7ULL, 0x2ULL};
constexpr uint64_t G2_ROUND[3] = {0x5398fd0300ff6565ULL, 0x4ccef014a773d2d2ULL, 0x2ULL};

// floor(k · g / 2^256) for a little-endian g of n limbs; the result must fit 128 bits.
u128 mul_shift_256(const U256& k, const uint64_t* g, int n) {
    uint64_t prod[8] = {};
    for (int i = 0; i < 4; ++i) {
        u128 carry = 0;
        for (int j = 0; j < n; ++j) {
            carry += u128(k.limb[size_t(i)]) * g[j] + prod[i + j];
            prod[i + j] = uint64_t(carry);
            carry >>= 64;
        }
        prod[i + n] = uint64_t(carry);
    }
    return u128(prod[4]) | (u128(prod[5]) << 64);
}

SignedHalf from_twos_complement(u128 v) {
    const bool negative = (v >> 127) != 0;
    return SignedHalf{negative ? u128(0) - v : v, negative};
}

}  // namespace

const U256& glv_lambda() {
    // λ = −(36u³ + 18u² + 6u + 2) mod r, a root of λ² + λ + 1.
    static const U256 lambda =
        *U256::parse("0x30644e72e131a029048b6e193fd84104cc37a73fec2bc5e9b8ca0b2d36636f23");
    return lambda;
}

const Fq& glv_beta() {
    // The cube root of unity in Fq whose φ matches λ (the other one matches λ²).
    static const Fq beta = [] {
        Fq root;
        U256 e;
        sub_to(e, Fq::MODULUS, U256::from_u64(1));
        U256 third;  // (p - 1) / 3
        u128 rem = 0;
        for (int i = 3; i >= 0; --i) {
            const u128 cur = (rem << 64) | e.limb[size_t(i)];
            third.limb[size_t(i)] = uint64_t(cur / 3);
            rem = cur % 3;
        }
        for (uint64_t g = 2;; ++g) {
            root = Fq::from_u64(g).pow(third);
            if (!(root == Fq::one())) break;
        }
        const G1 gen = G1::generator();
        const G1 phi{gen.x * root, gen.y, gen.z};
        const G1 lambda_gen = gen.mul_u256(glv_lambda());
        return phi == lambda_gen ? root : root.square();
    }();
    return beta;
}

std::array<SignedHalf, 2> glv_decompose_g1(const U256& k) {
    const u128 c1 = mul_shift_256(k, G1_ROUND, 2);
    const u128 c2 = mul_shift_256(k, G2_ROUND, 3);
    const u128 k_low = u128(k.limb[0]) | (u128(k.limb[1]) << 64);
    // k1 = k − c1·a1 − c2·a2 and k2 = c2·|b2| − c1·b1 are below 2^127 in magnitude, so
    // computing them modulo 2^128 and reading two's complement is exact.
    const u128 k1 = k_low - c1 * A1 - c2 * A2;
    const u128 k2 = c2 * B2_ABS - c1 * B1;
    return {from_twos_complement(k1), from_twos_complement(k2)};
}

// Galbraith–Scott basis rows b_i (each Σ_j b_ij μ^j ≡ 0 mod r; the lattice they span has
// index 3r, which only costs a bit of length): with u = BN_U
//   b0 = (u+1, u, u, −2u), b1 = (2u+1, −u, −(u+1), −u),
//   b2 = (2u, 2u+1, 2u+1, 2u+1), b3 = (u−1, 4u+2, −2u+1, u−1).
// Babai: c_i = round(k · (B⁻¹)_{0i}); GLS_ROUND[i] = |round(2^256 (B⁻¹)_{0i})| with the
// signs below. Any integers c_i give a correct decomposition (the rows are lattice
// vectors); rounding only keeps the k_j short. Everything is computed mod 2^128, exact
// because the true k_j are far below 2^127.
std::array<SignedHalf, 4> gls_decompose_g2(const U256& k) {
    static constexpr uint64_t GLS_ROUND[4][4] = {
        {0xd0cb46fd51906254ULL, 0xc444fab18d269b9dULL, 0, 0},
        {0x001378f5ee78976eULL, 0x22df9f942d7d77c7ULL, 0x3d00631561b25729ULL, 0x1ULL},
        {0x36510546a93478abULL, 0x916fcfca16bebbe4ULL, 0x9e80318ab0d92b94ULL, 0},
        {0xf7ae23ce89afae7dULL, 0xc444fab18d269b9aULL, 0, 0},
    };
    static constexpr bool ROUND_NEGATIVE[4] = {false, false, false, true};
    const u128 uu = BN_U;
    // Rows mod 2^128 (negative entries wrap).
    const u128 basis[4][4] = {
        {uu + 1, uu, uu, u128(0) - 2 * uu},
        {2 * uu + 1, u128(0) - uu, u128(0) - (uu + 1), u128(0) - uu},
        {2 * uu, 2 * uu + 1, 2 * uu + 1, 2 * uu + 1},
        {uu - 1, 4 * uu + 2, u128(1) - 2 * uu, uu - 1},
    };
    u128 c[4];
    for (int i = 0; i < 4; ++i) {
        const int limbs = GLS_ROUND[i][3] ? 4 : (GLS_ROUND[i][2] ? 3 : 2);
        const u128 ci = mul_shift_256(k, GLS_ROUND[i], limbs);
        c[i] = ROUND_NEGATIVE[i] ? u128(0) - ci : ci;
    }
    std::array<SignedHalf, 4> out;
    for (int j = 0; j < 4; ++j) {
        u128 kj = j == 0 ? (u128(k.limb[0]) | (u128(k.limb[1]) << 64)) : 0;
        for (int i = 0; i < 4; ++i) kj -= c[i] * basis[i][j];
        out[size_t(j)] = from_twos_complement(kj);
    }
    return out;
}

}  // namespace ps::curve_detail
