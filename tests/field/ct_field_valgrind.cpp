// Constant-time check of Fr/Fq arithmetic in the style of ctgrind: secret operands are
// marked undefined for Valgrind's memcheck, which then reports every conditional jump and
// every memory address computed from them. Run under `valgrind --error-exitcode=3` by
// CTest (tests/field/CMakeLists.txt). Covered: +, −, negation, product, square and
// inverse() (divsteps): what witness values and blinding factors go through. (Written
// with `?:`, the final selections of add/sub and of the product compiled to conditional
// jumps, which this check caught; they are cmov in assembly now.) The control
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
    F sum, difference, negation, product, square, inverse;
};

template <class F>
Results<F> on_secrets(F a, F b, bool control) {
    VALGRIND_MAKE_MEM_UNDEFINED(&a, sizeof a);
    VALGRIND_MAKE_MEM_UNDEFINED(&b, sizeof b);
    Results<F> r{a + b, a - b, -a, a * b, a.square(), control ? a.inverse_vartime() : a.inverse()};
    // Only the results leave the secret region; checking them is not the arithmetic's branch.
    VALGRIND_MAKE_MEM_DEFINED(&r, sizeof r);
    return r;
}

template <class F>
bool agrees(const F& a, const F& b, bool control) {
    const Results<F> r = on_secrets(a, b, control);
    return r.sum - b == a && r.difference + b == a && r.negation + a == F::zero() &&
           r.product == F::mul_portable(a, b) && r.square == F::mul_portable(a, a) && r.inverse * a == F::one();
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
