#pragma once
// The values a circuit puts in its columns: fixed (known at keygen), advice (the
// witness), instance (public inputs), plus its copy constraints and the region labels
// the mock prover prints next to a failure ("layer 3 (Conv)"). keygen reads the fixed
// part and the copies; the prover reads advice and instance.
#include "core/plonk/constraint_system.hpp"

#include <string>
#include <vector>

namespace ps::plonk {

struct CopyConstraint {
    Cell a, b;
};

struct RegionLabel {
    size_t first_row = 0, end_row = 0;  // [first, end)
    std::string label;
};

class Assignment {
public:
    Assignment(const ConstraintSystem& cs, unsigned k);

    unsigned k() const { return k_; }
    size_t n() const { return size_t(1) << k_; }
    size_t usable_rows() const { return usable_rows_; }
    const ConstraintSystem& constraint_system() const { return *cs_; }

    // Throws ps::Error when the column does not exist or the row is outside the usable
    // rows (the rows after them are the prover's blinding rows).
    void assign(Column column, size_t row, const Fr& value);
    void enable_selector(Column selector, size_t row) { assign(selector, row, Fr::one()); }
    const Fr& value(Column column, size_t row) const;
    // Both cells' columns must be equality-enabled.
    void copy(Cell a, Cell b);
    void label_rows(size_t first_row, size_t end_row, std::string label);
    // The innermost label covering `row`, or "" when none does.
    std::string region_of(size_t row) const;

    // [column][row], usable_rows() entries each. Read-only: every write goes through
    // assign(), which checks the cell and tracks the instance lengths the vk pins.
    const std::vector<std::vector<Fr>>& columns(ColumnKind kind) const;
    const std::vector<CopyConstraint>& copies() const { return copies_; }
    // The public inputs: each instance column up to its last assigned row.
    std::vector<std::vector<Fr>> instance_values() const;
    // Their lengths (what keygen pins in the vk).
    const std::vector<size_t>& instance_lengths() const { return instance_length_; }

private:
    void check_cell(Column column, size_t row, const char* what) const;
    std::vector<std::vector<Fr>>& storage(ColumnKind kind);

    const ConstraintSystem* cs_;
    unsigned k_;
    size_t usable_rows_;
    std::vector<std::vector<Fr>> instance_, advice_, fixed_;
    std::vector<size_t> instance_length_;
    std::vector<CopyConstraint> copies_;
    std::vector<RegionLabel> regions_;
};

}  // namespace ps::plonk
