// CircuitBuilder::build: the columns, gates and lookups of circuit_builder.hpp, and the
// recorded rows written into an Assignment. The constraint system depends only on
// BuilderConfig, so every model with the same run_args shares its gate set.
#include "core/circuit/circuit_builder.hpp"
#include "core/circuit/field_value.hpp"
#include "core/util/error.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace ps::circuit {

using plonk::Column;
using plonk::Expression;

namespace {

struct Columns {
    std::vector<Column> x, y, f;
    Column z;
    std::array<Column, ROW_KINDS> selector;  // index RowKind (Free has none: unused)
    Column lx, ly, tag, t_tag, t_x, t_y;
    Column rv, offset, s_lo, s_hi, range_table;
    std::vector<Column> limbs;
    Column instance;

    Column of(const CellRef& c, uint32_t pairs) const {
        switch (c.block) {
        case Block::Arith:
            return c.column < pairs ? x[c.column] : c.column < 2 * pairs ? y[c.column - pairs] : z;
        case Block::Lookup: return c.column == 0 ? lx : ly;
        case Block::Range: return rv;
        case Block::Instance: return instance;
        }
        return z;
    }
};

const char* kind_name(RowKind k) {
    switch (k) {
    case RowKind::Free: return "free";
    case RowKind::Dot0: return "dot-product (first)";
    case RowKind::Dot: return "dot-product";
    case RowKind::DotFixed0: return "dot-product-fixed (first)";
    case RowKind::DotFixed: return "dot-product-fixed";
    case RowKind::Sum0: return "sum (first)";
    case RowKind::Sum: return "sum";
    case RowKind::Sub: return "sub";
    case RowKind::Divide: return "divide";
    case RowKind::Sign: return "sign";
    case RowKind::Constant: return "constant";
    }
    return "?";
}

Columns configure(plonk::ConstraintSystem& cs, const BuilderConfig& config, const LimbPlan& limbs) {
    Columns c;
    const uint32_t p = config.pairs;
    for (uint32_t i = 0; i < p; ++i) c.x.push_back(cs.add_advice_column());
    for (uint32_t i = 0; i < p; ++i) c.y.push_back(cs.add_advice_column());
    c.z = cs.add_advice_column();
    c.lx = cs.add_advice_column();
    c.ly = cs.add_advice_column();
    c.rv = cs.add_advice_column();
    for (uint32_t j = 0; j < limbs.count; ++j) c.limbs.push_back(cs.add_advice_column());
    c.instance = cs.add_instance_column();
    for (uint32_t i = 0; i < p; ++i) c.f.push_back(cs.add_fixed_column());
    for (size_t k = 1; k < ROW_KINDS; ++k) c.selector[k] = cs.add_selector(kind_name(RowKind(k)));
    c.tag = cs.add_fixed_column();
    c.t_tag = cs.add_fixed_column();
    c.t_x = cs.add_fixed_column();
    c.t_y = cs.add_fixed_column();
    c.offset = cs.add_fixed_column();
    c.s_lo = cs.add_selector("range-low");
    c.s_hi = cs.add_selector("range-high");
    c.range_table = cs.add_fixed_column();
    for (const auto& col : c.x) cs.enable_equality(col);
    for (const auto& col : c.y) cs.enable_equality(col);
    for (Column col : {c.z, c.lx, c.ly, c.rv, c.instance}) cs.enable_equality(col);

    auto q = [](Column col, int32_t rot = 0) { return Expression::query(col, rot); };
    auto s = [&](RowKind k) { return q(c.selector[size_t(k)]); };
    Expression products, fixed_products, sums;
    for (uint32_t i = 0; i < p; ++i) {
        products = products + q(c.x[i]) * q(c.y[i]);
        fixed_products = fixed_products + q(c.x[i]) * q(c.f[i]);
        sums = sums + q(c.x[i]) + q(c.y[i]);
    }
    const Expression z = q(c.z), z_prev = q(c.z, -1);
    cs.create_gate("dot-product", {s(RowKind::Dot0) * (z - products), s(RowKind::Dot) * (z - z_prev - products)});
    cs.create_gate("dot-product-fixed",
                   {s(RowKind::DotFixed0) * (z - fixed_products), s(RowKind::DotFixed) * (z - z_prev - fixed_products)});
    cs.create_gate("sum", {s(RowKind::Sum0) * (z - sums), s(RowKind::Sum) * (z - z_prev - sums)});
    cs.create_gate("sub", {s(RowKind::Sub) * (z - q(c.x[0]) + q(c.y[0]))});
    cs.create_gate("divide", {s(RowKind::Divide) * (q(c.x[0]) + q(c.f[1]) - z * q(c.f[0]) - q(c.y[0]))});
    const Expression one = Expression::constant(int64_t(1)), bit = q(c.y[0]), x0 = q(c.x[0]);
    cs.create_gate("sign", {s(RowKind::Sign) * (bit * (one - bit)), s(RowKind::Sign) * (z - bit * x0),
                            s(RowKind::Sign) * (q(c.x[1]) - (bit + bit - one) * x0 - bit + one)});
    std::vector<Expression> pins;
    for (uint32_t i = 0; i < p; ++i) pins.push_back(s(RowKind::Constant) * (q(c.x[i]) - q(c.f[i])));
    cs.create_gate("constant", pins);

    Expression composed;
    Fr power = Fr::one();
    for (uint32_t j = 0; j < limbs.count; ++j) {
        composed = composed + q(c.limbs[j]) * power;
        power = power * Fr::from_u64(limbs.base);
    }
    cs.create_gate("range-check", {q(c.s_lo) * (q(c.rv) - q(c.offset) - composed),
                                   q(c.s_hi) * (q(c.offset) - q(c.rv) - composed)});
    for (uint32_t j = 0; j < limbs.count; ++j)
        cs.add_lookup("range limb " + std::to_string(j), {{q(c.limbs[j]), q(c.range_table)}});
    cs.add_lookup("function table", {{q(c.tag), q(c.t_tag)}, {q(c.lx), q(c.t_x)}, {q(c.ly), q(c.t_y)}});
    return c;
}

}  // namespace

