#include "core/field/invert_each.hpp"

#include "core/field/mul_each.hpp"
#include "core/util/error.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace ps {

// Level sizes n₀ = values.size(), nₖ₊₁ = ⌈nₖ / 2⌉ down to 1. Level k + 1's element i is the
// product of level k's elements i and i + ⌊nₖ / 2⌋ (contiguous halves, so mul_each applies);
// an odd level's last element moves up alone. Going back down, with w the inverses of level
// k + 1: element i of level k is w[i]·(its partner), its partner's is w[i]·(element i).
template <class F>
void invert_each_nonzero(std::span<F> values, InversionTiming timing, std::vector<F>& scratch) {
    const size_t n0 = values.size();
    if (n0 == 0) return;
    // Levels 1.. live one after another in scratch (fewer than n₀ elements in all), then a
    // half-level of room for the way down.
    std::array<size_t, 65> offset{}, size{};  // ⌈log2 n₀⌉ + 1 ≤ 65 levels
    size[0] = n0;
    size_t levels = 1, total = 0;
    for (size_t n = n0; n > 1; ++levels) {
        n = (n + 1) / 2;
        offset[levels] = total;
        size[levels] = n;
        total += n;
    }
    scratch.resize(total + n0 / 2 + 1);
    const auto level = [&](size_t k) {
        return k == 0 ? values : std::span<F>(scratch).subspan(offset[k], size[k]);
    };
    const size_t top = levels - 1;
    for (size_t k = 0; k < top; ++k) {
        const std::span<F> cur = level(k), next = level(k + 1);
        const size_t h = cur.size() / 2;
        mul_each<F>(next.first(h), cur.first(h), cur.subspan(h, h));
        if (cur.size() % 2) next[h] = cur.back();
    }
    F& root = level(top)[0];
    if (root.is_zero())
        throw Error("invert_each_nonzero", "was given a zero among " + std::to_string(n0) + " values",
                    "leave zeros out, or invert them one by one");
    root = timing == InversionTiming::constant ? root.inverse() : root.inverse_vartime();
    const std::span<F> spare = std::span<F>(scratch).subspan(total, n0 / 2 + 1);
    for (size_t k = top; k-- > 0;) {
        const std::span<F> cur = level(k), w = level(k + 1);
        const size_t h = cur.size() / 2;
        if (cur.size() % 2) cur.back() = w[h];
        const std::span<F> first_inverse = spare.first(h);
        mul_each<F>(first_inverse, w.first(h), cur.subspan(h, h));
        mul_each<F>(cur.subspan(h, h), w.first(h), cur.first(h));
        std::copy(first_inverse.begin(), first_inverse.end(), cur.begin());
    }
}

template void invert_each_nonzero<Fr>(std::span<Fr>, InversionTiming, std::vector<Fr>&);
template void invert_each_nonzero<Fq>(std::span<Fq>, InversionTiming, std::vector<Fq>&);

}  // namespace ps
