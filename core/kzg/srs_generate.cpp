#include "core/kzg/srs.hpp"
#include "core/poly/polynomial.hpp"
#include "core/curve/constant_time.hpp"
#include "core/msm/fixed_base.hpp"
#include "core/poly/batch_inversion.hpp"
#include "core/util/error.hpp"
#include <openssl/crypto.h>
#include <tbb/parallel_for.h>
#include <atomic>
#include <string>

namespace ps {

namespace {

// Toxic waste must not outlive generation: OPENSSL_cleanse cannot be optimised away.
void erase(std::span<Fr> secrets) { OPENSSL_cleanse(secrets.data(), secrets.size_bytes()); }
void erase(Fr& secret) { OPENSSL_cleanse(&secret, sizeof secret); }

// Erases a secret on every way out, an exception (cancellation) included.
struct ErasedOnExit {
    std::span<Fr> secrets;
    ~ErasedOnExit() { erase(secrets); }
};

void require_k(unsigned k, const char* where) {
    if (k > fr::TWO_ADICITY)
        throw Error(where, "logrows " + std::to_string(k) + " exceeds 28 (Fr's two-adicity)",
                    "use --logrows 28 or less");
}


// L_i(τ) = ω^i (τ^n − 1) / (n (τ − ω^i)); τ ∉ H is checked by the caller.
std::vector<Fr> lagrange_values_at(const Fr& tau, unsigned k) {
    const size_t n = size_t(1) << k;
    const Fr omega = fr::root_of_unity(k);
    const std::vector<Fr> w = powers(omega, n);
    std::vector<Fr> out(n);
    for (size_t i = 0; i < n; ++i) out[i] = tau - w[i];
    batch_invert(out);
    Fr tn = tau;
    for (unsigned i = 0; i < k; ++i) tn = tn.square();
    Fr c = (tn - Fr::one()) * Fr::from_u64(n).inverse();
    tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 4096), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) out[i] *= w[i] * c;
    });
    erase(tn);
    erase(c);
    return out;
}

}  // namespace

Srs generate_srs(unsigned k, RandomSource& tau_source, ProgressSink& progress) {
    require_k(k, "gen-srs");
    const size_t n = size_t(1) << k;
    Fr tau, tau_n;
    const ErasedOnExit erase_tau{std::span(&tau, 1)}, erase_tau_n{std::span(&tau_n, 1)};
    do {
        tau = Fr::random(tau_source);  // τ = 0 or τ ∈ H (probability ~2^-226) is redrawn
        tau_n = tau.pow(uint64_t(n));
    } while (tau.is_zero() || tau_n == Fr::one());

    Srs srs;
    srs.k = k;
    {
        ProgressStage stage(progress, "SRS powers of tau", n);
        std::vector<Fr> tau_powers = powers(tau, n);
        const ErasedOnExit erase_powers{tau_powers};
        srs.g = fixed_base_mul_many_secret(G1Affine::generator(), tau_powers, &stage);
    }
    {
        ProgressStage stage(progress, "SRS Lagrange basis", n);
        std::vector<Fr> lagrange = lagrange_values_at(tau, k);
        const ErasedOnExit erase_lagrange{lagrange};
        srs.g_lagrange = fixed_base_mul_many_secret(G1Affine::generator(), lagrange, &stage);
    }
    srs.g2 = G2Affine::generator();
    srs.s_g2 = ct::mul_secret<G2, G2Affine>(G2Affine::generator(), tau).to_affine();
    return srs;
}

std::vector<G1Affine> lagrange_basis_from_powers(std::span<const G1Affine> powers, ProgressSink& progress) {
    const size_t n = powers.size();
    if (n == 0 || (n & (n - 1)) != 0)
        throw Error("SRS Lagrange basis", std::to_string(n) + " powers, not a power of two");
    const unsigned k = unsigned(__builtin_ctzll(n));
    require_k(k, "SRS Lagrange basis");
    // Inverse NTT over G1: radix-2 decimation in time on bit-reversed input, twiddles
    // ω^-j (each a full scalar multiplication), then a final scaling by 1/n. This is
    // halo2's g_to_lagrange; it costs (n/2)·k + n scalar multiplications.
    std::vector<G1> a(n);
    for (size_t i = 0; i < n; ++i) {
        size_t r = 0;
        for (unsigned b = 0; b < k; ++b) r |= ((i >> b) & 1) << (k - 1 - b);
        a[r] = G1::from_affine(powers[i]);
    }
    const Fr omega_inv = fr::root_of_unity(k).inverse();
    ProgressStage stage(progress, "SRS Lagrange basis (G1 inverse NTT)", uint64_t(k) + 1);
    for (unsigned level = 0; level < k; ++level) {
        throw_if_cancelled(progress);
        const size_t half = size_t(1) << level;
        const Fr w_step = omega_inv.pow(uint64_t(n / (2 * half)));
        std::vector<Fr> tw(half);
        Fr w = Fr::one();
        for (auto& t : tw) {
            t = w;
            w *= w_step;
        }
        // one task per butterfly index across all blocks of this level
        tbb::parallel_for(tbb::blocked_range<size_t>(0, n / 2, 16), [&](const auto& r) {
            for (size_t idx = r.begin(); idx < r.end(); ++idx) {
                const size_t block = idx / half, j = idx % half;
                G1& lo = a[block * 2 * half + j];
                G1& hi = a[block * 2 * half + j + half];
                const G1 t = (j == 0) ? hi : hi * tw[j];
                hi = lo - t;
                lo = lo + t;
            }
        });
        stage.advance(level + 1);
    }
    const Fr n_inv = Fr::from_u64(n).inverse();
    tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 16), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) a[i] = a[i] * n_inv;
    });
    stage.advance(uint64_t(k) + 1);
    std::vector<G1Affine> out(n);
    G1::batch_to_affine(a, out);
    return out;
}

Srs downsize_srs(const Srs& srs, unsigned k, ProgressSink& progress) {
    if (k > srs.k)
        throw Error("downsize-srs", "target logrows " + std::to_string(k) + " is larger than the SRS's " +
                                        std::to_string(srs.k),
                    "an SRS can only be made smaller; use a bigger SRS file");
    if (k == srs.k) return srs;
    Srs out;
    out.k = k;
    out.g.assign(srs.g.begin(), srs.g.begin() + ptrdiff_t(size_t(1) << k));
    out.g_lagrange = lagrange_basis_from_powers(out.g, progress);
    out.g2 = srs.g2;
    out.s_g2 = srs.s_g2;
    return out;
}

}  // namespace ps
