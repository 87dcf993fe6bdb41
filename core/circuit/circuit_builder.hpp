#pragma once
// The gadget vocabulary every model op is laid out in, and the one place that knows the
// circuit's columns and gates. Gadgets append rows to three independent blocks (so a
// model's rows are max(arith, lookup, range, range table), not their sum) and record copy
// constraints between cells; build() turns the record into a plonk::ConstraintSystem
// and an Assignment for a chosen k.
//
// Columns (p = max(2, num_inner_cols) pairs, L limbs of base b, see LimbPlan):
//   arith   advice x[p], y[p], z; fixed f[p]; one selector per row kind
//   lookup  advice lx, ly; fixed tag          (tag, lx, ly) ∈ ∪_j (t_tag_j, t_x_j, t_y_j)
//   tables  fixed t_tag_j, t_x_j, t_y_j for chunk j < J: the stacked function tables
//           cut into J = ceil((rows + 1) / usable) chunks, so they never force k up
//   range   advice v, d[L]; fixed offset       each d_j ∈ [0, b)
//   public  instance
// Gates (s = that row kind's selector, z' = z on the previous row):
//   dot      z = Σ x_i·y_i (+ z' when continuing)      dot-fixed: y_i → f_i
//   sum      z = Σ x_i + Σ y_i (+ z')                  sub: z = x_0 − y_0
//   divide   x_0 + f_1 − z·f_0 − y_0 = 0              (n + ⌊d/2⌋ = q·d + r; r range-checked)
//   sign     y_0 ∈ {0,1}, z = y_0·x_0, x_1 = (2y_0 − 1)·x_0 + y_0 − 1 (range-checked ≥ 0)
//   const    x_i = f_i
//   range-lo v − offset = Σ d_j·B^j      range-hi offset − v = Σ d_j·B^j
#include "core/circuit/wire.hpp"
#include "core/plonk/assignment.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

namespace ps::circuit {

struct BuilderConfig {
    uint32_t pairs = 2;          // multiply-accumulates per arith row
    uint64_t decomp_base = 16384;
    uint32_t decomp_legs = 2;
};

enum class RowKind : uint8_t { Free, Dot0, Dot, DotFixed0, DotFixed, Sum0, Sum, Sub, Divide, Sign, Constant };
inline constexpr size_t ROW_KINDS = 11;

// How range checks decompose: run_args asks for decomp_legs limbs of decomp_base; when
// decomp_base is a power of two the same b^L = decomp_base^decomp_legs is reached with
// smaller limbs and more columns wherever that makes the circuit cheaper, so a range
// table never forces logrows above what the other rows need.
struct LimbPlan {
    uint64_t base = 0;
    uint32_t count = 0;
};

// Rows used by each block: what decides k. The function tables (`table` rows, stacked)
// do not: they are split over `table_chunks` chunks of fixed columns at the chosen k.
struct BlockRows {
    size_t arith = 0, lookup = 0, range = 0, table = 0, range_table = 0, instance = 0;
    size_t table_chunks = 0;
    size_t max() const;  // the longest block that must fit in one column: all but `table`
};

struct BuiltCircuit {
    std::unique_ptr<plonk::ConstraintSystem> cs;
    std::unique_ptr<plonk::Assignment> assignment;  // points into *cs
};

class CircuitBuilder {
public:
    explicit CircuitBuilder(BuilderConfig config);

    const BuilderConfig& config() const { return config_; }

    // Every row appended until the next call is labelled with `label` (mock reports).
    void set_region(std::string label);

    // ---- cells
    Wire witness(i128 value);    // a free advice cell, constrained only by its uses
    Wire constant(i128 value);   // a cell pinned to a fixed value (one per distinct value)
    // Copies w into the next public (instance) row; the instance holds `claimed` (the
    // witness's public value) when given, so a claim that differs fails the copy.
    Wire expose(const Wire& w, std::optional<i128> claimed = {});
    // Overwrites a cell's value: the witness's claim where it differs from what the
    // gadget computed, so the gate that defines the cell reports the layer.
    void set_value(const CellRef& cell, i128 value);

    // ---- arithmetic
    Wire dot(std::span<const Wire> xs, std::span<const Wire> ys);
    Wire dot_fixed(std::span<const Wire> xs, std::span<const i128> weights);
    Wire sum(std::span<const Wire> xs);
    Wire add(const Wire& a, const Wire& b);
    Wire sub(const Wire& a, const Wire& b);
    Wire mul(const Wire& a, const Wire& b);
    Wire scale_by(const Wire& a, i128 factor);
    // ⌊(n + ⌊d/2⌋)/d⌋ (round, ties up) for d ≥ 1; `claimed` is the prover's quotient
    // (the witness's value), computed when absent. The quotient is range-checked small.
    Wire divide(const Wire& n, i128 d, std::optional<i128> claimed = {});
    struct SignResult {
        Wire bit;   // 1 when x ≥ 0
        Wire relu;  // max(x, 0)
    };
    // |x| must be below decomp_base^decomp_legs.
    SignResult sign(const Wire& x);

