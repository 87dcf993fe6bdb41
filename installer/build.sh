#!/usr/bin/env bash
# Configures and builds ProofScope into ./build (Release). Used by run-tests.sh and run-demo.sh.
# Extra arguments go to the CMake configure step.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${PROOFSCOPE_BUILD_DIR:-$ROOT/build}"
JOBS="${PROOFSCOPE_JOBS:-$(nproc)}"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$BUILD" -j "$JOBS"
