// CircuitBuilder::build: the columns, gates and lookups of circuit_builder.hpp, and the
// recorded rows written into an Assignment. The gate set depends only on BuilderConfig;
// the number of function-table chunks on the table's rows and k.
#include "core/circuit/circuit_builder.hpp"
#include "core/circuit/field_value.hpp"
#include "core/plonk/permutation.hpp"
#include "core/plonk/vanishing.hpp"
#include "core/poly/domain.hpp"
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
    Column lx, ly, tag;
    std::vector<std::array<Column, 3>> table;  // per chunk: t_tag, t_x, t_y
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

Columns configure(plonk::ConstraintSystem& cs, const BuilderConfig& config, const LimbPlan& limbs,
                  size_t table_chunks) {
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
    for (size_t j = 0; j < table_chunks; ++j)
        c.table.push_back({cs.add_fixed_column(), cs.add_fixed_column(), cs.add_fixed_column()});
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
    std::vector<std::vector<Expression>> chunks;
    for (const auto& t : c.table) chunks.push_back({q(t[0]), q(t[1]), q(t[2])});
    cs.add_lookup("function table", {q(c.tag), q(c.lx), q(c.ly)}, std::move(chunks));
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

// Chunks a stacked table of `table_rows` rows (and the all-zero row) takes at k; the
// chunk count changes only fixed columns, never the blinding rows, so `cs` may be
// configured with any number of chunks.
size_t chunks_for(const plonk::ConstraintSystem& cs, unsigned k, size_t table_rows) {
    const size_t usable = cs.usable_rows(k);
    return std::max<size_t>(1, (table_rows + 1 + usable - 1) / usable);
}

// The cost model that picks the limb plan and k together: the prover handles every
// committed or fixed polynomial on every row (advice, fixed, permutation products,
// lookups' m_j, h_j and φ, quotient pieces), and each polynomial also costs about
// POLY_OVERHEAD_ROWS rows' worth whatever k is: its commitment and evaluations in the
// proof and the verifier's scalar multiplications, the FFT and MSM set-up. A table chunk
// brings 5 polynomials (t_tag, t_x, t_y, m_j, h_j) and J·2^k ≈ table rows, so the
// tables' row term is about constant in k: only the overhead term makes a larger k pay,
// when the chunks are many. Deterministic in the layout, so setup and prove choose alike.
constexpr double POLY_OVERHEAD_ROWS = 64;

double layout_cost(const plonk::ConstraintSystem& cs, unsigned k) {
    size_t polys = cs.num_advice_columns() + cs.num_fixed_columns() + plonk::permutation::chunk_count(cs) +
                   plonk::vanishing::quotient_piece_count(cs);
    for (const auto& l : cs.lookups()) polys += l.tables.size() * (l.uses_helpers() ? 2 : 1) + 1;
    return double(polys) * (double(size_t(1) << k) + POLY_OVERHEAD_ROWS);
}

}  // namespace

CircuitBuilder::LayoutChoice CircuitBuilder::choose_layout() const {
    const uint64_t base = config_.decomp_base;
    const LimbPlan as_asked{base, config_.decomp_legs};
    std::vector<LimbPlan> candidates{as_asked};
    if (!range_.empty() && (base & (base - 1)) == 0) {
        // The same span b^L = decomp_base^decomp_legs with smaller limbs and more columns.
        candidates.clear();
        const unsigned bits = unsigned(std::countr_zero(base)) * config_.decomp_legs;
        for (unsigned limb_bits = 1; limb_bits <= unsigned(std::countr_zero(base)); ++limb_bits)
            if (bits % limb_bits == 0) candidates.push_back({uint64_t(1) << limb_bits, bits / limb_bits});
    }
    const size_t other = base_rows().max();
    LayoutChoice best{as_asked, 0};
    double best_cost = -1;
    for (const LimbPlan& candidate : candidates) {
        plonk::ConstraintSystem one_chunk;
        configure(one_chunk, config_, candidate, 1);
        const unsigned smallest = k_for_rows(one_chunk, std::max<size_t>(other, range_.empty() ? 0 : candidate.base));
        for (unsigned k = smallest; k <= fr::TWO_ADICITY; ++k) {
            const size_t chunks = chunks_for(one_chunk, k, table_.size());
            plonk::ConstraintSystem cs;
            configure(cs, config_, candidate, chunks);
            if (k + extension_log_for(k, cs.degree()) > fr::TWO_ADICITY) break;
            const double cost = layout_cost(cs, k);
            if (best_cost < 0 || cost < best_cost ||
                (cost == best_cost && candidate.count < best.limbs.count)) {
                best = {candidate, k};
                best_cost = cost;
            }
            if (chunks == 1) break;  // a larger k only adds rows
        }
    }
    if (best_cost < 0) {  // nothing fits: minimum_k reports why
        best.k = minimum_k_for(as_asked);
    }
    return best;
}

LimbPlan CircuitBuilder::limb_plan() const { return choose_layout().limbs; }

unsigned CircuitBuilder::preferred_k() const { return choose_layout().k; }

unsigned CircuitBuilder::minimum_k_for(const LimbPlan& limbs) const {
    plonk::ConstraintSystem cs;
    configure(cs, config_, limbs, 1);
    BlockRows r = base_rows();
    r.range_table = range_.empty() ? 0 : limbs.base;
    return k_for_rows(cs, r.max());
}

unsigned CircuitBuilder::minimum_k() const { return minimum_k_for(limb_plan()); }

size_t CircuitBuilder::table_chunks(unsigned k) const {
    plonk::ConstraintSystem cs;
    configure(cs, config_, limb_plan(), 1);
    return chunks_for(cs, k, table_.size());
}

BuiltCircuit CircuitBuilder::build(unsigned k) const {
    BuiltCircuit out;
    out.cs = std::make_unique<plonk::ConstraintSystem>();
    const LimbPlan limbs = limb_plan();
    if (const unsigned needed = minimum_k(); k < needed)
        throw Error("settings.json: run_args.logrows",
                    "logrows = " + std::to_string(k) + " is too small: the circuit needs 2^" + std::to_string(needed) +
                        " rows (" + std::to_string(rows().max()) + " used)",
                    "run gen-settings / calibrate-settings again, or pass --logrows " + std::to_string(needed));
    const Columns c = configure(*out.cs, config_, limbs, table_chunks(k));
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
    // Table row i goes to chunk i / usable, row i % usable; the rows after the last
    // (at least one: table_chunks counts it) stay (0, 0, 0).
    const size_t usable = a.usable_rows();
    for (size_t i = 0; i < table_.size(); ++i) {
        const auto& t = c.table[i / usable];
        a.assign(t[0], i % usable, Fr::from_u64(table_[i].tag));
        a.assign(t[1], i % usable, field_value(table_[i].x));
        a.assign(t[2], i % usable, field_value(table_[i].y));
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
