#include "core/plonk/mock_prover.hpp"

#include "core/plonk/expression_evaluator.hpp"
#include "core/util/random.hpp"

#include <algorithm>
#include <set>

namespace ps::plonk {

std::string ConstraintFailure::message() const {
    std::string s;
    switch (kind) {
    case Kind::Gate:
        s = "gate '" + name + "' constraint " + std::to_string(constraint_index) + " fails at row " +
            std::to_string(row);
        break;
    case Kind::CopyConstraint: s = "copy constraint broken at row " + std::to_string(row); break;
    case Kind::Lookup: s = "lookup '" + name + "' input at row " + std::to_string(row) + " is not in the table"; break;
    }
    if (!region.empty()) s += " (region '" + region + "')";
    if (!columns.empty()) s += " [" + columns + "]";
    if (!detail.empty()) s += ": " + detail;
    return s;
}

namespace {

std::string columns_of(const Expression& e) {
    std::set<std::pair<Column, int32_t>> seen;
    e.for_each_query([&](Column c, int32_t r) { seen.insert({c, r}); });
    std::string s;
    for (const auto& [c, r] : seen) {
        if (!s.empty()) s.append(", ");
        s.append(describe(c));
        if (r) s.append("@").append(std::to_string(r));
    }
    return s;
}

struct FrLess {
    bool operator()(const std::vector<Fr>& a, const std::vector<Fr>& b) const {
        for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
            const U256 x = a[i].raw(), y = b[i].raw();
            for (int l = 3; l >= 0; --l)
                if (x.limb[l] != y.limb[l]) return x.limb[l] < y.limb[l];
        }
        return a.size() < b.size();
    }
};

}  // namespace

std::vector<ConstraintFailure> mock_prove(const Assignment& assignment) {
    const ConstraintSystem& cs = assignment.constraint_system();
    const size_t n = assignment.n(), usable = assignment.usable_rows();

    // Full columns of n rows; advice blinding rows random as the prover makes them.
    SeededRandom rng(0x6d6f636b);
    auto widen = [&](ColumnKind kind, bool blind) {
        std::vector<std::vector<Fr>> out;
        for (const auto& col : assignment.columns(kind)) {
            std::vector<Fr> full(col);
            full.resize(n);
            if (blind)
                for (size_t r = usable; r < n; ++r) full[r] = Fr::random(rng);
            out.push_back(std::move(full));
        }
        return out;
    };
    const std::vector<std::vector<Fr>> instance = widen(ColumnKind::Instance, false),
                                       advice = widen(ColumnKind::Advice, true),
                                       fixed = widen(ColumnKind::Fixed, false);

    // Constraints are evaluated a chunk of rows at a time by the compiled evaluator the
    // prover uses, so the mock prover stays usable on circuits of 2^20 rows.
    ColumnValues values;
    values.size = n;
    for (const auto& col : instance) values.add(ColumnKind::Instance, col);
    for (const auto& col : advice) values.add(ColumnKind::Advice, col);
    for (const auto& col : fixed) values.add(ColumnKind::Fixed, col);
    constexpr size_t CHUNK = 4096;
    std::vector<std::vector<Fr>> scratch;
    auto evaluate_rows = [&](const Expression& e, size_t rows) {
        const CompiledExpression compiled(e);
        std::vector<Fr> out(rows);
        for (size_t first = 0; first < rows; first += CHUNK)
            compiled.evaluate(values, first, std::span(out).subspan(first, std::min(CHUNK, rows - first)), scratch);
        return out;
    };

    // Gates must vanish on all n rows, as the quotient divides by X^n − 1: on the blinding
    // rows too, where advice is random. A gate without a selector fails there on every
    // row at once, so one report per constraint says what to fix instead of n − u lines.
    std::vector<ConstraintFailure> failures;
    for (const Gate& gate : cs.gates())
        for (size_t ci = 0; ci < gate.constraints.size(); ++ci) {
            const auto result = evaluate_rows(gate.constraints[ci], n);
            for (size_t row = 0; row < usable; ++row)
                if (!result[row].is_zero())
                    failures.push_back({ConstraintFailure::Kind::Gate, gate.name, ci, row,
                                        columns_of(gate.constraints[ci]), assignment.region_of(row),
                                        "evaluates to " + result[row].to_dec() + " instead of 0"});
            for (size_t row = usable; row < n; ++row)
                if (!result[row].is_zero()) {
                    failures.push_back({ConstraintFailure::Kind::Gate, gate.name, ci, row,
                                        columns_of(gate.constraints[ci]), "",
                                        "gate active on blinding rows (missing selector?): rows " +
                                            std::to_string(usable) + ".." + std::to_string(n - 1) +
                                            " hold random advice, and every real proof of this circuit fails"});
                    break;
                }
        }

    for (const CopyConstraint& copy : assignment.copies()) {
        const Fr& a = assignment.value(copy.a.column, copy.a.row);
        const Fr& b = assignment.value(copy.b.column, copy.b.row);
        if (!(a == b))
            failures.push_back({ConstraintFailure::Kind::CopyConstraint, "copy", 0, copy.a.row,
                                describe(copy.a.column) + " row " + std::to_string(copy.a.row) + " = " +
                                    describe(copy.b.column) + " row " + std::to_string(copy.b.row),
                                assignment.region_of(copy.a.row),
                                a.to_dec() + " != " + b.to_dec()});
    }

    for (const LookupArgument& lookup : cs.lookups()) {
        auto tuples = [&](const std::vector<Expression>& exprs) {
            std::vector<std::vector<Fr>> components;
            for (const auto& e : exprs) components.push_back(evaluate_rows(e, usable));
            std::vector<std::vector<Fr>> rows(usable);
            for (size_t row = 0; row < usable; ++row)
                for (const auto& c : components) rows[row].push_back(c[row]);
            return rows;
        };
        std::set<std::vector<Fr>, FrLess> table;  // the union of every chunk's rows
        for (const auto& chunk : lookup.tables) {
            const auto chunk_rows = tuples(chunk);
            table.insert(chunk_rows.begin(), chunk_rows.end());
        }
        const auto inputs = tuples(lookup.inputs);
        for (size_t row = 0; row < usable; ++row) {
            const auto& input = inputs[row];
            if (table.count(input)) continue;
            std::string shown;
            for (const Fr& v : input) {
                shown.append(shown.empty() ? "(" : ", ");
                shown.append(v.to_dec());
            }
            std::string cols;
            for (const auto& e : lookup.inputs) {
                if (!cols.empty()) cols.append(", ");
                cols.append(columns_of(e));
            }
            failures.push_back({ConstraintFailure::Kind::Lookup, lookup.name, 0, row, cols,
                                assignment.region_of(row), "input " + shown + ") is not a table row"});
        }
    }
    return failures;
}

}  // namespace ps::plonk
