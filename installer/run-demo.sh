#!/usr/bin/env bash
# The README's main command: installs missing Debian packages, builds ProofScope, then
#  - with a display: opens the GUI on the bundled demo project (a tiny digit classifier),
#    running gen-settings, compile-circuit and gen-witness for it;
#  - without one (or with --headless): runs the CLI demo pipeline on the same project
#    (settings → circuit → witness → SRS → keys → proof → verification) and prints where
#    the outputs are.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HEADLESS=0
[[ "${1:-}" == "--headless" ]] && HEADLESS=1
[[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]] && HEADLESS=1

"$ROOT/installer/install-deps.sh"
BUILD="${PROOFSCOPE_BUILD_DIR:-$ROOT/build}"
"$ROOT/installer/build.sh"
OUT="${PROOFSCOPE_DEMO_DIR:-$ROOT/out/demo}"
mkdir -p "$OUT"

if [[ $HEADLESS -eq 0 ]]; then
  echo "Opening the ProofScope workbench on the demo project in $OUT"
  exec "$BUILD/app/proofscope" "$OUT" --demo --run-missing
fi

echo "No display: running the CLI demo pipeline (pass nothing and set DISPLAY for the GUI)."
"$ROOT/scripts/demo_pipeline.sh" "$OUT" "$BUILD"
echo
echo "Demo outputs: $OUT (witness.json holds every layer's values, proof.json the zero-knowledge"
echo "proof of the classifier's output; open the folder in the GUI"
echo "with: $BUILD/app/proofscope $OUT)"
