#include "core/plonk/keygen.hpp"

#include "core/kzg/srs_check.hpp"
#include "core/plonk/permutation.hpp"
#include "core/plonk/protocol.hpp"
#include "core/util/error.hpp"

namespace ps::plonk {

ProvingKey keygen(const Srs& srs, const Assignment& circuit, ProgressSink& progress,
                  std::vector<StageTiming>* timings) {
    std::vector<StageTiming> local;
    std::vector<StageTiming>& times = timings ? *timings : local;
    const ConstraintSystem& cs = circuit.constraint_system();
    if (srs.k != circuit.k())
        throw Error("keygen", "the SRS has 2^" + std::to_string(srs.k) + " points, the circuit 2^" +
                                  std::to_string(circuit.k()) + " rows",
                    "downsize the SRS to k = " + std::to_string(circuit.k()) + " (or generate one of that size)");
    if (const SrsVerdict v = check_srs_cheap(srs); !v.ok)
        throw Error("keygen: SRS", v.reason, "use a ceremony's SRS (e.g. EZKL's kzg files) or gen-srs for development");
    const size_t n = circuit.n();

    VerifyingKey vk;
    vk.k = circuit.k();
    vk.cs = cs;
    vk.srs_digest = srs_binding_digest(srs.verifier_params());
    // The public-input shape is part of the statement: taken from how the circuit lays
    // out its instance columns, so callers pass nothing new.
    vk.instance_lengths.assign(circuit.instance_lengths().begin(), circuit.instance_lengths().end());
    std::vector<std::vector<Fr>> fixed_values, sigma_values;
    {
        TimedStage stage(progress, times, "commit fixed columns", cs.num_fixed_columns());
        for (const auto& column : circuit.columns(ColumnKind::Fixed)) {
            std::vector<Fr> values(column);
            values.resize(n);
            vk.fixed_commitments.push_back(commit_values(srs, values));
            fixed_values.push_back(std::move(values));
            stage.advance(fixed_values.size());
        }
    }
    {
        TimedStage stage(progress, times, "permutation keys", cs.permutation_columns().size());
        sigma_values = permutation::build_sigma_values(cs, circuit.copies(), circuit.k());
        for (const auto& sigma : sigma_values) {
            vk.permutation_commitments.push_back(commit_values(srs, sigma));
            stage.advance(vk.permutation_commitments.size());
        }
    }
    vk.digest = vk.compute_digest();
    TimedStage stage(progress, times, "precompute proving key");
    return ProvingKey::from_values(std::move(vk), std::move(fixed_values), std::move(sigma_values), &progress);
}

}  // namespace ps::plonk
