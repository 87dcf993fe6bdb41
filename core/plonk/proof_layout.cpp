#include "core/plonk/proof_layout.hpp"

#include "core/plonk/permutation.hpp"
#include "core/plonk/vanishing.hpp"

#include <set>
#include <stdexcept>

namespace ps::plonk {

std::vector<ProofSection> proof_layout(const VerifyingKey& vk) {
    const ConstraintSystem& cs = vk.cs;
    const size_t lookups = cs.lookups().size(), chunks = permutation::chunk_count(cs);
    // Per lookup: one multiplicity column per table chunk, and as many helper columns
    // when there is more than one chunk.
    size_t multiplicities = 0, helpers = 0;
    for (const auto& l : cs.lookups()) {
        multiplicities += l.tables.size();
        if (l.uses_helpers()) helpers += l.tables.size();
    }
    const auto advice_queries = cs.queries(ColumnKind::Advice), fixed_queries = cs.queries(ColumnKind::Fixed);

    // One opening witness per distinct point x·ω^r, r taken mod n.
    const int64_t n = int64_t(vk.n());
    std::set<int64_t> rotations{0};
    for (const auto& q : advice_queries) rotations.insert(((q.rotation % n) + n) % n);
    for (const auto& q : fixed_queries) rotations.insert(((q.rotation % n) + n) % n);
    if (chunks > 0 || lookups > 0) rotations.insert(1 % n);
    if (chunks > 1) rotations.insert(int64_t(cs.usable_rows(vk.k)) % n);

    const size_t product_evals = chunks == 0 ? 0 : 3 * chunks - 1;
    const std::vector<std::pair<std::string, std::pair<size_t, size_t>>> parts = {
        {"statement digests", {2, 32}},
        {"advice commitments", {cs.num_advice_columns(), 64}},
        {"lookup multiplicity commitments", {multiplicities, 64}},
        {"permutation product commitments", {chunks, 64}},
        {"lookup helper commitments", {helpers, 64}},
        {"lookup accumulator commitments", {lookups, 64}},
        {"vanishing random commitment", {1, 64}},
        {"quotient commitments", {vanishing::quotient_piece_count(cs), 64}},
        {"advice evaluations", {advice_queries.size(), 32}},
        {"fixed evaluations", {fixed_queries.size(), 32}},
        {"permutation sigma evaluations", {cs.permutation_columns().size(), 32}},
        {"permutation product evaluations", {product_evals, 32}},
        {"lookup evaluations", {multiplicities + helpers + 2 * lookups, 32}},
        {"vanishing evaluations", {2, 32}},
        {"opening witnesses", {rotations.size(), 64}},
    };
    std::vector<ProofSection> layout;
    size_t offset = 0;
    for (const auto& [name, shape] : parts) {
        layout.push_back({name, offset, shape.first, shape.second});
        offset += shape.first * shape.second;
    }
    return layout;
}

size_t proof_size(const VerifyingKey& vk) {
    const auto layout = proof_layout(vk);
    return layout.back().offset + layout.back().size();
}

ProofSection section(const std::vector<ProofSection>& layout, const std::string& name) {
    for (const auto& s : layout)
        if (s.name == name) return s;
    throw std::out_of_range("no proof section '" + name + "'");
}

}  // namespace ps::plonk
