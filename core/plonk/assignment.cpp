#include "core/plonk/assignment.hpp"

#include "core/util/error.hpp"

#include <algorithm>

namespace ps::plonk {

Assignment::Assignment(const ConstraintSystem& cs, unsigned k) : cs_(&cs), k_(k) {
    cs.check_fits(k, "circuit");
    usable_rows_ = cs.usable_rows(k);
    instance_.assign(cs.num_instance_columns(), std::vector<Fr>(usable_rows_));
    advice_.assign(cs.num_advice_columns(), std::vector<Fr>(usable_rows_));
    fixed_.assign(cs.num_fixed_columns(), std::vector<Fr>(usable_rows_));
    instance_length_.assign(cs.num_instance_columns(), 0);
}

void Assignment::check_cell(Column column, size_t row, const char* what) const {
    if (column.index >= cs_->num_columns(column.kind))
        throw Error(std::string(what) + " " + describe(column), "the column does not exist",
                    "add it to the constraint system first");
    if (row >= usable_rows_)
        throw Error(std::string(what) + " " + describe(column) + " row " + std::to_string(row),
                    "row is outside the " + std::to_string(usable_rows_) + " usable rows of a 2^" +
                        std::to_string(k_) + " circuit (the last " + std::to_string(n() - usable_rows_) +
                        " rows are reserved for blinding)",
                    "use a larger k");
}

std::vector<std::vector<Fr>>& Assignment::storage(ColumnKind kind) {
    switch (kind) {
    case ColumnKind::Instance: return instance_;
    case ColumnKind::Advice: return advice_;
    case ColumnKind::Fixed: break;
    }
    return fixed_;
}

const std::vector<std::vector<Fr>>& Assignment::columns(ColumnKind kind) const {
    return const_cast<Assignment*>(this)->storage(kind);
}

void Assignment::assign(Column column, size_t row, const Fr& value) {
    check_cell(column, row, "assign");
    storage(column.kind)[column.index][row] = value;
    if (column.kind == ColumnKind::Instance)
        instance_length_[column.index] = std::max(instance_length_[column.index], row + 1);
}

const Fr& Assignment::value(Column column, size_t row) const {
    check_cell(column, row, "read");
    return columns(column.kind)[column.index][row];
}

void Assignment::copy(Cell a, Cell b) {
    check_cell(a.column, a.row, "copy");
    check_cell(b.column, b.row, "copy");
    const auto& perm = cs_->permutation_columns();
    for (const Cell& c : {a, b})
        if (std::find(perm.begin(), perm.end(), c.column) == perm.end())
            throw Error("copy " + describe(c.column) + " row " + std::to_string(c.row),
                        "the column is not equality-enabled", "call enable_equality on it");
    copies_.push_back({a, b});
}

void Assignment::label_rows(size_t first_row, size_t end_row, std::string label) {
    regions_.push_back({first_row, end_row, std::move(label)});
}

std::string Assignment::region_of(size_t row) const {
    const RegionLabel* best = nullptr;
    for (const auto& r : regions_)
        if (row >= r.first_row && row < r.end_row &&
            (!best || r.end_row - r.first_row <= best->end_row - best->first_row))
            best = &r;
    return best ? best->label : std::string();
}

std::vector<std::vector<Fr>> Assignment::instance_values() const {
    std::vector<std::vector<Fr>> out(instance_.size());
    for (size_t c = 0; c < instance_.size(); ++c)
        out[c].assign(instance_[c].begin(), instance_[c].begin() + long(instance_length_[c]));
    return out;
}

}  // namespace ps::plonk
