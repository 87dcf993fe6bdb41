#include "core/plonk/permutation.hpp"

#include "core/poly/batch_inversion.hpp"
#include "core/poly/polynomial.hpp"
#include "core/util/error.hpp"

#include <algorithm>
#include <numeric>
#include <tbb/parallel_for.h>

namespace ps::plonk::permutation {

size_t chunk_count(const ConstraintSystem& cs) {
    const size_t p = cs.permutation_columns().size(), chunk = cs.permutation_chunk_size();
    return (p + chunk - 1) / chunk;
}

namespace {

std::vector<Fr> delta_powers(size_t count) {
    std::vector<Fr> d(count);
    Fr acc = Fr::one();
    for (auto& v : d) {
        v = acc;
        acc *= permutation_delta();
    }
    return d;
}

// Columns [first, end) of the equality list for chunk j.
std::pair<size_t, size_t> chunk_range(const ConstraintSystem& cs, size_t j) {
    const size_t chunk = cs.permutation_chunk_size(), p = cs.permutation_columns().size();
    return {j * chunk, std::min(p, (j + 1) * chunk)};
}

}  // namespace

// ---------------------------------------------------------------- keygen

std::vector<std::vector<Fr>> build_sigma_values(const ConstraintSystem& cs,
                                                std::span<const CopyConstraint> copies, unsigned k) {
    const auto& columns = cs.permutation_columns();
    const size_t n = size_t(1) << k, cells = columns.size() * n;
    auto cell_id = [&](const Cell& c) {
        const size_t col = size_t(std::find(columns.begin(), columns.end(), c.column) - columns.begin());
        if (col == columns.size() || c.row >= n)
            throw Error("copy constraint " + describe(c.column) + " row " + std::to_string(c.row),
                        "the cell is not in an equality-enabled column of the 2^" + std::to_string(k) + " rows",
                        "enable equality on the column");
        return col * n + c.row;
    };

    // Union–find over all cells; the cycles of the permutation are its classes.
    std::vector<size_t> parent(cells);
    std::iota(parent.begin(), parent.end(), size_t(0));
    auto find = [&](size_t a) {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    };
    for (const auto& copy : copies) {
        const size_t a = find(cell_id(copy.a)), b = find(cell_id(copy.b));
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    // Link every class into a cycle in cell order: σ(cell) = the next cell of its class.
    constexpr size_t NONE = ~size_t(0);
    std::vector<size_t> first(cells, NONE), last(cells, NONE), next(cells);
    for (size_t id = 0; id < cells; ++id) {
        const size_t r = find(id);
        if (first[r] == NONE) first[r] = id;
        else next[last[r]] = id;
        last[r] = id;
    }
    for (size_t r = 0; r < cells; ++r)
        if (first[r] != NONE) next[last[r]] = first[r];

    const auto delta = delta_powers(columns.size());
    const EvaluationDomain domain(k);
    std::vector<Fr> omega_powers(n);
    Fr w = Fr::one();
    for (auto& v : omega_powers) {
        v = w;
        w *= domain.omega();
    }
    std::vector<std::vector<Fr>> sigma(columns.size(), std::vector<Fr>(n));
    for (size_t id = 0; id < cells; ++id)
        sigma[id / n][id % n] = delta[next[id] / n] * omega_powers[next[id] % n];
    return sigma;
}

// ---------------------------------------------------------------- prover

ProductsCommitted commit_products(const ProvingKey& pk, const Srs& srs, const ColumnValues& base,
                                  const Challenges& ch, RandomSource& rng, ProofWriter& transcript,
                                  const ProgressSink* progress) {
    const ConstraintSystem& cs = pk.vk.cs;
    const size_t n = pk.vk.n(), usable = cs.usable_rows(pk.vk.k);
    const auto delta = delta_powers(cs.permutation_columns().size());
    const Fr omega = pk.domain->base().omega();

    ProductsCommitted out;
    Fr carried = Fr::one();  // z_j(ω^0) = z_{j−1}(ω^u)
    for (size_t j = 0, chunks = chunk_count(cs); j < chunks; ++j) {
        // Plain copies, not structured bindings: clang before 16 cannot capture those in
        // the lambda below, and the sanitizer build (PROOFSCOPE_FUZZ) uses Debian's clang 14.
        if (progress) throw_if_cancelled(*progress);
        const auto chunk = chunk_range(cs, j);
        const size_t begin = chunk.first, end = chunk.second;
        std::vector<Fr> numerator(usable, Fr::one()), denominator(usable, Fr::one());
        tbb::parallel_for(tbb::blocked_range<size_t>(0, usable, 1024), [&](const auto& r) {
            Fr w = omega.pow(uint64_t(r.begin()));
            for (size_t i = r.begin(); i < r.end(); ++i, w *= omega)
                for (size_t c = begin; c < end; ++c) {
                    const Fr& p = base.column(cs.permutation_columns()[c])[i];
                    numerator[i] *= p + ch.beta * delta[c] * w + ch.gamma;
                    denominator[i] *= p + ch.beta * pk.permutation[c].values[i] + ch.gamma;
                }
        });
        batch_invert(denominator);
        std::vector<Fr> z(n);
        z[0] = carried;
        for (size_t i = 0; i < usable; ++i) z[i + 1] = z[i] * numerator[i] * denominator[i];
        carried = z[usable];
        // z(ω^u) is the last row a constraint reads: blinding starts after it.
        out.products.push_back(blind_and_commit(std::move(z), usable + 1, pk, srs, rng, transcript, tag::PERMUTATION_PRODUCTS, progress));
    }
    return out;
}

void fold_extended_constraints(const ProvingKey& pk, const ProductsCommitted& committed,
                               const ColumnValues& extended, const Challenges& ch, size_t first,
                               std::span<Fr> acc) {
    const ConstraintSystem& cs = pk.vk.cs;
    const size_t chunks = committed.products.size();
    if (chunks == 0) return;
    const size_t mask = extended.size - 1, next = size_t(extended.rotation_scale),
                 last = next * cs.usable_rows(pk.vk.k);
    const auto delta = delta_powers(cs.permutation_columns().size());
    std::vector<Fr> beta_delta(delta.size());
    for (size_t c = 0; c < delta.size(); ++c) beta_delta[c] = ch.beta * delta[c];
    // Once, not per row: a chunk's range comes from the constraint system's degree, a walk over
    // every gate expression (7 % of the CPU time of a lenet_5 setup-and-prove run when it ran for
    // each extended row).
    std::vector<std::pair<size_t, size_t>> ranges(chunks);
    for (size_t j = 0; j < chunks; ++j) ranges[j] = chunk_range(cs, j);
    const auto& columns = cs.permutation_columns();
    const Fr step = pk.domain->extended().omega();
    Fr X = pk.domain->point(first);
    for (size_t r = 0; r < acc.size(); ++r, X *= step) {
        const size_t i = first + r;
        const Fr &l0 = pk.l_first[i], &ll = pk.l_last[i], &la = pk.l_active[i];
        const auto& z0 = committed.products.front().extended;
        const auto& zl = committed.products.back().extended;
        fold_constraint(acc[r], ch.y, l0 * (Fr::one() - z0[i]));
        fold_constraint(acc[r], ch.y, ll * (zl[i].square() - zl[i]));
        for (size_t j = 1; j < chunks; ++j)
            fold_constraint(acc[r], ch.y,
                            l0 * (committed.products[j].extended[i] -
                                  committed.products[j - 1].extended[(i + last) & mask]));
        for (size_t j = 0; j < chunks; ++j) {
            const auto& z = committed.products[j].extended;
            const auto [begin, end] = ranges[j];
            Fr left = z[(i + next) & mask], right = z[i];
            for (size_t c = begin; c < end; ++c) {
                const Fr& p = extended.column(columns[c])[i];
                left *= p + ch.beta * pk.permutation[c].extended[i] + ch.gamma;
                right *= p + beta_delta[c] * X + ch.gamma;
            }
            fold_constraint(acc[r], ch.y, la * (left - right));
        }
    }
}

ProductsEvaluated evaluate(const ProvingKey& pk, const ProductsCommitted& committed, const Challenges& ch,
                           const Fr& x_next, const Fr& x_last, ProofWriter& transcript) {
    ProductsEvaluated e;
    for (const auto& sigma : pk.permutation) {
        e.sigma.push_back(ps::evaluate(sigma.coeffs, ch.x));
        transcript.write_scalar(tag::SIGMA_EVALS, e.sigma.back());
    }
    for (size_t j = 0; j < committed.products.size(); ++j) {
        const auto& z = committed.products[j].coeffs;
        e.at_x.push_back(ps::evaluate(z, ch.x));
        e.at_next.push_back(ps::evaluate(z, x_next));
        transcript.write_scalar(tag::PRODUCT_EVALS, e.at_x.back());
        transcript.write_scalar(tag::PRODUCT_EVALS, e.at_next.back());
        if (j + 1 < committed.products.size()) {
            e.at_last.push_back(ps::evaluate(z, x_last));
            transcript.write_scalar(tag::PRODUCT_EVALS, e.at_last.back());
        }
    }
    return e;
}

void add_opening_queries(const ProvingKey& pk, const ProductsCommitted& committed,
                         const ProductsEvaluated& evals, const PointEvaluations& at,
                         std::vector<ProverQuery>& queries) {
    for (size_t c = 0; c < pk.permutation.size(); ++c)
        queries.push_back({pk.permutation[c].coeffs, at.x, evals.sigma[c]});
    for (size_t j = 0; j < committed.products.size(); ++j) {
        const auto& z = committed.products[j].coeffs;
        queries.push_back({z, at.x, evals.at_x[j]});
        queries.push_back({z, at.x_next, evals.at_next[j]});
        if (j + 1 < committed.products.size()) queries.push_back({z, at.x_last, evals.at_last[j]});
    }
}

// ---------------------------------------------------------------- verifier

VerifierCommitted read_products(const VerifyingKey& vk, ProofReader& transcript) {
    VerifierCommitted c;
    for (size_t j = 0, chunks = chunk_count(vk.cs); j < chunks; ++j)
        c.products.push_back(transcript.read_point(tag::PERMUTATION_PRODUCTS));
    return c;
}

ProductsEvaluated read_evaluations(const VerifyingKey& vk, ProofReader& transcript) {
    ProductsEvaluated e;
    for (size_t c = 0; c < vk.permutation_commitments.size(); ++c)
        e.sigma.push_back(transcript.read_scalar(tag::SIGMA_EVALS));
    const size_t chunks = chunk_count(vk.cs);
    for (size_t j = 0; j < chunks; ++j) {
        e.at_x.push_back(transcript.read_scalar(tag::PRODUCT_EVALS));
        e.at_next.push_back(transcript.read_scalar(tag::PRODUCT_EVALS));
        if (j + 1 < chunks) e.at_last.push_back(transcript.read_scalar(tag::PRODUCT_EVALS));
    }
    return e;
}

void fold_constraints_at(const VerifyingKey& vk, const ProductsEvaluated& evals, const PointEvaluations& at,
                         const Challenges& ch, Fr& acc) {
    const ConstraintSystem& cs = vk.cs;
    const size_t chunks = evals.at_x.size();
    if (chunks == 0) return;
    const auto delta = delta_powers(cs.permutation_columns().size());
    fold_constraint(acc, ch.y, at.l_first * (Fr::one() - evals.at_x.front()));
    fold_constraint(acc, ch.y, at.l_last * (evals.at_x.back().square() - evals.at_x.back()));
    for (size_t j = 1; j < chunks; ++j)
        fold_constraint(acc, ch.y, at.l_first * (evals.at_x[j] - evals.at_last[j - 1]));
    for (size_t j = 0; j < chunks; ++j) {
        const auto [begin, end] = chunk_range(cs, j);
        Fr left = evals.at_next[j], right = evals.at_x[j];
        for (size_t c = begin; c < end; ++c) {
            const Fr p = at.query(cs.permutation_columns()[c], 0);
            left *= p + ch.beta * evals.sigma[c] + ch.gamma;
            right *= p + ch.beta * delta[c] * at.x + ch.gamma;
        }
        fold_constraint(acc, ch.y, at.l_active * (left - right));
    }
}

void add_verifier_queries(const VerifyingKey& vk, const VerifierCommitted& committed,
                          const ProductsEvaluated& evals, const PointEvaluations& at,
                          std::vector<VerifierQuery>& queries) {
    for (size_t c = 0; c < vk.permutation_commitments.size(); ++c)
        queries.push_back({G1::from_affine(vk.permutation_commitments[c]), at.x, evals.sigma[c]});
    for (size_t j = 0; j < committed.products.size(); ++j) {
        const G1 z = G1::from_affine(committed.products[j]);
        queries.push_back({z, at.x, evals.at_x[j]});
        queries.push_back({z, at.x_next, evals.at_next[j]});
        if (j + 1 < committed.products.size()) queries.push_back({z, at.x_last, evals.at_last[j]});
    }
}

}  // namespace ps::plonk::permutation