namespace {

// Smallest k whose usable rows hold `rows` for the gate set of `cs`.
unsigned k_for_rows(const plonk::ConstraintSystem& cs, size_t rows) {
    for (unsigned k = 4; k <= 28; ++k)
        if ((size_t(1) << k) > cs.blinding_factors() + 1 && cs.usable_rows(k) >= rows) return k;
    throw Error("circuit", "the model needs " + std::to_string(rows) + " rows, more than 2^28",
                "lower the scales or split the model");
}

}  // namespace

LimbPlan CircuitBuilder::limb_plan() const {
    const uint64_t base = config_.decomp_base;
    const LimbPlan as_asked{base, config_.decomp_legs};
    if (range_.empty() || (base & (base - 1)) != 0) return as_asked;
    const unsigned bits = unsigned(std::countr_zero(base)) * config_.decomp_legs;
    const size_t other = base_rows().max();
    // Cost model: 2^k rows × the polynomials the prover commits (advice, permutation
    // chunks, lookups' m and φ, quotient pieces); each limb column adds a column and a
    // lookup. Deterministic in the layout, so setup and prove choose alike.
    const double fixed_polys = double(2 * config_.pairs + 4) + double(2 * config_.pairs + 6) / 2 + 2 + 3;
    LimbPlan best = as_asked;
    double best_cost = -1;
    for (unsigned limb_bits = 1; limb_bits <= unsigned(std::countr_zero(base)); ++limb_bits) {
        if (bits % limb_bits != 0) continue;
        const LimbPlan candidate{uint64_t(1) << limb_bits, bits / limb_bits};
        plonk::ConstraintSystem cs;
        configure(cs, config_, candidate);
        const unsigned k = k_for_rows(cs, std::max<size_t>(other, candidate.base));
        const double cost = double(size_t(1) << k) * (fixed_polys + 3.0 * candidate.count);
        if (best_cost < 0 || cost < best_cost || (cost == best_cost && candidate.count < best.count)) {
            best = candidate;
            best_cost = cost;
        }
    }
    return best;
}

