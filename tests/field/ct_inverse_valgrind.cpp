// Constant-time check of Fr/Fq::inverse() in the style of ctgrind: the input's bytes are
// marked undefined for Valgrind's memcheck, which then reports every branch and every
// memory address computed from them ("conditional jump depends on uninitialised
// value"). Run under `valgrind --error-exitcode=1` by CTest (tests/field/CMakeLists.txt);
// inverse_vartime(), which branches on the value by design, is the control that shows the
// check can fail (argument "--control").
#include "core/field/fq.hpp"
#include "core/field/fr.hpp"
#include <valgrind/memcheck.h>
#include <cstdio>
#include <cstring>

using namespace ps;

namespace {
template <class F>
bool inverse_is_correct(const F& a, bool vartime) {
    F secret = a;
    VALGRIND_MAKE_MEM_UNDEFINED(&secret, sizeof secret);
    F inv = vartime ? secret.inverse_vartime() : secret.inverse();
    // Only the result leaves the secret region: comparing it is not the inversion's branch.
    VALGRIND_MAKE_MEM_DEFINED(&inv, sizeof inv);
    return inv * a == F::one();
}
}  // namespace

int main(int argc, char** argv) {
    const bool control = argc > 1 && std::strcmp(argv[1], "--control") == 0;
    SeededRandom rng(31);
    bool ok = true;
    for (int i = 0; i < 3; ++i) {
        ok = inverse_is_correct(Fr::random(rng), control) && ok;
        ok = inverse_is_correct(Fq::random(rng), control) && ok;
    }
    std::printf("%s\n", ok ? "inverses correct" : "WRONG inverse");
    return ok ? 0 : 1;
}
