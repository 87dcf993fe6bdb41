#pragma once
// A compiled model laid out as a circuit: for each graph node in execution order its
// gadget, on the wires of its inputs, with the witness's values as the assignment.
// The layout depends only on the compiled circuit (shapes, parameters, run_args), never
// on the values, so a placeholder witness at setup and the real one at prove give the
// same constraint system, fixed columns and copy constraints.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/circuit/circuit_builder.hpp"
#include "core/witness/generate.hpp"

#include <string>
#include <vector>

namespace ps::circuit {

// What one node costs, for `table` and the corpus report.
struct NodeRows {
    std::string name, op, proved_by;  // proved_by: "linear", "lookup", "range", "copy"
    size_t arith = 0, lookup = 0, range = 0;
};

struct ModelLayout {
    CircuitBuilder builder;
    std::vector<NodeRows> nodes;
};

// Throws ps::Error naming the node when an op has no gadget yet, or a visibility is not
// supported; the layout of `witness` (its layers are the claimed values).
ModelLayout lay_out_model(const CompiledCircuit& circuit, const WitnessResult& witness);

// A witness on placeholder inputs (0), for setup and row counting: same layout, no data.
WitnessResult placeholder_witness(const CompiledCircuit& circuit);

// The ops `lay_out_model` proves.
bool has_gadget(const std::string& op);

}  // namespace ps::circuit
