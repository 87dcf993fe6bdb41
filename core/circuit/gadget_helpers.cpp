#include "core/circuit/gadget_helpers.hpp"

#include "core/util/error.hpp"

#include <sstream>

namespace ps::circuit {

namespace {

i128 floor_div(i128 n, i128 d) {
    i128 q = n / d;
    if (n % d != 0 && ((n < 0) != (d < 0))) --q;
    return q;
}

}  // namespace

i128 limb_span(const CircuitBuilder& b) {
    i128 span = 1;
    for (uint32_t j = 0; j < b.config().decomp_legs; ++j) span *= i128(b.config().decomp_base);
    return span;
}

void check_non_negative(CircuitBuilder& b, const Wire& v) { b.range_check(v, 0, limb_span(b) - 1); }

void check_boolean(CircuitBuilder& b, const Wire& v) { b.equate(b.mul(v, v), v); }

Wire extreme(CircuitBuilder& b, const Wire& x, const Wire& y, bool is_max) {
    const Wire r = b.sign(b.sub(x, y)).relu;
    return is_max ? b.add(y, r) : b.sub(x, r);
}

Wire extreme_of(CircuitBuilder& b, std::span<const Wire> xs, bool is_max) {
    if (xs.empty()) throw Error("circuit", "the extreme of no values");
    Wire acc = xs[0];
    for (size_t k = 1; k < xs.size(); ++k) acc = extreme(b, acc, xs[k], is_max);
    return acc;
}

OneHot select_extreme(CircuitBuilder& b, std::span<const Wire> xs, bool is_max, bool last, std::optional<i128> claimed) {
    const size_t n = xs.size();
    if (n == 0) throw Error("circuit", "the arg-extreme of no values");
    i128 at = 0;
    if (claimed) {
        at = *claimed;
    } else {
        for (size_t k = 1; k < n; ++k) {
            const i128 v = xs[k].value, best = xs[size_t(at)].value;
            if (is_max ? (last ? v >= best : v > best) : (last ? v <= best : v < best)) at = i128(k);
        }
    }
    OneHot out;
    std::vector<i128> positions;
    for (size_t k = 0; k < n; ++k) {
        out.bits.push_back(b.witness(i128(k) == at ? 1 : 0));
        check_boolean(b, out.bits.back());
        positions.push_back(i128(k));
    }
    b.equate(b.sum(out.bits), b.constant(1));
    out.value = b.dot(out.bits, xs);
    out.index = b.dot_fixed(out.bits, positions);
    // before[k] = [k < i] (first occurrence) or [k > i] (last): a running sum of the bits
    // from the far end.
    std::vector<Wire> before(n);
    const Wire zero = b.constant(0);
    if (!last) {
        before[n - 1] = zero;
        for (size_t k = n - 1; k-- > 0;) before[k] = b.add(before[k + 1], out.bits[k + 1]);
    } else {
        before[0] = zero;
        for (size_t k = 1; k < n; ++k) before[k] = b.add(before[k - 1], out.bits[k - 1]);
    }
    const i128 sign = is_max ? 1 : -1;
    for (size_t k = 0; k < n; ++k) {
        const Wire terms[3] = {out.value, xs[k], before[k]};
        const i128 weights[3] = {sign, -sign, -1};
        check_non_negative(b, b.dot_fixed(terms, weights));
    }
    return out;
}

std::vector<Wire> choose_position(CircuitBuilder& b, const Wire& index, size_t n, bool wrap_negative) {
    if (n == 0) throw Error("circuit", "a position among none");
    const bool negative = wrap_negative && index.value < 0;
    const i128 at = negative ? index.value + i128(n) : index.value;
    // An index out of range (only a tampered witness has one) gets no bit: Σ e_k = 1 fails.
    std::vector<Wire> bits;
    std::vector<i128> positions;
    bits.reserve(n + 1);
    for (size_t k = 0; k < n; ++k) {
        bits.push_back(b.witness(i128(k) == at ? 1 : 0));
        check_boolean(b, bits.back());
        positions.push_back(i128(k));
    }
    b.equate(b.sum(bits), b.constant(1));
    if (wrap_negative) {
        bits.push_back(b.witness(negative ? 1 : 0));
        check_boolean(b, bits.back());
        positions.push_back(-i128(n));
    }
    b.equate(b.dot_fixed(bits, positions), index);
    if (wrap_negative) bits.pop_back();
    return bits;
}

RuntimeDivisor runtime_divisor(CircuitBuilder& b, const Wire& d) {
    const i128 h = d.value >= 0 ? d.value / 2 : floor_div(d.value, 2);
    const Wire half = b.witness(h), odd = b.witness(d.value - 2 * h);
    check_boolean(b, odd);
    check_non_negative(b, half);
    const Wire terms[2] = {half, odd};
    const i128 weights[2] = {2, 1};
    b.equate(b.dot_fixed(terms, weights), d);
    return {d, half};
}

Wire divide_by(CircuitBuilder& b, const Wire& n, const RuntimeDivisor& d, std::optional<i128> claimed) {
    const i128 num = n.value + d.half.value, den = d.d.value;
    const i128 q = claimed ? *claimed : den > 0 ? floor_div(num, den) : 0;
    const Wire quotient = b.witness(q), remainder = b.witness(num - q * den);
    const i128 span = limb_span(b);
    b.range_check(quotient, -(span / 2), span / 2 - 1);
    check_non_negative(b, remainder);
    check_non_negative(b, b.sub(b.sub(d.d, remainder), b.constant(1)));
    // q·d + r = n + h
    const Wire one = b.constant(1);
    const Wire xs[2] = {quotient, remainder}, ys[2] = {d.d, one};
    b.equate(b.dot(xs, ys), b.add(n, d.half));
    return quotient;
}

uint32_t function_table(CircuitBuilder& b, const fixed::LookupFunction& fn, Scale s, const RunArgs& args) {
    std::ostringstream name;
    name << fn.name << "@" << s;
    if (fn.has_parameter) name << "(" << fn.parameter << ")";
    return b.table(name.str(), args.lookup_range_lo, args.lookup_range_hi,
                   [&](int64_t v) { return fixed::lookup_entry(fn, v, s, s); });
}

}  // namespace ps::circuit

namespace ps::circuit {

Wire truncate_div(CircuitBuilder& b, const Wire& x, i128 d) {
    if (d < 1) throw Error("circuit", "truncating division by a non-positive constant");
    const CircuitBuilder::SignResult sg = b.sign(x);
    // |x| − ⌊d/2⌋, so that divide's ⌊(n + ⌊d/2⌋)/d⌋ is ⌊|x|/d⌋
    const Wire terms[3] = {sg.relu, x, b.constant(1)};
    const i128 weights[3] = {2, -1, -(d / 2)};
    const Wire magnitude = b.divide(b.dot_fixed(terms, weights), d);
    const Wire signed_terms[2] = {b.mul(sg.bit, magnitude), magnitude};
    const i128 signs[2] = {2, -1};
    return b.dot_fixed(signed_terms, signs);
}

}  // namespace ps::circuit
