#pragma once
// A synthetic circuit that fills every usable row of a 2^k domain with one advice /
// fixed / lookup mix — a multiplication and an addition gate, two 8-bit range lookups,
// copy constraints chaining the rows, one public output. The proof-system benchmark and
// the `prove-synthetic` CLI command use it to measure and smoke-test the prover.
#include "core/plonk/assignment.hpp"

#include <memory>

namespace ps::plonk {

struct SyntheticCircuit {
    std::unique_ptr<ConstraintSystem> cs;  // owned here: the assignment points into it
    std::unique_ptr<Assignment> witness;
};

// Row i: (a, b, c) with c = a·b on even rows and a + b on odd rows; a and b are
// range-checked by lookup (0..255, or fewer values when 2^k rows cannot hold the table);
// b_i is a copy of a_{i−1}; the last c is public.
SyntheticCircuit make_synthetic_circuit(unsigned k);

}  // namespace ps::plonk
