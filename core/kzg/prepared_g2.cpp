#include "core/kzg/prepared_g2.hpp"
#include "core/util/error.hpp"
#include <algorithm>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace ps {

namespace {
// A handful of [τ]G2 at most (one per SRS a process verifies against); 8 entries of
// ~17 KB each bound the memory whatever the caller does.
constexpr size_t CACHE_ENTRIES = 8;

struct PreparedCache {
    std::mutex mutex;
    std::vector<std::pair<G2Affine, std::shared_ptr<const G2Prepared>>> entries;  // oldest first
};

PreparedCache& cache() {
    static PreparedCache c;
    return c;
}
}  // namespace

std::shared_ptr<const G2Prepared> prepared_g2(const G2Affine& q) {
    if (q == G2Affine::generator())  // static storage: a non-owning pointer
        return std::shared_ptr<const G2Prepared>(std::shared_ptr<void>(), &g2_generator_prepared());
    PreparedCache& c = cache();
    {
        const std::lock_guard lock(c.mutex);
        for (const auto& [point, prepared] : c.entries)
            if (point == q) return prepared;
    }
    // Prepared outside the lock: two threads may both prepare the same point, which is
    // harmless (equal values; the second insert finds the first).
    auto prepared = std::make_shared<const G2Prepared>(q);
    const std::lock_guard lock(c.mutex);
    for (const auto& [point, existing] : c.entries)
        if (point == q) return existing;
    if (c.entries.size() == CACHE_ENTRIES) c.entries.erase(c.entries.begin());
    c.entries.emplace_back(q, prepared);
    return prepared;
}

bool kzg_pairing_check(std::span<const G1Affine> ps, std::span<const G2Affine> qs) {
    if (ps.size() != qs.size())
        throw Error("kzg_pairing_check", std::to_string(ps.size()) + " G1 points but " + std::to_string(qs.size()) +
                                             " G2 points: pairs are needed",
                    "pass one G2 point for every G1 point");
    std::vector<std::shared_ptr<const G2Prepared>> owners;
    std::vector<const G2Prepared*> prepared;
    owners.reserve(qs.size());
    prepared.reserve(qs.size());
    for (const G2Affine& q : qs) {
        owners.push_back(prepared_g2(q));
        prepared.push_back(owners.back().get());
    }
    return pairing_product_is_one_prepared(ps, prepared);
}

}  // namespace ps
