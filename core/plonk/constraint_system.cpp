#include "core/plonk/constraint_system.hpp"

#include "core/plonk/field_codec.hpp"
#include "core/poly/domain.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ps::plonk {

unsigned LookupArgument::degree() const {
    unsigned input_degree = 1, table_degree = 1;
    for (const auto& e : inputs) input_degree = std::max(input_degree, e.degree());
    for (const auto& chunk : tables)
        for (const auto& e : chunk) table_degree = std::max(table_degree, e.degree());
    // One chunk: (1 − l_last − l_blind)·[(φ(ωX) − φ(X))·(f + β)·(t + β) − (t + β) + m·(f + β)].
    if (!uses_helpers()) return 2 + input_degree + table_degree;
    // Several: l_active·[(φ(ωX) − φ(X) + Σ h_j)·(f + β) − 1] and l_active·[h_j·(t_j + β) − m_j].
    return 2 + std::max(input_degree, table_degree);
}

Column ConstraintSystem::add_instance_column() { return {ColumnKind::Instance, num_instance_++}; }
Column ConstraintSystem::add_advice_column() { return {ColumnKind::Advice, num_advice_++}; }
Column ConstraintSystem::add_fixed_column() {
    fixed_names_.emplace_back();
    return {ColumnKind::Fixed, num_fixed_++};
}
Column ConstraintSystem::add_selector(std::string name) {
    fixed_names_.push_back(std::move(name));
    return {ColumnKind::Fixed, num_fixed_++};
}

uint32_t ConstraintSystem::num_columns(ColumnKind kind) const {
    switch (kind) {
    case ColumnKind::Instance: return num_instance_;
    case ColumnKind::Advice: return num_advice_;
    case ColumnKind::Fixed: return num_fixed_;
    }
    return 0;
}

void ConstraintSystem::check_column(Column column, const std::string& where) const {
    if (column.index >= num_columns(column.kind))
        throw Error(where, describe(column) + " does not exist (the constraint system has " +
                               std::to_string(num_columns(column.kind)) + " such columns)",
                    "add the column before using it");
}

void ConstraintSystem::check_expression(const Expression& e, const std::string& where) const {
    if (e.deeper_than(MAX_EXPRESSION_DEPTH))
        throw Error(where, "expression nested deeper than " + std::to_string(MAX_EXPRESSION_DEPTH) + " levels",
                    "build long sums and products as balanced trees, or split the constraint");
    e.for_each_query([&](Column c, int32_t) { check_column(c, where); });
}

void ConstraintSystem::enable_equality(Column column) {
    check_column(column, "enable_equality");
    // A set beside the ordered list: p columns cost O(p log p), not O(p²).
    if (equality_enabled_.insert(column).second) permutation_columns_.push_back(column);
}

void ConstraintSystem::create_gate(std::string name, std::vector<Expression> constraints) {
    for (const auto& c : constraints) check_expression(c, "gate '" + name + "'");
    if (constraints.empty())
        throw Error("gate '" + name + "'", "has no constraints", "pass at least one expression");
    gates_.push_back({std::move(name), std::move(constraints)});
}

void ConstraintSystem::add_lookup(std::string name,
                                  std::vector<std::pair<Expression, Expression>> input_to_table) {
    std::vector<Expression> inputs;
    std::vector<std::vector<Expression>> table(1);
    for (auto& [input, t] : input_to_table) {
        inputs.push_back(std::move(input));
        table[0].push_back(std::move(t));
    }
    add_lookup(std::move(name), std::move(inputs), std::move(table));
}

void ConstraintSystem::add_lookup(std::string name, std::vector<Expression> inputs,
                                  std::vector<std::vector<Expression>> tables) {
    const std::string where = "lookup '" + name + "'";
    if (inputs.empty()) throw Error(where, "has no (input, table) pairs", "pass at least one");
    if (tables.empty()) throw Error(where, "has no table chunk", "pass at least one");
    for (const auto& e : inputs) check_expression(e, where + " input");
    for (size_t j = 0; j < tables.size(); ++j) {
        if (tables[j].size() != inputs.size())
            throw Error(where, "table chunk " + std::to_string(j) + " is a tuple of " +
                                   std::to_string(tables[j].size()) + " expressions, the input of " +
                                   std::to_string(inputs.size()),
                        "give every chunk one expression per input component");
        for (const auto& e : tables[j]) check_expression(e, where + " table");
    }
    lookups_.push_back({std::move(name), std::move(inputs), std::move(tables)});
}

