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
                                              ProofWriter& transcript, const ProgressSink* progress) {
    const size_t n = pk.vk.n(), usable = pk.vk.cs.usable_rows(pk.vk.k);
    MultiplicitiesCommitted out;
    for (const LookupArgument& lookup : pk.vk.cs.lookups()) {
        if (progress) throw_if_cancelled(*progress);  // the table hash map below is the slow part
        out.inputs.push_back(compressed_column(lookup.inputs, base, ch.theta, usable));
        auto& tables = out.tables.emplace_back();
        // A tuple repeated within or across chunks (the padding rows of every chunk) counts once.
        std::unordered_map<Fr, std::pair<size_t, size_t>, FrHash> place_of;  // (chunk, row)
        place_of.reserve(usable * lookup.tables.size());
        for (size_t j = 0; j < lookup.tables.size(); ++j) {
            tables.push_back(compressed_column(lookup.tables[j], base, ch.theta, usable));
            for (size_t i = 0; i < usable; ++i) place_of.emplace(tables[j][i], std::pair(j, i));
        }
        std::vector<std::vector<uint64_t>> counts(lookup.tables.size(), std::vector<uint64_t>(usable, 0));
        for (const Fr& f : out.inputs.back()) {
            const auto it = place_of.find(f);
            if (it != place_of.end()) ++counts[it->second.first][it->second.second];
        }
        auto& committed = out.multiplicities.emplace_back();
        for (const auto& chunk_counts : counts) {
            std::vector<Fr> m(n);
            for (size_t i = 0; i < usable; ++i) m[i] = Fr::from_u64(chunk_counts[i]);
            committed.push_back(blind_and_commit(std::move(m), usable, pk, srs, rng, transcript, tag::MULTIPLICITIES, progress));
        }
    }
    return out;
}

AccumulatorsCommitted commit_accumulators(MultiplicitiesCommitted committed, const ProvingKey& pk,
                                          const Srs& srs, const Challenges& ch, RandomSource& rng,
                                          ProofWriter& transcript, const ProgressSink* progress) {
    const size_t n = pk.vk.n(), usable = pk.vk.cs.usable_rows(pk.vk.k);
    AccumulatorsCommitted out{std::move(committed), {}, {}};
    const auto& lookups = pk.vk.cs.lookups();
    // Σ_j m_j/(t_j + β) per row, and the helper columns h_j of multi-chunk lookups: all
    // helpers are committed before any φ, so each kind is one contiguous proof section.
    std::vector<std::vector<Fr>> table_terms;
    for (size_t l = 0; l < lookups.size(); ++l) {
        std::vector<Fr>& sum = table_terms.emplace_back(usable);
        auto& helpers = out.helpers.emplace_back();
        for (size_t j = 0; j < lookups[l].tables.size(); ++j) {
            if (progress) throw_if_cancelled(*progress);  // each chunk: a batch inversion of the rows
            std::vector<Fr> h(usable);
            for (size_t i = 0; i < usable; ++i) h[i] = out.previous.tables[l][j][i] + ch.beta;
            batch_invert(h);
            const auto& m = out.previous.multiplicities[l][j].values;
            for (size_t i = 0; i < usable; ++i) {
                h[i] *= m[i];
                sum[i] += h[i];
            }
            // h_j is read on active rows only: blinding starts at the first unusable row.
            if (lookups[l].uses_helpers())
                helpers.push_back(blind_and_commit(std::move(h), usable, pk, srs, rng, transcript, tag::LOOKUP_HELPERS, progress));
        }
    }
    for (size_t l = 0; l < lookups.size(); ++l) {
        if (progress) throw_if_cancelled(*progress);
        std::vector<Fr> inv_input(usable);
        for (size_t i = 0; i < usable; ++i) inv_input[i] = out.previous.inputs[l][i] + ch.beta;
        batch_invert(inv_input);
        std::vector<Fr> phi(n);
        for (size_t i = 0; i < usable; ++i) phi[i + 1] = phi[i] + inv_input[i] - table_terms[l][i];
        // φ(ω^u) is the last row a constraint reads: blinding starts after it.
        out.accumulators.push_back(
            blind_and_commit(std::move(phi), usable + 1, pk, srs, rng, transcript, tag::LOOKUP_ACCUMULATORS, progress));
    }
    return out;
}

