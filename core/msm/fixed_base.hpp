#pragma once
// Many multiples of one fixed point (SRS generation: [τ^i]G1 and [L_i(τ)]G1): a table
// of base·d·2^(w·j) turns each multiplication into ~⌈254/w⌉ mixed additions.
#include "core/curve/g1.hpp"
#include "core/field/fr.hpp"
#include "core/util/progress.hpp"
#include <span>
#include <vector>

namespace ps {

class FixedBaseTable {
public:
    // window_bits in 1..16; the table holds ⌈256/w⌉·2^w affine points.
    FixedBaseTable(const G1Affine& base, unsigned window_bits);
    G1 mul(const Fr& k) const;

private:
    unsigned w_;
    size_t windows_;
    std::vector<G1Affine> table_;  // [j·2^w + d] = d·2^(w·j)·base
};

// out[i] = scalars[i]·base in affine form; parallel; advances `progress` (units: scalars).
std::vector<G1Affine> fixed_base_mul_many(const G1Affine& base, std::span<const Fr> scalars,
                                          ProgressStage* progress = nullptr);

}  // namespace ps
