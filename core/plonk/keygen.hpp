#pragma once
// Key generation (halo2 `keygen_vk` / `keygen_pk`): commits the fixed columns and the
// permutation's σ polynomials, derives the vk digest, and precomputes for the prover
// every fixed polynomial in coefficient and extended-coset form.
#include "core/kzg/srs.hpp"
#include "core/plonk/assignment.hpp"
#include "core/plonk/keys.hpp"
#include "core/plonk/stage_timer.hpp"
#include "core/util/progress.hpp"

namespace ps::plonk {

// Reads the fixed values, copy constraints and the number of public values per instance
// column (the last assigned instance row + 1; the values are ignored) of `circuit`;
// advice is ignored. The SRS
// must have exactly 2^k points (downsize_srs a bigger one first). Stage timings are
// appended to `timings` when given.
ProvingKey keygen(const Srs& srs, const Assignment& circuit, ProgressSink& progress,
                  std::vector<StageTiming>* timings = nullptr);

}  // namespace ps::plonk