void fold_extended_constraints(const ProvingKey& pk, const AccumulatorsCommitted& committed,
                               const ColumnValues& extended, const Challenges& ch, size_t first,
                               std::span<Fr> acc, std::vector<std::vector<Fr>>& scratch) {
    const size_t len = acc.size(), mask = extended.size - 1, next = size_t(extended.rotation_scale);
    std::vector<Fr> f(len), t(len), helper_sum(len);
    for (size_t l = 0; l < committed.accumulators.size(); ++l) {
        const LookupArgument& lookup = pk.vk.cs.lookups()[l];
        compressed_rows(lookup.inputs, extended, ch.theta, first, f, scratch);
        const auto& phi = committed.accumulators[l].extended;
        for (size_t r = 0; r < len; ++r) {
            const size_t i = first + r;
            fold_constraint(acc[r], ch.y, pk.l_first[i] * phi[i]);
            fold_constraint(acc[r], ch.y, pk.l_last[i] * phi[i]);
        }
        if (!lookup.uses_helpers()) {
            compressed_rows(lookup.tables[0], extended, ch.theta, first, t, scratch);
            const auto& m = committed.previous.multiplicities[l][0].extended;
            for (size_t r = 0; r < len; ++r) {
                const size_t i = first + r;
                const Fr fb = f[r] + ch.beta, tb = t[r] + ch.beta;
                fold_constraint(acc[r], ch.y,
                                pk.l_active[i] * ((phi[(i + next) & mask] - phi[i]) * fb * tb - tb + m[i] * fb));
            }
            continue;
        }
        std::fill(helper_sum.begin(), helper_sum.end(), Fr::zero());
        for (const auto& h : committed.helpers[l])
            for (size_t r = 0; r < len; ++r) helper_sum[r] += h.extended[first + r];
        for (size_t r = 0; r < len; ++r) {
            const size_t i = first + r;
            fold_constraint(acc[r], ch.y,
                            pk.l_active[i] * ((phi[(i + next) & mask] - phi[i] + helper_sum[r]) * (f[r] + ch.beta) -
                                              Fr::one()));
        }
        for (size_t j = 0; j < lookup.tables.size(); ++j) {
            compressed_rows(lookup.tables[j], extended, ch.theta, first, t, scratch);
            const auto& h = committed.helpers[l][j].extended;
            const auto& m = committed.previous.multiplicities[l][j].extended;
            for (size_t r = 0; r < len; ++r) {
                const size_t i = first + r;
                fold_constraint(acc[r], ch.y, pk.l_active[i] * (h[i] * (t[r] + ch.beta) - m[i]));
            }
        }
    }
}

Evaluated evaluate(const AccumulatorsCommitted& committed, const Challenges& ch, const Fr& x_next,
                   ProofWriter& transcript) {
    Evaluated e;
    for (size_t l = 0; l < committed.accumulators.size(); ++l) {
        auto write = [&](const PreparedPolynomial& p, const Fr& at) {
            const Fr v = ps::evaluate(p.coeffs, at);
            transcript.write_scalar(tag::LOOKUP_EVALS, v);
            return v;
        };
        auto& m = e.multiplicity.emplace_back();
        for (const auto& p : committed.previous.multiplicities[l]) m.push_back(write(p, ch.x));
        auto& h = e.helper.emplace_back();
        for (const auto& p : committed.helpers[l]) h.push_back(write(p, ch.x));
        e.accumulator.push_back(write(committed.accumulators[l], ch.x));
        e.accumulator_next.push_back(write(committed.accumulators[l], x_next));
    }
    return e;
}

void add_opening_queries(const AccumulatorsCommitted& committed, const Evaluated& evals,
                         const PointEvaluations& at, std::vector<ProverQuery>& queries) {
    for (size_t l = 0; l < committed.accumulators.size(); ++l) {
        for (size_t j = 0; j < evals.multiplicity[l].size(); ++j)
            queries.push_back({committed.previous.multiplicities[l][j].coeffs, at.x, evals.multiplicity[l][j]});
        for (size_t j = 0; j < evals.helper[l].size(); ++j)
            queries.push_back({committed.helpers[l][j].coeffs, at.x, evals.helper[l][j]});
        queries.push_back({committed.accumulators[l].coeffs, at.x, evals.accumulator[l]});
        queries.push_back({committed.accumulators[l].coeffs, at.x_next, evals.accumulator_next[l]});
    }
}

