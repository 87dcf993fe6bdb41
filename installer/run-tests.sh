#!/usr/bin/env bash
# The README's test command: installs missing Debian packages, builds everything
# (warnings are errors, benchmarks included so they never rot) and runs every test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/installer/install-deps.sh"
BUILD="${PROOFSCOPE_BUILD_DIR:-$ROOT/build}"
"$ROOT/installer/build.sh" -DPROOFSCOPE_WERROR=ON
cmake --build "$BUILD" --target benchmarks -j "${PROOFSCOPE_JOBS:-$(nproc)}"
export QT_QPA_PLATFORM=offscreen
# The remote tests start a one-node Slurm (CTest fixture: slurm_dev_start / slurm_dev_stop);
# should ctest be interrupted, its daemons are stopped here all the same.
trap 'PROOFSCOPE_SLURM_DIR="$BUILD/slurm-dev" "$ROOT/installer/slurm-dev.sh" stop >/dev/null 2>&1 || true' EXIT
ctest --test-dir "$BUILD" --output-on-failure -j "${PROOFSCOPE_JOBS:-$(nproc)}"
