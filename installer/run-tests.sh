#!/usr/bin/env bash
# The README's test command: installs missing Debian packages, builds everything
# (warnings are errors, benchmarks included so they never rot), runs every test, then a
# short smoke of every fuzz harness (installer/fuzz-smoke.sh, clang + ASan + UBSan in
# build-fuzz/; PROOFSCOPE_FUZZ_SECONDS per harness, default 10).
#   installer/run-tests.sh --sanitize   instead: every test under ASan + UBSan, built with
#                                       clang in build-fuzz/ (not part of CI's default run)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${PROOFSCOPE_JOBS:-$(nproc)}"
"$ROOT/installer/install-deps.sh"
export QT_QPA_PLATFORM=offscreen

if [[ "${1:-}" == "--sanitize" ]]; then
  # Everything (core, CLI, GUI, tools, every test) in the sanitizer build; any report
  # fails the test that triggered it. The fuzz harnesses are the smoke's business.
  "$ROOT/installer/sanitized-build.sh"
  export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:check_initialization_order=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  exec ctest --test-dir "${PROOFSCOPE_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}" -LE fuzz --output-on-failure -j "$JOBS"
elif [[ $# -gt 0 ]]; then
  echo "usage: installer/run-tests.sh [--sanitize]" >&2
  exit 2
fi

BUILD="${PROOFSCOPE_BUILD_DIR:-$ROOT/build}"
"$ROOT/installer/build.sh" -DPROOFSCOPE_WERROR=ON
cmake --build "$BUILD" --target benchmarks -j "$JOBS"
# The remote tests start a one-node Slurm (CTest fixture: slurm_dev_start / slurm_dev_stop);
# should ctest be interrupted, its daemons are stopped here all the same.
trap 'PROOFSCOPE_SLURM_DIR="$BUILD/slurm-dev" "$ROOT/installer/slurm-dev.sh" stop >/dev/null 2>&1 || true' EXIT
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"
"$ROOT/installer/fuzz-smoke.sh" "$BUILD"
