#include "core/plonk/expression.hpp"

#include <algorithm>

namespace ps::plonk {

struct Expression::Node {
    Op op = Op::Constant;
    Fr constant;
    Column column;
    int32_t rotation = 0;
    Expression lhs, rhs;
};

std::string describe(Column column) {
    const char* kind = column.kind == ColumnKind::Instance ? "instance"
                       : column.kind == ColumnKind::Advice ? "advice"
                                                           : "fixed";
    return std::string(kind) + "[" + std::to_string(column.index) + "]";
}

// The zero constant has no node: default-constructed Expressions (lhs/rhs of leaves)
// cost nothing and recursion ends there.
Expression::Expression() = default;

Expression Expression::constant(const Fr& value) {
    auto n = std::make_shared<Node>();
    n->op = Op::Constant;
    n->constant = value;
    return Expression(std::move(n));
}

Expression Expression::query(Column column, int32_t rotation) {
    auto n = std::make_shared<Node>();
    n->op = Op::Query;
    n->column = column;
    n->rotation = rotation;
    return Expression(std::move(n));
}

Expression::Op Expression::op() const { return node_ ? node_->op : Op::Constant; }

const Fr& Expression::constant_value() const {
    static const Fr zero;
    return node_ ? node_->constant : zero;
}
Column Expression::column() const { return node_ ? node_->column : Column{}; }
int32_t Expression::rotation() const { return node_ ? node_->rotation : 0; }
const Expression& Expression::lhs() const { return node_->lhs; }
const Expression& Expression::rhs() const { return node_->rhs; }

unsigned Expression::degree() const {
    switch (op()) {
    case Op::Constant: return 0;
    case Op::Query: return 1;
    case Op::Negated:
    case Op::Scaled: return lhs().degree();
    case Op::Sum: return std::max(lhs().degree(), rhs().degree());
    case Op::Product: return lhs().degree() + rhs().degree();
    }
    return 0;
}

bool Expression::deeper_than(unsigned limit) const {
    if (limit == 0) return true;
    switch (op()) {
    case Op::Constant:
    case Op::Query: return false;
    case Op::Negated:
    case Op::Scaled: return lhs().deeper_than(limit - 1);
    case Op::Sum:
    case Op::Product: return lhs().deeper_than(limit - 1) || rhs().deeper_than(limit - 1);
    }
    return false;
}

Fr Expression::evaluate(const std::function<Fr(Column, int32_t)>& query) const {
    switch (op()) {
    case Op::Constant: return constant_value();
    case Op::Query: return query(column(), rotation());
    case Op::Negated: return -lhs().evaluate(query);
    case Op::Scaled: return lhs().evaluate(query) * constant_value();
    case Op::Sum: return lhs().evaluate(query) + rhs().evaluate(query);
    case Op::Product: return lhs().evaluate(query) * rhs().evaluate(query);
    }
    return Fr();
}

void Expression::for_each_query(const std::function<void(Column, int32_t)>& visit) const {
    switch (op()) {
    case Op::Constant: return;
    case Op::Query: visit(column(), rotation()); return;
    case Op::Negated:
    case Op::Scaled: lhs().for_each_query(visit); return;
    case Op::Sum:
    case Op::Product:
        lhs().for_each_query(visit);
        rhs().for_each_query(visit);
        return;
    }
}

Expression operator+(const Expression& a, const Expression& b) {
    auto n = std::make_shared<Expression::Node>();
    n->op = Expression::Op::Sum;
    n->lhs = a;
    n->rhs = b;
    return Expression(std::move(n));
}

Expression operator-(const Expression& a, const Expression& b) { return a + (-b); }

Expression operator*(const Expression& a, const Expression& b) {
    auto n = std::make_shared<Expression::Node>();
    n->op = Expression::Op::Product;
    n->lhs = a;
    n->rhs = b;
    return Expression(std::move(n));
}

Expression operator*(const Expression& a, const Fr& factor) {
    auto n = std::make_shared<Expression::Node>();
    n->op = Expression::Op::Scaled;
    n->lhs = a;
    n->constant = factor;
    return Expression(std::move(n));
}

Expression Expression::operator-() const {
    auto n = std::make_shared<Node>();
    n->op = Op::Negated;
    n->lhs = *this;
    return Expression(std::move(n));
}

}  // namespace ps::plonk
