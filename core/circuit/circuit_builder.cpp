#include "core/circuit/circuit_builder.hpp"

#include "core/circuit/field_value.hpp"
#include "core/util/error.hpp"
#include "core/witness/quantize.hpp"

#include <algorithm>
#include <cstdint>

namespace ps::circuit {

namespace {

// Arith columns within the block: x[0..p), y[0..p), z.
uint32_t arith_column(char column, uint32_t index, uint32_t pairs) {
    switch (column) {
    case 'x': return index;
    case 'y': return pairs + index;
    default: return 2 * pairs;
    }
}

i128 floor_div(i128 n, i128 d) {
    i128 q = n / d;
    if (n % d != 0 && ((n < 0) != (d < 0))) --q;
    return q;
}

}  // namespace

size_t BlockRows::max() const { return std::max({arith, lookup, range, range_table, instance}); }

CircuitBuilder::CircuitBuilder(BuilderConfig config) : config_(config) {
    config_.pairs = std::max<uint32_t>(2, config_.pairs);
    if (config_.decomp_base < 2) throw Error("settings.json: run_args.decomp_base", "must be at least 2");
    if (config_.decomp_legs < 1) throw Error("settings.json: run_args.decomp_legs", "must be at least 1");
    labels_.push_back("");
}

void CircuitBuilder::set_region(std::string label) { labels_.push_back(std::move(label)); }

void CircuitBuilder::label(Block block, size_t row) {
    auto& v = block == Block::Arith ? arith_label_ : block == Block::Range ? range_label_ : lookup_label_;
    if (v.size() <= row) v.resize(row + 1, 0);
    v[row] = uint32_t(labels_.size() - 1);
}

i128 CircuitBuilder::limb_span() const {
    i128 span = 1;
    for (uint32_t j = 0; j < config_.decomp_legs; ++j) span *= i128(config_.decomp_base);
    return span;
}

size_t CircuitBuilder::new_arith_row(RowKind kind) {
    ArithRow row;
    row.kind = kind;
    row.x.assign(config_.pairs, 0);
    row.y.assign(config_.pairs, 0);
    row.f.assign(config_.pairs, 0);
    arith_.push_back(std::move(row));
    label(Block::Arith, arith_.size() - 1);
    return arith_.size() - 1;
}

Wire CircuitBuilder::place_arith(size_t row, char column, uint32_t index, i128 value) {
    ArithRow& r = arith_[row];
    (column == 'x' ? r.x[index] : column == 'y' ? r.y[index] : r.z) = value;
    return Wire{CellRef{Block::Arith, arith_column(column, index, config_.pairs), uint32_t(row)}, value};
}

Wire CircuitBuilder::copy_into(const Wire& source, size_t row, char column, uint32_t index) {
    Wire w = place_arith(row, column, index, source.value);
    copies_.push_back({source.cell, w.cell});
    return w;
}

void CircuitBuilder::equate(const Wire& a, const Wire& b) { copies_.push_back({a.cell, b.cell}); }

Wire CircuitBuilder::witness(i128 value) {
    const uint32_t slots = 2 * config_.pairs + 1;
    if (!free_row_ || free_slot_ == slots) {
        free_row_ = new_arith_row(RowKind::Free);
        free_slot_ = 0;
    }
    const uint32_t slot = free_slot_++;
    const char column = slot < config_.pairs ? 'x' : slot < 2 * config_.pairs ? 'y' : 'z';
    return place_arith(*free_row_, column, slot % config_.pairs, value);
}

Wire CircuitBuilder::constant(i128 value) {
    if (auto it = constants_.find(value); it != constants_.end()) return it->second;
    // Constants share rows: x_i = f_i for every pair of a Constant row.
    if (!const_row_ || const_slot_ == config_.pairs) {
        const_row_ = new_arith_row(RowKind::Constant);
        const_slot_ = 0;
    }
    const uint32_t slot = const_slot_++;
    arith_[*const_row_].f[slot] = value;
    const Wire w = place_arith(*const_row_, 'x', slot, value);
    constants_.emplace(value, w);
    return w;
}

void CircuitBuilder::set_value(const CellRef& cell, i128 value) {
    switch (cell.block) {
    case Block::Arith: {
        ArithRow& r = arith_.at(cell.row);
        const uint32_t p = config_.pairs;
        (cell.column < p ? r.x[cell.column] : cell.column < 2 * p ? r.y[cell.column - p] : r.z) = value;
        break;
    }
    case Block::Lookup: (cell.column == 0 ? lookup_.at(cell.row).x : lookup_.at(cell.row).y) = value; break;
    case Block::Range: range_.at(cell.row).v = value; break;
    case Block::Instance: instance_.at(cell.row) = value; break;
    }
}

Wire CircuitBuilder::expose(const Wire& w, std::optional<i128> claimed) {
    const i128 value = claimed ? *claimed : w.value;
    instance_.push_back(value);
    const Wire out{CellRef{Block::Instance, 0, uint32_t(instance_.size() - 1)}, value};
    copies_.push_back({w.cell, out.cell});
    return out;
}

Wire CircuitBuilder::accumulate(size_t terms, size_t per_row, RowKind first_kind, RowKind next_kind,
                                const std::function<i128(size_t row, size_t term, uint32_t slot)>& place) {
    i128 acc = 0;
    Wire out;
    for (size_t first = 0; first < std::max<size_t>(terms, 1); first += per_row) {
        const size_t row = new_arith_row(first == 0 ? first_kind : next_kind);
        for (size_t i = first; i < std::min(first + per_row, terms); ++i) acc += place(row, i, uint32_t(i - first));
        out = place_arith(row, 'z', 0, acc);
    }
    return out;
}

Wire CircuitBuilder::dot(std::span<const Wire> xs, std::span<const Wire> ys) {
    if (xs.size() != ys.size()) throw Error("circuit", "dot product of unequal lengths");
    return accumulate(xs.size(), config_.pairs, RowKind::Dot0, RowKind::Dot, [&](size_t row, size_t i, uint32_t slot) {
        copy_into(xs[i], row, 'x', slot);
        copy_into(ys[i], row, 'y', slot);
        return xs[i].value * ys[i].value;
    });
}

Wire CircuitBuilder::dot_fixed(std::span<const Wire> xs, std::span<const i128> weights) {
    if (xs.size() != weights.size()) throw Error("circuit", "dot product of unequal lengths");
    return accumulate(xs.size(), config_.pairs, RowKind::DotFixed0, RowKind::DotFixed,
                      [&](size_t row, size_t i, uint32_t slot) {
                          copy_into(xs[i], row, 'x', slot);
                          arith_[row].f[slot] = weights[i];
                          return xs[i].value * weights[i];
                      });
}

Wire CircuitBuilder::sum(std::span<const Wire> xs) {
    const uint32_t p = config_.pairs;
    return accumulate(xs.size(), 2 * p, RowKind::Sum0, RowKind::Sum, [&](size_t row, size_t i, uint32_t slot) {
        copy_into(xs[i], row, slot < p ? 'x' : 'y', slot % p);
        return xs[i].value;
    });
}

Wire CircuitBuilder::add(const Wire& a, const Wire& b) {
    const Wire both[2] = {a, b};
    return sum(both);
}

Wire CircuitBuilder::sub(const Wire& a, const Wire& b) {
    const size_t row = new_arith_row(RowKind::Sub);
    copy_into(a, row, 'x', 0);
    copy_into(b, row, 'y', 0);
    return place_arith(row, 'z', 0, a.value - b.value);
}

Wire CircuitBuilder::mul(const Wire& a, const Wire& b) {
    const Wire x[1] = {a}, y[1] = {b};
    return dot(x, y);
}

Wire CircuitBuilder::scale_by(const Wire& a, i128 factor) {
    const Wire x[1] = {a};
    const i128 w[1] = {factor};
    return dot_fixed(x, w);
}

Wire CircuitBuilder::divide(const Wire& n, i128 d, std::optional<i128> claimed) {
    if (d < 1) throw Error("circuit", "division by a non-positive constant");
    const i128 half = d / 2;
    const i128 q = claimed ? *claimed : floor_div(n.value + half, d);
    const size_t row = new_arith_row(RowKind::Divide);
    copy_into(n, row, 'x', 0);
    arith_[row].f[0] = d;
    arith_[row].f[1] = half;
    const Wire remainder = place_arith(row, 'y', 0, n.value + half - q * d);
    const Wire quotient = place_arith(row, 'z', 0, q);
    // d = 1 leaves no room for a remainder: pin it to 0, or the quotient would be free.
    if (d > 1) range_check(remainder, 0, d - 1);
    else equate(remainder, constant(0));
    // Without this, q' = q − k/d (mod r) with remainder r + k also satisfies the gate: a
    // non-integer field element whose error a later layer with weights divisible by d
    // can cancel. Bounding q makes the integer quotient the only solution.
    range_check_small(quotient);
    return quotient;
}

CircuitBuilder::SignResult CircuitBuilder::sign(const Wire& x) {
    const size_t row = new_arith_row(RowKind::Sign);
    copy_into(x, row, 'x', 0);
    const i128 b = x.value >= 0 ? 1 : 0;
    const Wire bit = place_arith(row, 'y', 0, b);
    const Wire relu = place_arith(row, 'z', 0, b * x.value);
    const Wire t = place_arith(row, 'x', 1, (2 * b - 1) * x.value + b - 1);
    range_check(t, 0, limb_span() - 1);
    return {bit, relu};
}

void CircuitBuilder::range_check_small(const Wire& v) {
    const i128 half = limb_span() / 2;
    range_check(v, -half, half - 1);
}

void CircuitBuilder::range_check(const Wire& v, i128 lo, i128 hi) {
    if (hi < lo) throw Error("circuit", "empty range check");
    const i128 span = limb_span();
    if (hi - lo >= span)
        throw Error("settings.json: run_args.decomp_base / decomp_legs",
                    "a range check of width " + quant::to_string(hi - lo + 1) +
                        " needs more than decomp_base^decomp_legs = " + quant::to_string(span) + " values",
                    "raise --decomp-legs or --decomp-base, or lower the scales");
    auto add_row = [&](bool high, i128 offset) {
        range_.push_back({high, v.value, offset});
        label(Block::Range, range_.size() - 1);
        copies_.push_back({v.cell, CellRef{Block::Range, 0, uint32_t(range_.size() - 1)}});
    };
    add_row(false, lo);
    if (hi - lo + 1 < span) add_row(true, hi);
}

uint32_t CircuitBuilder::table(const std::string& name, int64_t lo, int64_t hi,
                               const std::function<int64_t(int64_t)>& f) {
    if (auto it = tables_.find(name); it != tables_.end()) return it->second;
    const uint32_t tag = uint32_t(tables_.size() + 1);  // tag 0 is the all-zero row of unused lookups
    auto& values = table_values_.emplace_back();
    for (int64_t x = lo; x <= hi; ++x) {
        int64_t y = 0;
        try {
            y = f(x);
        } catch (const Error&) {
            continue;  // f(x) is not representable at this scale: no row, so x cannot be looked up
        }
        table_.push_back({tag, x, y});
        values.emplace(x, y);
    }
    tables_.emplace(name, tag);
    return tag;
}

Wire CircuitBuilder::lookup(uint32_t tag, const Wire& x, std::optional<i128> claimed) {
    i128 y = 0;
    if (claimed) {
        y = *claimed;
    } else {
        const auto& values = table_values_.at(tag - 1);
        if (x.value >= INT64_MIN && x.value <= INT64_MAX)
            if (auto it = values.find(int64_t(x.value)); it != values.end()) y = it->second;
    }
    lookup_.push_back({tag, x.value, y});
    const uint32_t row = uint32_t(lookup_.size() - 1);
    label(Block::Lookup, row);
    copies_.push_back({x.cell, CellRef{Block::Lookup, 0, row}});
    return Wire{CellRef{Block::Lookup, 1, row}, y};
}

BlockRows CircuitBuilder::rows() const {
    BlockRows r = base_rows();
    r.range_table = range_.empty() ? 0 : limb_plan().base;
    r.table_chunks = table_chunks(preferred_k());
    return r;
}

BlockRows CircuitBuilder::base_rows() const {
    BlockRows r;
    r.arith = arith_.size();
    r.lookup = lookup_.size();
    r.range = range_.size();
    r.table = table_.size();
    r.instance = instance_.size();
    return r;
}

}  // namespace ps::circuit
