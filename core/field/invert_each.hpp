#pragma once
// Many inverses for the price of one (Montgomery's trick), arranged as a product tree: level
// k + 1 is the element-wise product of level k's two halves, so each level is one mul_each
// (eight lanes of AVX-512 IFMA where the CPU has them). The usual form is a chain in which
// every product waits for the one before; the tree does the same 3(n − 1) products without
// that wait.
#include "core/field/fq.hpp"
#include "core/field/fr.hpp"

#include <span>
#include <vector>

namespace ps {

// How the one inversion at the root runs: constant time for values that may be secret
// (the prover's witness-dependent denominators), variable time where nothing is (the MSM).
enum class InversionTiming { constant, variable };

// values[i] := values[i]⁻¹ for values that are all non-zero (throws ps::Error on a zero, which
// would make every result zero). scratch is working space, kept by the caller so that repeated
// calls do not allocate; single thread.
template <class F>
void invert_each_nonzero(std::span<F> values, InversionTiming timing, std::vector<F>& scratch);

}  // namespace ps
