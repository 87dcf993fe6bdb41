#pragma once
// Evaluates an Expression over many rows at once (the prover's hot loop on the extended
// domain). The tree is flattened once into steps, each step filling one buffer for a
// whole chunk of rows, so the per-node dispatch is paid per chunk rather than per row
// (halo2's GraphEvaluator does the same with its value registers).
#include "core/plonk/expression.hpp"

#include <array>
#include <span>
#include <vector>

namespace ps::plonk {

// Column values on some domain, indexed [kind][column] -> values by row. A rotation by
// r rows of the circuit moves r·rotation_scale places (2^j on the extended domain, 1 on
// the base domain).
struct ColumnValues {
    std::array<std::vector<const std::vector<Fr>*>, 3> columns;  // by ColumnKind
    size_t size = 0;                                             // a power of two
    int64_t rotation_scale = 1;

    const std::vector<Fr>& column(Column c) const { return *columns[size_t(c.kind)][c.index]; }
    void add(ColumnKind kind, const std::vector<Fr>& values) { columns[size_t(kind)].push_back(&values); }
};

class CompiledExpression {
public:
    explicit CompiledExpression(const Expression& e);

    // out[i] = e at row first_row + i, for i < out.size(). `scratch` is reused between
    // calls by the same thread.
    void evaluate(const ColumnValues& values, size_t first_row, std::span<Fr> out,
                  std::vector<std::vector<Fr>>& scratch) const;

private:
    struct Step {
        Expression::Op op = Expression::Op::Constant;
        uint32_t a = 0, b = 0;  // operand steps
        Fr constant;
        Column column;
        int32_t rotation = 0;
    };
    uint32_t compile(const Expression& e);
    std::vector<Step> steps_;
};

}  // namespace ps::plonk
