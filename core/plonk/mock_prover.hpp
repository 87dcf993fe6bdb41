#pragma once
// The mock prover: checks every gate, copy constraint and lookup directly on the
// assigned values, without any cryptography, and names each failure by gate, row,
// column and region label. A witness it accepts yields a proof the verifier accepts.
#include "core/plonk/assignment.hpp"

#include <string>
#include <vector>

namespace ps::plonk {

struct ConstraintFailure {
    enum class Kind { Gate, CopyConstraint, Lookup };
    Kind kind = Kind::Gate;
    std::string name;            // gate or lookup name
    size_t constraint_index = 0; // which constraint of the gate
    size_t row = 0;
    std::string columns;         // the columns the failing constraint queries / the copied cells
    std::string region;          // the label the circuit builder attached to that row
    std::string detail;

    // "gate 'mul' constraint 0 fails at row 3 (region 'layer 1 (MatMul)'): ..."
    std::string message() const;
};

// Advice cells after the usable rows hold random values, as in a real proof, and gates
// are checked on all 2^k rows: a gate that reaches into the blinding rows, or one that is
// active there (no selector), fails here too.
std::vector<ConstraintFailure> mock_prove(const Assignment& assignment);

}  // namespace ps::plonk
