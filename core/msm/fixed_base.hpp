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

// The same for secret scalars (τ^i, L_i(τ) of the development SRS): 4-bit windows whose
// 16 entries (d + 1)·16^j·base are all read (core/curve/constant_time.hpp's table
// scan), so neither a branch nor an address depends on the scalar; the public offset
// Σ 16^j·base is subtracted at the end. 64 mixed additions and 64 scans per scalar.
class SecretFixedBaseTable {
public:
    explicit SecretFixedBaseTable(const G1Affine& base);
    G1 mul(const Fr& k) const;

private:
    std::vector<G1Affine> table_;  // [16·j + d] = (d + 1)·16^j·base, j < 64
    G1 offset_;                    // Σ_j 16^j·base
};

// out[i] = scalars[i]·base in affine form; parallel; advances `progress` (units: scalars).
// Variable time: for public scalars.
std::vector<G1Affine> fixed_base_mul_many(const G1Affine& base, std::span<const Fr> scalars,
                                          ProgressStage* progress = nullptr);
// The same through SecretFixedBaseTable: for secret scalars.
std::vector<G1Affine> fixed_base_mul_many_secret(const G1Affine& base, std::span<const Fr> scalars,
                                                 ProgressStage* progress = nullptr);

}  // namespace ps
