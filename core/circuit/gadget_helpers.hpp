#pragma once
// Constraint patterns several gadget families share, built only from CircuitBuilder's
// gates (no gate of their own): extremum chains, boolean checks, one-hot selection,
// division by a divisor computed at run time, and the shared function tables.
#include "core/circuit/circuit_builder.hpp"
#include "core/witness/lookup_functions.hpp"

#include <optional>
#include <span>
#include <vector>

namespace ps::circuit {

// decomp_base^decomp_legs: a range check proves 0 ≤ v < limb_span(b) in one row.
i128 limb_span(const CircuitBuilder& b);
// Proves v ≥ 0 (and v < limb_span).
void check_non_negative(CircuitBuilder& b, const Wire& v);
// Proves v ∈ {0, 1}: v·v is copied onto v (one dot row).
void check_boolean(CircuitBuilder& b, const Wire& v);

// max(a, b) = b + relu(a − b); min(a, b) = a − relu(a − b). |a − b| < limb_span.
Wire extreme(CircuitBuilder& b, const Wire& x, const Wire& y, bool is_max);
// The extreme of xs (non-empty) as a left-to-right chain, as the kernels fold it.
Wire extreme_of(CircuitBuilder& b, std::span<const Wire> xs, bool is_max);

// The position i of the largest (smallest) of xs, the first one on ties (the last one
// when `last`), as ONNX ArgMax/Hardmax: bits e_k = [k = i], proved boolean and summing to
// 1, with m = Σ e_k·x_k and m − x_k − [k < i] ≥ 0 for every k (ties before i are
// excluded; [k < i] = Σ_{j>k} e_j). `claimed` is the prover's i.
struct OneHot {
    std::vector<Wire> bits;
    Wire index;  // Σ k·e_k
    Wire value;  // x_i
};
OneHot select_extreme(CircuitBuilder& b, std::span<const Wire> xs, bool is_max, bool last, std::optional<i128> claimed);

// A position among n chosen by a value computed at run time (Gather's and Scatter's
// indices): bits e_k = [k = position], proved boolean and summing to 1, with
// Σ k·e_k − n·t = index for a boolean t when `wrap_negative` (ONNX's negative indices:
// index ∈ [−n, n) names position index mod n, and no other index is satisfiable), or
// Σ k·e_k = index otherwise (index ∈ [0, n)).
std::vector<Wire> choose_position(CircuitBuilder& b, const Wire& index, size_t n, bool wrap_negative);

// ⌊(n + ⌊d/2⌋)/d⌋ for a divisor d ≥ 1 known only at run time (the caller proves d ≥ 1):
// the prover's q and r with n + ⌊d/2⌋ = q·d + r, 0 ≤ r ≤ d − 1, q in the symmetric range
// of limb_span (so q·d cannot wrap the field), and h = ⌊d/2⌋ from d = 2h + t, t ∈ {0, 1},
// 0 ≤ h. Requires d < limb_span and |q| < limb_span / 2.
struct RuntimeDivisor {
    Wire d, half;
};
RuntimeDivisor runtime_divisor(CircuitBuilder& b, const Wire& d);
Wire divide_by(CircuitBuilder& b, const Wire& n, const RuntimeDivisor& d, std::optional<i128> claimed = {});

// The tag of fn's table at input scale s over lookup_range (one table per function,
// scale and parameter, shared with gadgets_lookup.cpp's element-wise lookups).
uint32_t function_table(CircuitBuilder& b, const fixed::LookupFunction& fn, Scale s, const RunArgs& args);

}  // namespace ps::circuit

namespace ps::circuit {

// x / d truncated toward zero (C++ and ONNX integer division) for a constant d ≥ 1:
// sign(x)·⌊|x| / d⌋, with |x| = 2·relu(x) − x and the floor a range-checked division.
Wire truncate_div(CircuitBuilder& b, const Wire& x, i128 d);

}  // namespace ps::circuit
