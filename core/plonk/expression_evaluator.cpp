#include "core/plonk/expression_evaluator.hpp"

#include "core/field/mul_each.hpp"

namespace ps::plonk {

CompiledExpression::CompiledExpression(const Expression& e) { compile(e); }

uint32_t CompiledExpression::compile(const Expression& e) {
    Step s;
    s.op = e.op();
    switch (e.op()) {
    case Expression::Op::Constant: s.constant = e.constant_value(); break;
    case Expression::Op::Query:
        s.column = e.column();
        s.rotation = e.rotation();
        break;
    case Expression::Op::Negated: s.a = compile(e.lhs()); break;
    case Expression::Op::Scaled:
        s.a = compile(e.lhs());
        s.constant = e.constant_value();
        break;
    case Expression::Op::Sum:
    case Expression::Op::Product:
        s.a = compile(e.lhs());
        s.b = compile(e.rhs());
        break;
    }
    steps_.push_back(s);
    return uint32_t(steps_.size() - 1);
}

void CompiledExpression::evaluate(const ColumnValues& values, size_t first_row, std::span<Fr> out,
                                  std::vector<std::vector<Fr>>& scratch) const {
    const size_t len = out.size(), mask = values.size - 1;
    if (scratch.size() < steps_.size()) scratch.resize(steps_.size());
    for (size_t i = 0; i < steps_.size(); ++i) {
        const Step& s = steps_[i];
        std::vector<Fr>& r = scratch[i];
        r.resize(len);
        switch (s.op) {
        case Expression::Op::Constant:
            for (size_t j = 0; j < len; ++j) r[j] = s.constant;
            break;
        case Expression::Op::Query: {
            const auto& col = values.column(s.column);
            const size_t shift = size_t(int64_t(s.rotation) * values.rotation_scale) & mask;
            for (size_t j = 0; j < len; ++j) r[j] = col[(first_row + j + shift) & mask];
            break;
        }
        case Expression::Op::Negated:
            for (size_t j = 0; j < len; ++j) r[j] = -scratch[s.a][j];
            break;
        case Expression::Op::Scaled:  // products of whole chunks: eight at a time where the CPU can
            mul_each<Fr>(r, scratch[s.a], s.constant);
            break;
        case Expression::Op::Sum:
            for (size_t j = 0; j < len; ++j) r[j] = scratch[s.a][j] + scratch[s.b][j];
            break;
        case Expression::Op::Product:
            mul_each<Fr>(r, scratch[s.a], scratch[s.b]);
            break;
        }
    }
    const auto& result = scratch[steps_.size() - 1];
    for (size_t j = 0; j < len; ++j) out[j] = result[j];
}

}  // namespace ps::plonk
