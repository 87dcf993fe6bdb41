#include "core/plonk/synthetic_circuit.hpp"

#include <algorithm>

namespace ps::plonk {

SyntheticCircuit make_synthetic_circuit(unsigned k) {
    SyntheticCircuit s;
    s.cs = std::make_unique<ConstraintSystem>();
    ConstraintSystem& cs = *s.cs;
    const Column a = cs.add_advice_column(), b = cs.add_advice_column(), c = cs.add_advice_column();
    const Column s_mul = cs.add_selector("s_mul"), s_add = cs.add_selector("s_add");
    const Column s_range = cs.add_selector("s_range"), table = cs.add_fixed_column();
    const Column out = cs.add_instance_column();
    auto q = [](Column col) { return Expression::query(col); };
    cs.create_gate("mul", {q(s_mul) * (q(a) * q(b) - q(c))});
    cs.create_gate("add", {q(s_add) * (q(a) + q(b) - q(c))});
    cs.add_lookup("a in range", {{q(s_range) * q(a), q(table)}});
    cs.add_lookup("b in range", {{q(s_range) * q(b), q(table)}});
    for (Column col : {a, b, c, out}) cs.enable_equality(col);

    s.witness = std::make_unique<Assignment>(cs, k);
    Assignment& w = *s.witness;
    const size_t rows = w.usable_rows();
    const uint64_t range = std::min<uint64_t>(256, rows);
    for (size_t i = 0; i < range; ++i) w.assign(table, i, Fr::from_u64(i));
    w.label_rows(0, rows, "synthetic rows");
    uint64_t previous_a = 1;
    for (size_t row = 0; row < rows; ++row) {
        const uint64_t av = (row * 37 + 11) % range, bv = row == 0 ? 5 % range : previous_a;
        w.assign(a, row, Fr::from_u64(av));
        w.assign(b, row, Fr::from_u64(bv));
        w.assign(c, row, Fr::from_u64(row % 2 == 0 ? av * bv : av + bv));
        w.enable_selector(row % 2 == 0 ? s_mul : s_add, row);
        w.enable_selector(s_range, row);
        if (row > 0) w.copy({a, row - 1}, {b, row});
        previous_a = av;
    }
    w.assign(out, 0, w.value(c, rows - 1));
    w.copy({c, rows - 1}, {out, 0});
    return s;
}

}  // namespace ps::plonk
