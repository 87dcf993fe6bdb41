#pragma once
// create_proof: the PLONKish prover as a flat sequence of named rounds.
#include "core/kzg/srs.hpp"
#include "core/plonk/assignment.hpp"
#include "core/plonk/keys.hpp"
#include "core/plonk/stage_timer.hpp"
#include "core/util/progress.hpp"
#include "core/util/random.hpp"

#include <string>
#include <vector>

namespace ps::plonk {

struct Proof {
    std::vector<uint8_t> bytes;
    std::vector<std::vector<Fr>> instances;  // the public inputs it proves
    std::vector<StageTiming> timings;
    std::vector<std::string> transcript_operations;  // "absorb [TRANSCRIPT-n] …" in order
};

// Proves that `witness` (advice and instance values; fixed values come from pk) satisfies
// pk's circuit. Blinding comes from `rng` (SystemRandom in production); the SRS must
// have exactly 2^k points. An unsatisfying witness still yields bytes — which the
// verifier rejects; run mock_prove first to find out why. Throws Cancelled when the
// progress sink asks to stop.
Proof create_proof(const ProvingKey& pk, const Srs& srs, const Assignment& witness, RandomSource& rng,
                   ProgressSink& progress);

}  // namespace ps::plonk