// ---------------------------------------------------------------- verifier

void read_multiplicities(const VerifyingKey& vk, ProofReader& transcript, VerifierCommitted& out) {
    for (const LookupArgument& lookup : vk.cs.lookups()) {
        auto& m = out.multiplicities.emplace_back();
        for (size_t j = 0; j < lookup.tables.size(); ++j) m.push_back(transcript.read_point(tag::MULTIPLICITIES));
    }
}

void read_accumulators(const VerifyingKey& vk, ProofReader& transcript, VerifierCommitted& out) {
    for (const LookupArgument& lookup : vk.cs.lookups()) {
        auto& h = out.helpers.emplace_back();
        if (lookup.uses_helpers())
            for (size_t j = 0; j < lookup.tables.size(); ++j) h.push_back(transcript.read_point(tag::LOOKUP_HELPERS));
    }
    for (size_t l = 0; l < vk.cs.lookups().size(); ++l)
        out.accumulators.push_back(transcript.read_point(tag::LOOKUP_ACCUMULATORS));
}

Evaluated read_evaluations(const VerifyingKey& vk, ProofReader& transcript) {
    Evaluated e;
    for (const LookupArgument& lookup : vk.cs.lookups()) {
        auto& m = e.multiplicity.emplace_back();
        for (size_t j = 0; j < lookup.tables.size(); ++j) m.push_back(transcript.read_scalar(tag::LOOKUP_EVALS));
        auto& h = e.helper.emplace_back();
        if (lookup.uses_helpers())
            for (size_t j = 0; j < lookup.tables.size(); ++j) h.push_back(transcript.read_scalar(tag::LOOKUP_EVALS));
        e.accumulator.push_back(transcript.read_scalar(tag::LOOKUP_EVALS));
        e.accumulator_next.push_back(transcript.read_scalar(tag::LOOKUP_EVALS));
    }
    return e;
}

void fold_constraints_at(const VerifyingKey& vk, const Evaluated& evals, const PointEvaluations& at,
                         const Challenges& ch, Fr& acc) {
    auto compressed = [&](const std::vector<Expression>& exprs) {
        std::vector<Fr> values;
        for (const auto& e : exprs) values.push_back(at.evaluate(e));
        return compress(values, ch.theta) + ch.beta;
    };
    for (size_t l = 0; l < vk.cs.lookups().size(); ++l) {
        const LookupArgument& lookup = vk.cs.lookups()[l];
        const Fr fb = compressed(lookup.inputs);
        const Fr& phi = evals.accumulator[l];
        const Fr step = evals.accumulator_next[l] - phi;
        fold_constraint(acc, ch.y, at.l_first * phi);
        fold_constraint(acc, ch.y, at.l_last * phi);
        if (!lookup.uses_helpers()) {
            const Fr tb = compressed(lookup.tables[0]);
            fold_constraint(acc, ch.y, at.l_active * (step * fb * tb - tb + evals.multiplicity[l][0] * fb));
            continue;
        }
        Fr helper_sum;
        for (const Fr& h : evals.helper[l]) helper_sum += h;
        fold_constraint(acc, ch.y, at.l_active * ((step + helper_sum) * fb - Fr::one()));
        for (size_t j = 0; j < lookup.tables.size(); ++j)
            fold_constraint(acc, ch.y,
                            at.l_active * (evals.helper[l][j] * compressed(lookup.tables[j]) - evals.multiplicity[l][j]));
    }
}

void add_verifier_queries(const VerifierCommitted& committed, const Evaluated& evals,
                          const PointEvaluations& at, std::vector<VerifierQuery>& queries) {
    for (size_t l = 0; l < committed.accumulators.size(); ++l) {
        for (size_t j = 0; j < committed.multiplicities[l].size(); ++j)
            queries.push_back({G1::from_affine(committed.multiplicities[l][j]), at.x, evals.multiplicity[l][j]});
        for (size_t j = 0; j < committed.helpers[l].size(); ++j)
            queries.push_back({G1::from_affine(committed.helpers[l][j]), at.x, evals.helper[l][j]});
        const G1 phi = G1::from_affine(committed.accumulators[l]);
        queries.push_back({phi, at.x, evals.accumulator[l]});
        queries.push_back({phi, at.x_next, evals.accumulator_next[l]});
    }
}

}  // namespace ps::plonk::lookup
