#include "core/witness/quantize.hpp"
#include "core/util/error.hpp"
#include <cmath>

namespace ps::quant {

double multiplier(Scale s) { return std::ldexp(1.0, s); }

int64_t quantize(double x, Scale s, const std::string& where) {
    if (!std::isfinite(x))
        throw Error(where, "cannot quantise a non-finite value (" + std::to_string(x) + ")",
                    "check the input data and the model for NaN or infinity");
    // std::round rounds halfway cases away from zero, like Rust's f64::round.
    const double scaled = std::round(std::ldexp(x, s));
    if (std::fabs(scaled) >= double(MAX_MAGNITUDE))
        throw Error(where, "value " + std::to_string(x) + " at scale " + std::to_string(s) +
                               " exceeds the fixed-point range ±2^62",
                    "use a smaller scale (--input-scale / --param-scale)");
    return int64_t(scaled);
}

double dequantize(int64_t v, Scale s) { return std::ldexp(double(v), -s); }

i128 div_round(i128 n, i128 d) {
    // floor((n + ⌊d/2⌋) / d): the circuit proves it as n + ⌊d/2⌋ = q·d + r, 0 ≤ r < d.
    const i128 shifted = n + d / 2;
    i128 q = shifted / d;
    if (shifted % d != 0 && shifted < 0) --q;  // C++ truncates; we want the floor
    return q;
}

i128 rescale(i128 v, Scale from, Scale to) {
    if (to >= from) {
        const int shift = to - from;
        if (shift >= 62) throw Error("rescale", "scale difference " + std::to_string(shift) + " is too large");
        return v * (i128(1) << shift);
    }
    const int shift = from - to;
    if (shift >= 120) return 0;
    return div_round(v, i128(1) << shift);
}

int64_t narrow(i128 v, const std::string& where) {
    if (v > MAX_MAGNITUDE || v < -MAX_MAGNITUDE)
        throw Error(where, "fixed-point value " + to_string(v) + " exceeds ±2^62",
                    "use smaller scales (--input-scale / --param-scale) or scale_rebase_multiplier 1");
    return int64_t(v);
}

Fr to_field(int64_t v) { return Fr::from_i64(v); }

std::optional<int64_t> from_field(const Fr& f) {
    const U256 c = f.to_canonical();
    if (c.limb[1] == 0 && c.limb[2] == 0 && c.limb[3] == 0 && c.limb[0] <= uint64_t(INT64_MAX))
        return int64_t(c.limb[0]);
    const U256 m = (-f).to_canonical();
    if (m.limb[1] == 0 && m.limb[2] == 0 && m.limb[3] == 0 && m.limb[0] <= uint64_t(INT64_MAX))
        return -int64_t(m.limb[0]);
    return std::nullopt;
}

std::string to_string(i128 v) {
    if (v == 0) return "0";
    const bool neg = v < 0;
    unsigned __int128 m = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
    std::string s;
    while (m) {
        s.insert(s.begin(), char('0' + int(m % 10)));
        m /= 10;
    }
    return neg ? "-" + s : s;
}

}  // namespace ps::quant
