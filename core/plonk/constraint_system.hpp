#pragma once
// The shape of a PLONKish circuit (halo2's ConstraintSystem): instance, advice and fixed
// columns, selectors (fixed columns holding 0/1), custom gates, equality-enabled
// columns for copy constraints, and logUp lookups of expression tuples into tables.
// From it follow the maximum constraint degree, the queried (column, rotation) pairs
// and the number of blinding rows.
#include "core/plonk/expression.hpp"

#include <set>
#include <string>
#include <vector>

namespace ps::plonk {

struct Gate {
    std::string name;
    std::vector<Expression> constraints;  // each must vanish on every usable row
};

// logUp lookup: on every usable row the tuple (inputs[0..w)) must equal the tuple
// tables[j][0..w) on some usable row of some chunk j. A row that is not "selected" must
// still land in a table, so inputs are usually written s·x (with 0 in the table) or
// s·x + (1−s)·default. A table taller than the circuit is split over several chunks
// (sets of fixed columns): the union of their rows is the table, so no table forces
// the circuit's row count up.
struct LookupArgument {
    std::string name;
    std::vector<Expression> inputs;
    std::vector<std::vector<Expression>> tables;  // chunks, each a tuple as wide as inputs
    // One chunk is proved in the multiplied-out form (no helper columns); several with
    // one helper column h_j = m_j/(t_j + β) per chunk (lookup.hpp).
    bool uses_helpers() const { return tables.size() > 1; }
    // One chunk: 2 + deg(inputs) + deg(table); several: 2 + max(deg(inputs), deg(t_j)),
    // whatever the number of chunks.
    unsigned degree() const;
};

struct Query {
    Column column;
    int32_t rotation = 0;
    auto operator<=>(const Query&) const = default;
};

class ConstraintSystem {
public:
    Column add_instance_column();
    Column add_advice_column();
    Column add_fixed_column();
    // A selector is a fixed column the circuit fills with 0/1; named for the mock prover.
    Column add_selector(std::string name);

    // Cells of this column may take part in copy constraints.
    void enable_equality(Column column);
    void create_gate(std::string name, std::vector<Expression> constraints);
    // One (input, table) pair per tuple component; a single pair is a plain lookup.
    void add_lookup(std::string name, std::vector<std::pair<Expression, Expression>> input_to_table);
    // `inputs` looked up in the union of the chunks' rows; each chunk a tuple of
    // inputs.size() expressions. One chunk is the same lookup add_lookup makes.
    void add_lookup(std::string name, std::vector<Expression> inputs, std::vector<std::vector<Expression>> tables);

    uint32_t num_instance_columns() const { return num_instance_; }
    uint32_t num_advice_columns() const { return num_advice_; }
    uint32_t num_fixed_columns() const { return num_fixed_; }
    uint32_t num_columns(ColumnKind kind) const;
    const std::vector<Gate>& gates() const { return gates_; }
    const std::vector<LookupArgument>& lookups() const { return lookups_; }
    const std::vector<Column>& permutation_columns() const { return permutation_columns_; }
    bool is_equality_enabled(Column column) const { return equality_enabled_.count(column) != 0; }
    const std::vector<std::string>& fixed_column_names() const { return fixed_names_; }

    // Max degree of every constraint, at least 3 (the permutation argument's minimum).
    unsigned degree() const;
    // Permutation columns per grand-product chunk, so its constraint stays within degree().
    unsigned permutation_chunk_size() const { return degree() - 2; }
    // halo2's rule: every advice polynomial is opened at no more than max(3, queries)
    // points, once more in the multi-open, and one more row as a safety margin.
    unsigned blinding_factors() const;
    // Rows 0..usable-1 hold the circuit; the row after is "last", then the blinding rows.
    // Throws ps::Error (never wraps) when 2^k rows leave none, or k is above 28.
    size_t usable_rows(unsigned k) const;
    // Throws ps::Error naming `where` unless 2^k rows can carry this system: at least one
    // usable row after the blinding rows, and the extended domain of 2^(k+j) points the
    // degree needs within Fr's two-adicity (k + j ≤ 28).
    void check_fits(unsigned k, const std::string& where) const;

    // Distinct queries of each kind in a fixed (sorted) order: the order of evaluations
    // in the proof.
    std::vector<Query> queries(ColumnKind kind) const;

    // A canonical byte encoding of everything above: part of the vk digest and key files.
    std::vector<uint8_t> encode() const;
    // Throws ps::Error naming `where` when the bytes are malformed.
    static ConstraintSystem decode(std::span<const uint8_t> bytes, const std::string& where);

    bool operator==(const ConstraintSystem& other) const { return encode() == other.encode(); }

private:
    void check_column(Column column, const std::string& where) const;
    void check_expression(const Expression& e, const std::string& where) const;

    uint32_t num_instance_ = 0, num_advice_ = 0, num_fixed_ = 0;
    std::vector<std::string> fixed_names_;  // "" for plain fixed columns
    std::vector<Column> permutation_columns_;  // in the order enabled (σ order)
    std::set<Column> equality_enabled_;
    std::vector<Gate> gates_;
    std::vector<LookupArgument> lookups_;
};

}  // namespace ps::plonk
