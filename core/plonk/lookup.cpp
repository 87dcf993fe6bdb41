#include "core/plonk/lookup.hpp"

#include "core/poly/batch_inversion.hpp"
#include "core/poly/polynomial.hpp"

#include <tbb/parallel_for.h>
#include <unordered_map>

namespace ps::plonk::lookup {

namespace {

struct FrHash {
    size_t operator()(const Fr& v) const {
        const U256& r = v.raw();
        return size_t(r.limb[0] ^ (r.limb[1] * 0x9e3779b97f4a7c15ULL) ^ r.limb[2] ^ r.limb[3]);
    }
};

// θ-compressed tuple of `exprs` on rows first..first+out.size() of `values`.
void compressed_rows(const std::vector<Expression>& exprs, const ColumnValues& values, const Fr& theta,
                     size_t first, std::span<Fr> out, std::vector<std::vector<Fr>>& scratch) {
    std::vector<Fr> component(out.size());
    std::fill(out.begin(), out.end(), Fr::zero());
    for (const auto& e : exprs) {
        CompiledExpression(e).evaluate(values, first, component, scratch);
        for (size_t i = 0; i < out.size(); ++i) out[i] = out[i] * theta + component[i];
    }
}

std::vector<Fr> compressed_column(const std::vector<Expression>& exprs, const ColumnValues& values,
                                  const Fr& theta, size_t rows) {
    std::vector<Fr> out(rows);
    tbb::parallel_for(tbb::blocked_range<size_t>(0, rows, 4096), [&](const auto& r) {
        std::vector<std::vector<Fr>> scratch;
        compressed_rows(exprs, values, theta, r.begin(),
                        std::span(out).subspan(r.begin(), r.end() - r.begin()), scratch);
    });
    return out;
}

}  // namespace

// ---------------------------------------------------------------- prover

MultiplicitiesCommitted commit_multiplicities(const ProvingKey& pk, const Srs& srs, const ColumnValues& base,
                                              const Challenges& ch, RandomSource& rng,
                                              ProofWriter& transcript) {
    const size_t n = pk.vk.n(), usable = pk.vk.cs.usable_rows(pk.vk.k);
    MultiplicitiesCommitted out;
    for (const LookupArgument& lookup : pk.vk.cs.lookups()) {
        out.inputs.push_back(compressed_column(lookup.inputs, base, ch.theta, usable));
        out.tables.push_back(compressed_column(lookup.table, base, ch.theta, usable));
        const auto& table = out.tables.back();
        std::unordered_map<Fr, size_t, FrHash> row_of;  // a repeated table row counts once
        row_of.reserve(usable);
        for (size_t i = 0; i < usable; ++i) row_of.emplace(table[i], i);
        std::vector<Fr> m(n);
        std::vector<uint64_t> counts(usable, 0);
        for (const Fr& f : out.inputs.back()) {
            const auto it = row_of.find(f);
            if (it != row_of.end()) ++counts[it->second];
        }
        for (size_t i = 0; i < usable; ++i) m[i] = Fr::from_u64(counts[i]);
        out.multiplicities.push_back(blind_and_commit(std::move(m), usable, pk, srs, rng, transcript, tag::MULTIPLICITIES));
    }
    return out;
}

AccumulatorsCommitted commit_accumulators(MultiplicitiesCommitted committed, const ProvingKey& pk,
                                          const Srs& srs, const Challenges& ch, RandomSource& rng,
                                          ProofWriter& transcript) {
    const size_t n = pk.vk.n(), usable = pk.vk.cs.usable_rows(pk.vk.k);
    AccumulatorsCommitted out{std::move(committed), {}};
    for (size_t l = 0; l < out.previous.inputs.size(); ++l) {
        std::vector<Fr> inv_input(usable), inv_table(usable);
        for (size_t i = 0; i < usable; ++i) {
            inv_input[i] = out.previous.inputs[l][i] + ch.beta;
            inv_table[i] = out.previous.tables[l][i] + ch.beta;
        }
        batch_invert(inv_input);
        batch_invert(inv_table);
        const auto& m = out.previous.multiplicities[l].values;
        std::vector<Fr> phi(n);
        for (size_t i = 0; i < usable; ++i) phi[i + 1] = phi[i] + inv_input[i] - m[i] * inv_table[i];
        // φ(ω^u) is the last row a constraint reads: blinding starts after it.
        out.accumulators.push_back(
            blind_and_commit(std::move(phi), usable + 1, pk, srs, rng, transcript, tag::LOOKUP_ACCUMULATORS));
    }
    return out;
}

void fold_extended_constraints(const ProvingKey& pk, const AccumulatorsCommitted& committed,
                               const ColumnValues& extended, const Challenges& ch, size_t first,
                               std::span<Fr> acc, std::vector<std::vector<Fr>>& scratch) {
    const size_t len = acc.size(), mask = extended.size - 1, next = size_t(extended.rotation_scale);
    std::vector<Fr> f(len), t(len);
    for (size_t l = 0; l < committed.accumulators.size(); ++l) {
        const LookupArgument& lookup = pk.vk.cs.lookups()[l];
        compressed_rows(lookup.inputs, extended, ch.theta, first, f, scratch);
        compressed_rows(lookup.table, extended, ch.theta, first, t, scratch);
        const auto& phi = committed.accumulators[l].extended;
        const auto& m = committed.previous.multiplicities[l].extended;
        for (size_t r = 0; r < len; ++r) {
            const size_t i = first + r;
            const Fr fb = f[r] + ch.beta, tb = t[r] + ch.beta;
            fold_constraint(acc[r], ch.y, pk.l_first[i] * phi[i]);
            fold_constraint(acc[r], ch.y, pk.l_last[i] * phi[i]);
            fold_constraint(acc[r], ch.y,
                            pk.l_active[i] * ((phi[(i + next) & mask] - phi[i]) * fb * tb - tb + m[i] * fb));
        }
    }
}

Evaluated evaluate(const AccumulatorsCommitted& committed, const Challenges& ch, const Fr& x_next,
                   ProofWriter& transcript) {
    Evaluated e;
    for (size_t l = 0; l < committed.accumulators.size(); ++l) {
        e.multiplicity.push_back(ps::evaluate(committed.previous.multiplicities[l].coeffs, ch.x));
        e.accumulator.push_back(ps::evaluate(committed.accumulators[l].coeffs, ch.x));
        e.accumulator_next.push_back(ps::evaluate(committed.accumulators[l].coeffs, x_next));
        transcript.write_scalar(tag::LOOKUP_EVALS, e.multiplicity.back());
        transcript.write_scalar(tag::LOOKUP_EVALS, e.accumulator.back());
        transcript.write_scalar(tag::LOOKUP_EVALS, e.accumulator_next.back());
    }
    return e;
}

void add_opening_queries(const AccumulatorsCommitted& committed, const Evaluated& evals,
                         const PointEvaluations& at, std::vector<ProverQuery>& queries) {
    for (size_t l = 0; l < committed.accumulators.size(); ++l) {
        queries.push_back({committed.previous.multiplicities[l].coeffs, at.x, evals.multiplicity[l]});
        queries.push_back({committed.accumulators[l].coeffs, at.x, evals.accumulator[l]});
        queries.push_back({committed.accumulators[l].coeffs, at.x_next, evals.accumulator_next[l]});
    }
}

// ---------------------------------------------------------------- verifier

void read_multiplicities(const VerifyingKey& vk, ProofReader& transcript, VerifierCommitted& out) {
    for (size_t l = 0; l < vk.cs.lookups().size(); ++l)
        out.multiplicities.push_back(transcript.read_point(tag::MULTIPLICITIES));
}

void read_accumulators(const VerifyingKey& vk, ProofReader& transcript, VerifierCommitted& out) {
    for (size_t l = 0; l < vk.cs.lookups().size(); ++l)
        out.accumulators.push_back(transcript.read_point(tag::LOOKUP_ACCUMULATORS));
}

Evaluated read_evaluations(const VerifyingKey& vk, ProofReader& transcript) {
    Evaluated e;
    for (size_t l = 0; l < vk.cs.lookups().size(); ++l) {
        e.multiplicity.push_back(transcript.read_scalar(tag::LOOKUP_EVALS));
        e.accumulator.push_back(transcript.read_scalar(tag::LOOKUP_EVALS));
        e.accumulator_next.push_back(transcript.read_scalar(tag::LOOKUP_EVALS));
    }
    return e;
}

void fold_constraints_at(const VerifyingKey& vk, const Evaluated& evals, const PointEvaluations& at,
                         const Challenges& ch, Fr& acc) {
    for (size_t l = 0; l < vk.cs.lookups().size(); ++l) {
        const LookupArgument& lookup = vk.cs.lookups()[l];
        std::vector<Fr> f, t;
        for (const auto& e : lookup.inputs) f.push_back(at.evaluate(e));
        for (const auto& e : lookup.table) t.push_back(at.evaluate(e));
        const Fr fb = compress(f, ch.theta) + ch.beta, tb = compress(t, ch.theta) + ch.beta;
        const Fr& phi = evals.accumulator[l];
        fold_constraint(acc, ch.y, at.l_first * phi);
        fold_constraint(acc, ch.y, at.l_last * phi);
        fold_constraint(acc, ch.y,
                        at.l_active * ((evals.accumulator_next[l] - phi) * fb * tb - tb + evals.multiplicity[l] * fb));
    }
}

void add_verifier_queries(const VerifierCommitted& committed, const Evaluated& evals,
                          const PointEvaluations& at, std::vector<VerifierQuery>& queries) {
    for (size_t l = 0; l < committed.accumulators.size(); ++l) {
        const G1 phi = G1::from_affine(committed.accumulators[l]);
        queries.push_back({G1::from_affine(committed.multiplicities[l]), at.x, evals.multiplicity[l]});
        queries.push_back({phi, at.x, evals.accumulator[l]});
        queries.push_back({phi, at.x_next, evals.accumulator_next[l]});
    }
}

}  // namespace ps::plonk::lookup
