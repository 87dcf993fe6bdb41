#pragma once
// Columns, cells and the expression trees custom gates and lookups are written in: a
// polynomial over column queries "column c at rotation r" (the value r rows further
// down, wrapping around the domain), as halo2's `Expression`.
#include "core/field/fr.hpp"

#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace ps::plonk {

enum class ColumnKind : uint8_t { Instance = 0, Advice = 1, Fixed = 2 };

struct Column {
    ColumnKind kind = ColumnKind::Advice;
    uint32_t index = 0;
    auto operator<=>(const Column&) const = default;
};

// "advice[2]", "fixed[0]", "instance[1]"
std::string describe(Column column);

// Expression walks (degree, evaluation, encoding, the evaluator's compile) recurse, also
// inside TBB workers whose stacks are smaller than the main thread's. Deeper trees are
// refused where expressions enter: create_gate / add_lookup and ConstraintSystem::decode.
// 512 leaves room for the model gates (a sum over p pairs is ~2p deep; p is
// num_inner_cols) while a walk stays far below any thread's stack.
inline constexpr unsigned MAX_EXPRESSION_DEPTH = 512;

struct Cell {
    Column column;
    size_t row = 0;
};

class Expression {
public:
    enum class Op : uint8_t { Constant, Query, Negated, Sum, Product, Scaled };

    Expression();  // the constant 0
    static Expression constant(const Fr& value);
    static Expression constant(int64_t value) { return constant(Fr::from_i64(value)); }
    static Expression query(Column column, int32_t rotation = 0);

    Op op() const;
    const Fr& constant_value() const;  // Constant, and the factor of Scaled
    Column column() const;             // Query
    int32_t rotation() const;          // Query
    const Expression& lhs() const;     // Negated, Sum, Product, Scaled
    const Expression& rhs() const;     // Sum, Product

    // Degree as a polynomial in the column polynomials (a query, fixed or not, is 1).
    unsigned degree() const;
    // Whether some path from the root passes more than `limit` nodes; it looks no deeper
    // than limit + 1, so it is safe on any tree.
    bool deeper_than(unsigned limit) const;

    // Evaluates with `query` supplying each column query's value.
    Fr evaluate(const std::function<Fr(Column, int32_t)>& query) const;
    // Calls `visit` for every query in the tree (duplicates included).
    void for_each_query(const std::function<void(Column, int32_t)>& visit) const;

    friend Expression operator+(const Expression& a, const Expression& b);
    friend Expression operator-(const Expression& a, const Expression& b);
    friend Expression operator*(const Expression& a, const Expression& b);
    friend Expression operator*(const Expression& a, const Fr& factor);
    Expression operator-() const;

private:
    struct Node;
    explicit Expression(std::shared_ptr<const Node> node) : node_(std::move(node)) {}
    std::shared_ptr<const Node> node_;
};

}  // namespace ps::plonk