    // ---- range checks and lookups
    void range_check(const Wire& v, i128 lo, i128 hi);
    // v ∈ [−b^L/2, b^L/2): a small integer, not an arbitrary field element (one range row).
    void range_check_small(const Wire& v);
    // Registers a table of (x, f(x)) for x in [lo, hi] once per name; returns its tag.
    uint32_t table(const std::string& name, int64_t lo, int64_t hi, const std::function<int64_t(int64_t)>& f);
    // y with (tag, x, y) in the table; `claimed` is the witness's y.
    Wire lookup(uint32_t tag, const Wire& x, std::optional<i128> claimed = {});

    // A copy constraint between two existing cells.
    void equate(const Wire& a, const Wire& b);

    // ---- result
    BlockRows rows() const;
    // rows() without the range table, whose size needs the limb plan (a search over
    // candidate constraint systems): what a node's own cost is measured in.
    BlockRows base_rows() const;
    unsigned minimum_k() const;  // smallest k whose usable rows hold every block
    // The k gen-settings picks: minimum_k() or above, by the cost model in circuit_build.cpp
    // (committed and fixed polynomials × (rows + a per-polynomial overhead)).
    unsigned preferred_k() const;
    // Chunks the function tables take at k (at least 1): ceil((table rows + 1) / usable),
    // the +1 the all-zero row unused lookup rows land on.
    size_t table_chunks(unsigned k) const;
    BuiltCircuit build(unsigned k) const;
    // The region label (layer) of a row of a block (for mock-prover reports).
    std::string region_of(Block block, size_t row) const;
    // Its position in layout order (0: no region), to list failures layer by layer.
    size_t region_index(Block block, size_t row) const;
    size_t copy_count() const { return copies_.size(); }
    LimbPlan limb_plan() const;

private:
    // The limb plan and k, chosen together by the cost model in circuit_build.cpp.
    struct LayoutChoice {
        LimbPlan limbs;
        unsigned k = 0;
    };
    LayoutChoice choose_layout() const;
    unsigned minimum_k_for(const LimbPlan& limbs) const;

    struct ArithRow {
        RowKind kind = RowKind::Free;
        std::vector<i128> x, y, f;
        i128 z = 0;
    };
    struct RangeRow {
        bool high = false;  // offset − v instead of v − offset
        i128 v = 0, offset = 0;
    };
    struct LookupRow {
        uint32_t tag = 0;
        i128 x = 0, y = 0;
    };
    struct TableRow {
        uint32_t tag = 0;
        int64_t x = 0, y = 0;
    };

    size_t new_arith_row(RowKind kind);
    Wire place_arith(size_t row, char column, uint32_t index, i128 value);  // column: 'x', 'y', 'z'
    Wire copy_into(const Wire& source, size_t row, char column, uint32_t index);
    // The running-accumulator rows of dot, dot_fixed and sum: `terms` terms, `per_row` to a
    // row (first row `first_kind`, z = its terms; then `next_kind`, z = z' + its terms).
    // `place` puts term `term` into slot `slot` of `row` and returns its value.
    Wire accumulate(size_t terms, size_t per_row, RowKind first_kind, RowKind next_kind,
                    const std::function<i128(size_t row, size_t term, uint32_t slot)>& place);
    i128 limb_span() const;  // decomp_base^decomp_legs
    void label(Block block, size_t row);

    BuilderConfig config_;
    std::vector<ArithRow> arith_;
    std::vector<RangeRow> range_;
    std::vector<LookupRow> lookup_;
    std::vector<TableRow> table_;
    std::vector<i128> instance_;
    std::vector<std::pair<CellRef, CellRef>> copies_;
    std::map<i128, Wire> constants_;
    std::map<std::string, uint32_t> tables_;
    std::vector<std::unordered_map<int64_t, int64_t>> table_values_;  // per tag − 1: x → f(x)
    // free cells: the row being filled and the next slot in it
    std::optional<size_t> free_row_, const_row_;
    uint32_t free_slot_ = 0, const_slot_ = 0;
    // labels: per block, row → index into labels_
    std::vector<std::string> labels_;
    std::vector<uint32_t> arith_label_, range_label_, lookup_label_;
};

}  // namespace ps::circuit
