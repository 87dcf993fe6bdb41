// Einsum (ONNX Operators.md, numpy.einsum semantics): explicit ("ij,jk->ik") or implicit
// output (letters seen once, alphabetical), "..." for broadcast leading dims, repeated
// letters inside one operand for diagonals. Evaluated by walking every combination of
// letters: output letters outside, summed letters inside. Fine for the small tensors of
// models this executor targets; accumulation in double.
#include "core/model/float_kernels.hpp"

#include <map>

namespace ps::model {
namespace {

struct Term {
    std::string letters;  // one letter per dim, ellipsis expanded
};

std::string strip_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

// Replaces "..." by `count` placeholder digits ('0', '1', …, aligned right): never an equation letter.
std::string expand_ellipsis(const std::string& term, size_t count, size_t max_count) {
    const size_t at = term.find("...");
    if (at == std::string::npos) return term;
    std::string dims;
    for (size_t i = max_count - count; i < max_count; ++i) dims += static_cast<char>('0' + i);
    return term.substr(0, at) + dims + term.substr(at + 3);
}

}  // namespace

std::vector<FloatTensor> einsum_kernel(const OpCall& call) {
    const std::string equation = strip_spaces(call.node.attr_string("equation", ""));
    const size_t arrow = equation.find("->");
    const std::string lhs = equation.substr(0, arrow);
    std::vector<std::string> raw_terms;
    for (size_t start = 0;;) {
        const size_t comma = lhs.find(',', start);
        raw_terms.push_back(lhs.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (raw_terms.size() != call.input_count())
        call.fail("equation '" + equation + "' has " + std::to_string(raw_terms.size()) + " operands, node has " +
                  std::to_string(call.input_count()) + " inputs");
    // Ellipsis width per operand: rank minus explicit letters.
    std::vector<size_t> ell(raw_terms.size(), 0);
    size_t max_ell = 0;
    for (size_t t = 0; t < raw_terms.size(); ++t) {
        const bool has = raw_terms[t].find("...") != std::string::npos;
        const size_t explicit_letters = raw_terms[t].size() - (has ? 3 : 0);
        if (call.in(t).rank() < explicit_letters || (!has && call.in(t).rank() != explicit_letters))
            call.fail("operand " + std::to_string(t) + " '" + raw_terms[t] + "' does not match its rank " + std::to_string(call.in(t).rank()));
        ell[t] = has ? call.in(t).rank() - explicit_letters : 0;
        max_ell = std::max(max_ell, ell[t]);
    }
    std::vector<std::string> terms;
    for (size_t t = 0; t < raw_terms.size(); ++t) terms.push_back(expand_ellipsis(raw_terms[t], ell[t], max_ell));

    std::map<char, int64_t> size;
    std::map<char, int> seen;
    for (size_t t = 0; t < terms.size(); ++t)
        for (size_t d = 0; d < terms[t].size(); ++d) {
            const char c = terms[t][d];
            const int64_t n = call.in(t).shape[d];
            auto it = size.find(c);
            if (it == size.end() || it->second == 1) size[c] = n;
            else if (n != 1 && n != it->second)
                call.fail("letter '" + std::string(1, c) + "' has sizes " + std::to_string(it->second) + " and " + std::to_string(n));
            ++seen[c];
        }
    std::string out;
    if (arrow != std::string::npos) {
        out = expand_ellipsis(equation.substr(arrow + 2), max_ell, max_ell);
    } else {  // implicit: ellipsis dims first, then letters that occur once, alphabetically
        for (size_t i = 0; i < max_ell; ++i) out += static_cast<char>('0' + i);
        for (const auto& [c, n] : seen)
            if (n == 1 && !(c >= '0' && c <= '9')) out += c;
    }
    std::string summed;
    for (const auto& [c, n] : size)
        if (out.find(c) == std::string::npos) summed += c;
    const std::string all = out + summed;

    // For each operand, the stride each letter contributes (0 where the operand broadcasts).
    std::vector<std::vector<size_t>> letter_stride(terms.size(), std::vector<size_t>(all.size(), 0));
    for (size_t t = 0; t < terms.size(); ++t) {
        const std::vector<size_t> st = strides_of(call.in(t).shape);
        for (size_t d = 0; d < terms[t].size(); ++d)
            if (call.in(t).shape[d] != 1) letter_stride[t][all.find(terms[t][d])] += st[d];
    }
    Shape out_shape, sum_shape;
    for (char c : out) out_shape.push_back(size.at(c));
    for (char c : summed) sum_shape.push_back(size.at(c));
    FloatTensor y(out_shape);
    const size_t inner = element_count(sum_shape);
    std::vector<int64_t> o_idx, s_idx;
    for (size_t o = 0; o < y.size(); ++o) {
        unravel(o, out_shape, o_idx);
        double acc = 0;
        for (size_t s = 0; s < inner; ++s) {
            unravel(s, sum_shape, s_idx);
            double prod = 1;
            for (size_t t = 0; t < terms.size(); ++t) {
                size_t off = 0;
                for (size_t l = 0; l < out.size(); ++l) off += static_cast<size_t>(o_idx[l]) * letter_stride[t][l];
                for (size_t l = 0; l < summed.size(); ++l) off += static_cast<size_t>(s_idx[l]) * letter_stride[t][out.size() + l];
                prod *= call.in(t).data[off];
            }
            acc += prod;
        }
        y.data[o] = static_cast<float>(acc);
    }
    return {y};
}

}  // namespace ps::model