unsigned ConstraintSystem::degree() const {
    unsigned d = 3;
    for (const auto& g : gates_)
        for (const auto& c : g.constraints) d = std::max(d, c.degree());
    for (const auto& l : lookups_) d = std::max(d, l.degree());
    return d;
}

std::vector<Query> ConstraintSystem::queries(ColumnKind kind) const {
    std::set<Query> found;
    auto collect = [&](const Expression& e) {
        e.for_each_query([&](Column c, int32_t r) {
            if (c.kind == kind) found.insert({c, r});
        });
    };
    for (const auto& g : gates_)
        for (const auto& c : g.constraints) collect(c);
    for (const auto& l : lookups_) {
        for (const auto& e : l.inputs) collect(e);
        for (const auto& chunk : l.tables)
            for (const auto& e : chunk) collect(e);
    }
    // The permutation argument opens every equality column at the current row.
    for (Column c : permutation_columns_)
        if (c.kind == kind) found.insert({c, 0});
    return {found.begin(), found.end()};
}

unsigned ConstraintSystem::blinding_factors() const {
    std::map<uint32_t, unsigned> per_column;
    for (const Query& q : queries(ColumnKind::Advice)) ++per_column[q.column.index];
    unsigned most = 1;
    for (const auto& [column, count] : per_column) most = std::max(most, count);
    // permutation products are opened at 3 points, logUp accumulators at 2.
    return std::max(3u, most) + 2;
}

size_t ConstraintSystem::usable_rows(unsigned k) const {
    check_fits(k, "circuit of 2^" + std::to_string(k) + " rows");
    return (size_t(1) << k) - (blinding_factors() + 1);
}

void ConstraintSystem::check_fits(unsigned k, const std::string& where) const {
    const unsigned reserved = blinding_factors() + 1;
    if (k > fr::TWO_ADICITY)
        throw Error(where, "k = " + std::to_string(k) + " exceeds 28 (Fr's two-adicity)", "use k ≤ 28");
    if ((size_t(1) << k) <= reserved)
        throw Error(where,
                    "k = " + std::to_string(k) + ": 2^" + std::to_string(k) + " rows leave no usable row (the last " +
                        std::to_string(reserved) + " rows are the blinding rows and the \"last\" row)",
                    "use a larger k");
    const unsigned j = extension_log_for(k, degree());
    if (k + j > fr::TWO_ADICITY)
        throw Error(where,
                    "constraint degree " + std::to_string(degree()) + " at k = " + std::to_string(k) +
                        " needs an extended domain of 2^" + std::to_string(k + j) + " points, more than 2^28",
                    "lower the degree of the gates or k");
}

namespace {

// 2: a lookup lists its table chunks (one or more tuples) after its inputs.
constexpr uint32_t ENCODING_VERSION = 2;

void encode_column(ByteWriter& out, Column c) {
    out.u8(uint8_t(c.kind));
    out.u32(c.index);
}

Column decode_column(ByteReader& in) {
    const uint8_t kind = in.u8();
    if (kind > uint8_t(ColumnKind::Fixed)) in.fail("unknown column kind " + std::to_string(kind), 1);
    return {ColumnKind(kind), in.u32()};
}

void encode_expression(ByteWriter& out, const Expression& e) {
    out.u8(uint8_t(e.op()));
    switch (e.op()) {
    case Expression::Op::Constant: write_fr(out, e.constant_value()); return;
    case Expression::Op::Query:
        encode_column(out, e.column());
        out.i32(e.rotation());
        return;
    case Expression::Op::Negated: encode_expression(out, e.lhs()); return;
    case Expression::Op::Scaled:
        write_fr(out, e.constant_value());
        encode_expression(out, e.lhs());
        return;
    case Expression::Op::Sum:
    case Expression::Op::Product:
        encode_expression(out, e.lhs());
        encode_expression(out, e.rhs());
        return;
    }
}

Expression decode_expression(ByteReader& in, int depth) {
    if (depth >= int(MAX_EXPRESSION_DEPTH))
        in.fail("expression nested deeper than " + std::to_string(MAX_EXPRESSION_DEPTH) + " levels");
    const uint8_t op = in.u8();
    switch (Expression::Op(op)) {
    case Expression::Op::Constant: return Expression::constant(read_fr(in));
    case Expression::Op::Query: {
        const Column c = decode_column(in);
        return Expression::query(c, in.i32());
    }
    case Expression::Op::Negated: return -decode_expression(in, depth + 1);
    case Expression::Op::Scaled: {
        const Fr factor = read_fr(in);
        return decode_expression(in, depth + 1) * factor;
    }
    case Expression::Op::Sum: {
        Expression a = decode_expression(in, depth + 1);
        return a + decode_expression(in, depth + 1);
    }
    case Expression::Op::Product: {
        Expression a = decode_expression(in, depth + 1);
        return a * decode_expression(in, depth + 1);
    }
    }
    in.fail("unknown expression node " + std::to_string(op), 1);
}

}  // namespace

