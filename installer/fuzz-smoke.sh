#!/usr/bin/env bash
# A short smoke of every libFuzzer harness (tests/fuzz), part of the README's test command:
# builds only the harnesses and what they link in the sanitizer build (build-fuzz/,
# installer/sanitized-build.sh), seeds network.ezkl and the keys from a demo project made
# with the main build's CLI, and runs each harness for PROOFSCOPE_FUZZ_SECONDS (default
# 10). A crash, hang or sanitizer report fails it; the input is kept in
# build-fuzz/tests/fuzz/seeds/crashes/ (docs/DEVELOPING.md, "Fuzzing").
#   installer/fuzz-smoke.sh MAIN_BUILD_DIR
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAIN_BUILD="${1:?usage: fuzz-smoke.sh MAIN_BUILD_DIR}"
FUZZ_BUILD="${PROOFSCOPE_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
export PROOFSCOPE_FUZZ_SECONDS="${PROOFSCOPE_FUZZ_SECONDS:-10}"
"$ROOT/installer/sanitized-build.sh" fuzzers

# The demo project up to its keys: seeds for the network.ezkl and pk/vk.key harnesses.
seed_project="$FUZZ_BUILD/seed-project"
if [ ! -f "$seed_project/vk.key" ]; then
  cli="$MAIN_BUILD/app/proofscope-cli" d="$seed_project" log="$FUZZ_BUILD/seed-project.log"
  quiet() { "$@" >>"$log" 2>&1 || { cat "$log" >&2; echo "fuzz-smoke: seed project: $* failed" >&2; exit 1; }; }
  : >"$log"
  quiet "$MAIN_BUILD/resources/demo/make_demo_project" "$d"
  quiet "$cli" gen-settings -M "$d/network.onnx" -O "$d/settings.json"
  quiet "$cli" compile-circuit -M "$d/network.onnx" -S "$d/settings.json" --compiled-circuit "$d/network.ezkl"
  logrows=$(sed -n 's/.*"logrows": *\([0-9]*\).*/\1/p' "$d/settings.json" | head -1)
  quiet "$cli" gen-srs --srs-path "$d/kzg.srs" --logrows "$logrows"
  quiet "$cli" setup -M "$d/network.ezkl" --srs-path "$d/kzg.srs" --vk-path "$d/vk.key" --pk-path "$d/pk.key"
fi
PROOFSCOPE_SEED_PROJECT="$seed_project" \
  ctest --test-dir "$FUZZ_BUILD" -L fuzz --output-on-failure -j "${PROOFSCOPE_JOBS:-$(nproc)}"
