#pragma once
// Element-wise products of field vectors, out[i] = a[i]·b[i] (or a[i]·c): the prover's
// expression evaluator multiplies whole chunks of rows at once. Where the CPU has AVX-512 IFMA
// (cpu::has_avx512_ifma) eight products run side by side in radix 2^52; elsewhere, and for the
// last size mod 8 elements, the ordinary product. Both give the same, fully reduced, values.
#include "core/field/fq.hpp"
#include "core/field/fr.hpp"

#include <span>

namespace ps {

// out, a and b have one length; out may be a or b itself (not a partial overlap).
template <class F>
void mul_each(std::span<F> out, std::span<const F> a, std::span<const F> b);
template <class F>
void mul_each(std::span<F> out, std::span<const F> a, const F& c);

// lo[i], hi[i] ← lo[i] + hi[i]·w[i], lo[i] − hi[i]·w[i]: a row of the NTT's butterflies
// (decimation in time), on the same eight lanes where the CPU has IFMA. Fr only.
template <class F>
void dit_butterflies(std::span<F> lo, std::span<F> hi, std::span<const F> w);

// Each path on its own, for the tests that hold them against each other. ifma needs
// cpu::has_avx512_ifma.
namespace mul_each_path {
template <class F>
void scalar(std::span<F> out, std::span<const F> a, std::span<const F> b);
template <class F>
void scalar(std::span<F> out, std::span<const F> a, const F& c);
template <class F>
void ifma(std::span<F> out, std::span<const F> a, std::span<const F> b);
template <class F>
void ifma(std::span<F> out, std::span<const F> a, const F& c);
template <class F>
void butterflies_scalar(std::span<F> lo, std::span<F> hi, std::span<const F> w);
template <class F>
void butterflies_ifma(std::span<F> lo, std::span<F> hi, std::span<const F> w);
}  // namespace mul_each_path

}  // namespace ps