std::vector<uint8_t> ConstraintSystem::encode() const {
    ByteWriter out;
    out.u32(ENCODING_VERSION);
    out.u32(num_instance_);
    out.u32(num_advice_);
    out.u32(num_fixed_);
    for (const auto& name : fixed_names_) out.str(name);
    out.u64(permutation_columns_.size());
    for (Column c : permutation_columns_) encode_column(out, c);
    out.u64(gates_.size());
    for (const auto& g : gates_) {
        out.str(g.name);
        out.u64(g.constraints.size());
        for (const auto& c : g.constraints) encode_expression(out, c);
    }
    out.u64(lookups_.size());
    for (const auto& l : lookups_) {
        out.str(l.name);
        out.u64(l.inputs.size());
        for (const auto& e : l.inputs) encode_expression(out, e);
        out.u64(l.tables.size());
        for (const auto& chunk : l.tables)
            for (const auto& e : chunk) encode_expression(out, e);
    }
    return std::move(out.bytes());
}

ConstraintSystem ConstraintSystem::decode(std::span<const uint8_t> bytes, const std::string& where) {
    ByteReader in(bytes, where);
    const uint32_t version = in.u32();
    if (version != ENCODING_VERSION)
        in.fail("constraint-system encoding version " + std::to_string(version) + ", expected " +
                    std::to_string(ENCODING_VERSION),
                4);
    ConstraintSystem cs;
    const uint32_t instance = in.u32(), advice = in.u32(), fixed = in.u32();
    if (uint64_t(instance) + advice + fixed > in.remaining()) in.fail("column counts exceed the data");
    for (uint32_t i = 0; i < instance; ++i) cs.add_instance_column();
    for (uint32_t i = 0; i < advice; ++i) cs.add_advice_column();
    for (uint32_t i = 0; i < fixed; ++i) cs.add_selector(in.str());
    try {
        for (uint64_t i = 0, n = in.count(5); i < n; ++i) {
            const Column c = decode_column(in);
            // The encoding lists each column once: a repeat is a crafted file.
            if (cs.is_equality_enabled(c)) in.fail(describe(c) + " is listed twice among the equality columns", 5);
            cs.enable_equality(c);
        }
        for (uint64_t i = 0, n = in.count(9); i < n; ++i) {
            std::string name = in.str();
            std::vector<Expression> constraints(in.count(1));
            for (auto& c : constraints) c = decode_expression(in, 0);
            cs.create_gate(std::move(name), std::move(constraints));
        }
        for (uint64_t i = 0, n = in.count(9); i < n; ++i) {
            std::string name = in.str();
            // Every expression takes at least 2 bytes: the counts are bounded by the data.
            std::vector<Expression> inputs(in.count(2));
            for (auto& e : inputs) e = decode_expression(in, 0);
            std::vector<std::vector<Expression>> tables(in.count(2 * std::max<size_t>(1, inputs.size())));
            for (auto& chunk : tables) {
                chunk.resize(inputs.size());
                for (auto& e : chunk) e = decode_expression(in, 0);
            }
            cs.add_lookup(std::move(name), std::move(inputs), std::move(tables));
        }
    } catch (const Error& e) {
        if (e.where().rfind(where, 0) == 0) throw;
        in.fail(e.what());
    }
    if (in.remaining() != 0) in.fail(std::to_string(in.remaining()) + " unexpected trailing bytes");
    return cs;
}

}  // namespace ps::plonk
