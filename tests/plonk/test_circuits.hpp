#pragma once
// The hand-written circuits of the proof-system tests, each with a satisfying witness
// and a broken twin whose failure (kind, gate/lookup, row) is known in advance.
#include "core/plonk/assignment.hpp"
#include "core/plonk/mock_prover.hpp"

#include <memory>
#include <string>

namespace ps::plonk::test {

struct TestCircuit {
    std::string name;
    std::unique_ptr<ConstraintSystem> cs;
    std::unique_ptr<Assignment> assignment;
    // What the broken twin violates, as the mock prover must report it.
    ConstraintFailure::Kind broken_kind = ConstraintFailure::Kind::Gate;
    std::string broken_name;
    size_t broken_row = 0;
};

inline TestCircuit start(std::string name, std::unique_ptr<ConstraintSystem> cs, unsigned k) {
    TestCircuit c;
    c.name = std::move(name);
    c.cs = std::move(cs);
    c.assignment = std::make_unique<Assignment>(*c.cs, k);
    return c;
}

inline Expression q(Column c, int32_t rotation = 0) { return Expression::query(c, rotation); }

// c = a·b on 4 rows; the product of the last row is the public output (copied into
// instance row 0). Broken: row 2 holds a wrong product.
inline TestCircuit multiplication(bool broken = false, unsigned k = 4) {
    auto cs = std::make_unique<ConstraintSystem>();
    const Column a = cs->add_advice_column(), b = cs->add_advice_column(), c = cs->add_advice_column();
    const Column s = cs->add_selector("s_mul"), out = cs->add_instance_column();
    cs->create_gate("mul", {q(s) * (q(a) * q(b) - q(c))});
    cs->enable_equality(c);
    cs->enable_equality(out);
    TestCircuit t = start("multiplication", std::move(cs), k);
    Assignment& w = *t.assignment;
    w.label_rows(0, 4, "multiply");
    for (size_t row = 0; row < 4; ++row) {
        const Fr x = Fr::from_u64(3 + row), y = Fr::from_u64(10 * row + 7);
        w.enable_selector(s, row);
        w.assign(a, row, x);
        w.assign(b, row, y);
        w.assign(c, row, broken && row == 2 ? x * y + Fr::one() : x * y);
    }
    w.assign(out, 0, w.value(c, 3));
    w.copy({c, 3}, {out, 0});
    t.broken_name = "mul";
    t.broken_row = 2;
    return t;
}

// A Fibonacci chain: row i holds (a, b, c = a + b); the next row starts with a = b of
// this row (rotation gates at +1 and −1) and b = c of this row (a copy constraint). The first two
// numbers and the last one are public. Broken: the copy c_3 → b_4 is cut (b_4 and
// everything after follow a different chain, so every gate still holds).
inline TestCircuit fibonacci(bool broken = false, unsigned k = 5) {
    constexpr size_t steps = 10;
    auto cs = std::make_unique<ConstraintSystem>();
    const Column a = cs->add_advice_column(), b = cs->add_advice_column(), c = cs->add_advice_column();
    const Column s_add = cs->add_selector("s_add"), s_next = cs->add_selector("s_next");
    const Column s_prev = cs->add_selector("s_prev");
    const Column pub = cs->add_instance_column();
    cs->create_gate("add", {q(s_add) * (q(a) + q(b) - q(c))});
    cs->create_gate("next", {q(s_next) * (q(a, 1) - q(b))});
    cs->create_gate("prev", {q(s_prev) * (q(a) - q(b, -1))});  // the same link, seen from below
    for (Column col : {a, b, c, pub}) cs->enable_equality(col);
    TestCircuit t = start("fibonacci", std::move(cs), k);
    Assignment& w = *t.assignment;
    w.label_rows(0, steps, "fibonacci chain");
    Fr x = Fr::one(), y = Fr::one();
    for (size_t row = 0; row < steps; ++row) {
        if (broken && row == 4) y += Fr::from_u64(5);  // b_4 ≠ c_3
        w.enable_selector(s_add, row);
        if (row + 1 < steps) w.enable_selector(s_next, row);
        if (row > 0) w.enable_selector(s_prev, row);
        w.assign(a, row, x);
        w.assign(b, row, y);
        w.assign(c, row, x + y);
        if (row > 0) w.copy({c, row - 1}, {b, row});
        const Fr z = x + y;
        x = y;
        y = z;
    }
    w.assign(pub, 0, w.value(a, 0));
    w.assign(pub, 1, w.value(b, 0));
    w.assign(pub, 2, w.value(c, steps - 1));
    w.copy({a, 0}, {pub, 0});
    w.copy({b, 0}, {pub, 1});
    w.copy({c, steps - 1}, {pub, 2});
    t.broken_kind = ConstraintFailure::Kind::CopyConstraint;
    t.broken_name = "copy";
    t.broken_row = 3;
    return t;
}

// Values checked to lie in [0, 16) by a lookup into a fixed table 0..15; a gate also
// doubles each value into a second column. Broken: row 5 holds 16.
inline TestCircuit range_check(bool broken = false, unsigned k = 6) {
    auto cs = std::make_unique<ConstraintSystem>();
    const Column v = cs->add_advice_column(), d = cs->add_advice_column();
    const Column s = cs->add_selector("s_range"), table = cs->add_fixed_column();
    cs->create_gate("double", {q(s) * (q(v) + q(v) - q(d))});
    cs->add_lookup("range 0..15", {{q(s) * q(v), q(table)}});
    TestCircuit t = start("range check", std::move(cs), k);
    Assignment& w = *t.assignment;
    for (size_t i = 0; i < 16; ++i) w.assign(table, i, Fr::from_u64(i));
    w.label_rows(0, 12, "range-checked values");
    for (size_t row = 0; row < 12; ++row) {
        const Fr x = Fr::from_u64(broken && row == 5 ? 16 : (row * 7) % 16);
        w.enable_selector(s, row);
        w.assign(v, row, x);
        w.assign(d, row, x + x);
    }
    t.broken_kind = ConstraintFailure::Kind::Lookup;
    t.broken_name = "range 0..15";
    t.broken_row = 5;
    return t;
}

// (x, y) pairs looked up in a 2-column table of squares (i, i²), i < 16: a tuple lookup
// compressed with θ. Broken: row 3 holds (3, 100): 3 is in the first table column and
// 100 = 10² in the second, but (3, 100) is no row of the table.
inline TestCircuit tuple_lookup(bool broken = false, unsigned k = 6) {
    auto cs = std::make_unique<ConstraintSystem>();
    const Column x = cs->add_advice_column(), y = cs->add_advice_column();
    const Column s = cs->add_selector("s_square");
    const Column tx = cs->add_fixed_column(), ty = cs->add_fixed_column();
    cs->add_lookup("squares", {{q(s) * q(x), q(tx)}, {q(s) * q(y), q(ty)}});
    TestCircuit t = start("tuple lookup", std::move(cs), k);
    Assignment& w = *t.assignment;
    for (size_t i = 0; i < 16; ++i) {
        w.assign(tx, i, Fr::from_u64(i));
        w.assign(ty, i, Fr::from_u64(i * i));
    }
    w.label_rows(0, 8, "squares");
    for (size_t row = 0; row < 8; ++row) {
        const uint64_t i = (row * 5 + 1) % 16;
        w.enable_selector(s, row);
        w.assign(x, row, Fr::from_u64(broken && row == 3 ? 3 : i));
        w.assign(y, row, Fr::from_u64(broken && row == 3 ? 100 : i * i));
    }
    t.broken_kind = ConstraintFailure::Kind::Lookup;
    t.broken_name = "squares";
    t.broken_row = 3;
    return t;
}

// The table of squares (i, i²), i < 150, is taller than the usable rows of 2^6 (58), so
// it is split over ceil(150 / usable) = 3 chunks of fixed columns (tx_j, ty_j), each
// padded with (0, 0); (x, y) is looked up in their union. Row 0 looks up i = 149, which
// only the last chunk holds. Broken: row 3 holds (3, 100), a row of no chunk.
inline constexpr uint64_t CHUNKED_TABLE_ROWS = 150;
inline TestCircuit chunked_lookup(bool broken = false, unsigned k = 6) {
    auto cs = std::make_unique<ConstraintSystem>();
    const Column x = cs->add_advice_column(), y = cs->add_advice_column();
    const Column s = cs->add_selector("s_square");
    const size_t usable = cs->usable_rows(k);  // the lookup adds no advice query: same blinding
    const size_t chunks = (CHUNKED_TABLE_ROWS + usable - 1) / usable;
    std::vector<std::pair<Column, Column>> table;
    std::vector<std::vector<Expression>> tuples;
    for (size_t j = 0; j < chunks; ++j) {
        table.push_back({cs->add_fixed_column(), cs->add_fixed_column()});
        tuples.push_back({q(table.back().first), q(table.back().second)});
    }
    cs->add_lookup("squares", {q(s) * q(x), q(s) * q(y)}, std::move(tuples));
    TestCircuit t = start("chunked lookup", std::move(cs), k);
    Assignment& w = *t.assignment;
    for (uint64_t i = 0; i < CHUNKED_TABLE_ROWS; ++i) {
        w.assign(table[i / usable].first, i % usable, Fr::from_u64(i));
        w.assign(table[i / usable].second, i % usable, Fr::from_u64(i * i));
    }
    w.label_rows(0, 12, "squares");
    for (size_t row = 0; row < 12; ++row) {
        const uint64_t i = row == 0 ? CHUNKED_TABLE_ROWS - 1 : (row * 37 + 5) % CHUNKED_TABLE_ROWS;
        w.enable_selector(s, row);
        w.assign(x, row, Fr::from_u64(broken && row == 3 ? 3 : i));
        w.assign(y, row, Fr::from_u64(broken && row == 3 ? 100 : i * i));
    }
    t.broken_kind = ConstraintFailure::Kind::Lookup;
    t.broken_name = "squares";
    t.broken_row = 3;
    return t;
}

}  // namespace ps::plonk::test
