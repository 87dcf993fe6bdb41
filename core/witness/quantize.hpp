#pragma once
// Fixed-point numbers as EZKL represents them: a real x at scale s is the integer
// round(x · 2^s), and in the circuit the field element of that integer (a negative v
// becomes r − |v|). Rounding is half away from zero, as Rust's f64::round that EZKL's
// quantize_float uses (EZKL src/graph/utilities.rs).
#include "core/artifacts/settings.hpp"
#include "core/field/fr.hpp"
#include <cstdint>
#include <optional>
#include <string>

namespace ps::quant {

using i128 = __int128;

// Largest magnitude a quantised value may have here: int64 with headroom, so sums of a
// few values and products accumulated in i128 cannot wrap before they are checked.
inline constexpr int64_t MAX_MAGNITUDE = int64_t(1) << 62;

// 2^s as a double (s may be negative).
double multiplier(Scale s);

// round(x · 2^s), ties away from zero. Throws ps::Error naming `where` when the result
// does not fit MAX_MAGNITUDE or x is not finite.
int64_t quantize(double x, Scale s, const std::string& where = "value");
double dequantize(int64_t v, Scale s);

// round(n / d) for d > 0, ties toward +∞, exactly (no floating point). Quantising a
// float rounds ties away from zero (as EZKL); divisions inside the circuit round ties up
// because that is what a single remainder range check 0 ≤ n + ⌊d/2⌋ − q·d < d proves
// (EZKL's circuit likewise proves one fixed tie rule, not the sign-dependent one).
i128 div_round(i128 n, i128 d);

// Brings v from scale `from` to scale `to`: multiplies by 2^(to−from) when raising the
// scale (exact), divides by 2^(from−to) with rounding when lowering it (EZKL's rebase).
i128 rescale(i128 v, Scale from, Scale to);

// Narrows an accumulator to int64, or throws ps::Error naming `where` with the value.
int64_t narrow(i128 v, const std::string& where);

// The field element of a signed integer: v for v ≥ 0, r − |v| otherwise.
Fr to_field(int64_t v);
// The signed integer a field element stands for, when it lies within ±2^63 of zero
// (elements above (r−1)/2 are read as negative); nullopt otherwise.
std::optional<int64_t> from_field(const Fr& f);

std::string to_string(i128 v);

}  // namespace ps::quant