unsigned CircuitBuilder::minimum_k() const {
    plonk::ConstraintSystem cs;
    configure(cs, config_, limb_plan());
    return k_for_rows(cs, rows().max());
}

BuiltCircuit CircuitBuilder::build(unsigned k) const {
    BuiltCircuit out;
    out.cs = std::make_unique<plonk::ConstraintSystem>();
    const LimbPlan limbs = limb_plan();
    const Columns c = configure(*out.cs, config_, limbs);
    if (k < minimum_k())
        throw Error("settings.json: run_args.logrows",
                    "logrows = " + std::to_string(k) + " is too small: the circuit needs 2^" +
                        std::to_string(minimum_k()) + " rows (" + std::to_string(rows().max()) + " used)",
                    "run gen-settings / calibrate-settings again, or pass --logrows " + std::to_string(minimum_k()));
    out.assignment = std::make_unique<plonk::Assignment>(*out.cs, k);
    plonk::Assignment& a = *out.assignment;
    const uint32_t p = config_.pairs;

    for (size_t row = 0; row < arith_.size(); ++row) {
        const ArithRow& r = arith_[row];
        if (r.kind != RowKind::Free) a.enable_selector(c.selector[size_t(r.kind)], row);
        for (uint32_t i = 0; i < p; ++i) {
            if (r.x[i] != 0) a.assign(c.x[i], row, field_value(r.x[i]));
            if (r.y[i] != 0) a.assign(c.y[i], row, field_value(r.y[i]));
            if (r.f[i] != 0) a.assign(c.f[i], row, field_value(r.f[i]));
        }
        if (r.z != 0) a.assign(c.z, row, field_value(r.z));
    }
    for (size_t row = 0; row < lookup_.size(); ++row) {
        a.assign(c.tag, row, Fr::from_u64(lookup_[row].tag));
        a.assign(c.lx, row, field_value(lookup_[row].x));
        a.assign(c.ly, row, field_value(lookup_[row].y));
    }
    for (size_t row = 0; row < table_.size(); ++row) {  // row table_.size() stays (0, 0, 0)
        a.assign(c.t_tag, row, Fr::from_u64(table_[row].tag));
        a.assign(c.t_x, row, field_value(table_[row].x));
        a.assign(c.t_y, row, field_value(table_[row].y));
    }
    const i128 base = i128(limbs.base);
    for (size_t row = 0; row < range_.size(); ++row) {
        const RangeRow& r = range_[row];
        a.enable_selector(r.high ? c.s_hi : c.s_lo, row);
        a.assign(c.rv, row, field_value(r.v));
        a.assign(c.offset, row, field_value(r.offset));
        // Out-of-range values get limbs that cannot satisfy the gate and lookups: the
        // mock prover names the row and the proof fails.
        i128 rest = r.high ? r.offset - r.v : r.v - r.offset;
        for (uint32_t j = 0; j < limbs.count; ++j) {
            const i128 limb = ((rest % base) + base) % base;
            a.assign(c.limbs[j], row, field_value(limb));
            rest = (rest - limb) / base;
        }
    }
    if (!range_.empty())
        for (uint64_t v = 0; v < limbs.base; ++v) a.assign(c.range_table, size_t(v), Fr::from_u64(v));
    for (size_t row = 0; row < instance_.size(); ++row) a.assign(c.instance, row, field_value(instance_[row]));
    for (const auto& [from, to] : copies_) a.copy({c.of(from, p), from.row}, {c.of(to, p), to.row});
    return out;
}

size_t CircuitBuilder::region_index(Block block, size_t row) const {
    const auto& v = block == Block::Arith ? arith_label_ : block == Block::Range ? range_label_ : lookup_label_;
    return row < v.size() ? v[row] : 0;
}

std::string CircuitBuilder::region_of(Block block, size_t row) const { return labels_[region_index(block, row)]; }

}  // namespace ps::circuit
