// Constant-time check of Fr/Fq arithmetic in the style of ctgrind: secret operands are
// marked undefined for Valgrind's memcheck, which then reports every conditional jump and
// every memory address computed from them. Run under `valgrind --error-exitcode=3` by
// CTest (tests/field/CMakeLists.txt). Covered: +, −, negation and inverse() (divsteps).
// Not covered, because they are not constant time: the product and the square end with a
// branch on whether the result needs a final subtraction of p (GCC's choice; a masked
// selection there made a G1 mixed addition ~17 % slower), like the MSM's variable-time
// buckets (msm.hpp says why that is acceptable for a local prover). The control
// (argument "--control") runs inverse_vartime(), which branches on its input by design:
// it must be reported, or the check proves nothing.
#include "core/field/fq.hpp"
#include "core/field/fr.hpp"
#include <valgrind/memcheck.h>
#include <cstdio>
#include <cstring>

using namespace ps;

namespace {

template <class F>
struct Results {
    F sum, difference, negation, inverse;
};

template <class F>
Results<F> on_secrets(F a, F b, bool control) {
    VALGRIND_MAKE_MEM_UNDEFINED(&a, sizeof a);
    VALGRIND_MAKE_MEM_UNDEFINED(&b, sizeof b);
    Results<F> r{a + b, a - b, -a, control ? a.inverse_vartime() : a.inverse()};
    // Only the results leave the secret region; checking them is not the arithmetic's branch.
    VALGRIND_MAKE_MEM_DEFINED(&r, sizeof r);
    return r;
}

template <class F>
bool agrees(const F& a, const F& b, bool control) {
    const Results<F> r = on_secrets(a, b, control);
    return r.sum - b == a && r.difference + b == a && r.negation + a == F::zero() && r.inverse * a == F::one();
}

}  // namespace

int main(int argc, char** argv) {
    const bool control = argc > 1 && std::strcmp(argv[1], "--control") == 0;
    SeededRandom rng(31);
    bool ok = true;
    for (int i = 0; i < 4; ++i) {
        ok = agrees(Fr::random(rng), Fr::random(rng), control) && ok;
        ok = agrees(Fq::random(rng), Fq::random(rng), control) && ok;
    }
    // Operands that force the conditional subtractions both ways.
    ok = agrees(-Fr::one(), -Fr::one(), control) && agrees(Fq::one(), -Fq::one(), control) && ok;
    std::printf("%s\n", ok ? "results correct" : "WRONG result");
    return ok ? 0 : 1;
}
