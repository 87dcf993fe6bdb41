#!/usr/bin/env bash
# The sanitizer build: clang with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer
# coverage (PROOFSCOPE_FUZZ=ON) in a build folder of its own, build-fuzz/. One folder
# serves both the fuzz smoke (installer/fuzz-smoke.sh, which builds only the harnesses)
# and installer/run-tests.sh --sanitize (which builds everything and runs every test).
#   installer/sanitized-build.sh [TARGET ...]      (no target: everything)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ_BUILD="${PROOFSCOPE_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$ROOT" -B "$FUZZ_BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DPROOFSCOPE_FUZZ=ON -DPROOFSCOPE_FUZZ_SECONDS="${PROOFSCOPE_FUZZ_SECONDS:-60}" "${launcher[@]}" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$FUZZ_BUILD" "${targets[@]}" -j "${PROOFSCOPE_JOBS:-$(nproc)}"
