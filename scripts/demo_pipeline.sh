#!/usr/bin/env bash
# The demo project, headless: writes the demo digit classifier and runs the CLI
# pipeline on it, then prints where the outputs are.
#   scripts/demo_pipeline.sh [OUT_DIR] [BUILD_DIR]     (defaults: demo-project, build)
# Steps the CLI of this build does not have yet are skipped with a note.
set -euo pipefail
out=${1:-demo-project}
build=${2:-build}
cli="$build/app/proofscope-cli"
for exe in "$cli" "$build/resources/demo/make_demo_project"; do
  [[ -x "$exe" ]] || { echo "demo_pipeline.sh: $exe is missing: cmake --build $build first" >&2; exit 2; }
done
has() { "$cli" --help | grep -q "^  $1 "; }
step() {
  local name=$1; shift
  if has "$name"; then
    echo "== proofscope-cli $name $*"
    "$cli" "$name" "$@"
  else
    echo "== skipped $name: this build's proofscope-cli has no such command"
  fi
}
"$build/resources/demo/make_demo_project" "$out" >/dev/null
step gen-settings -M "$out/network.onnx" -O "$out/settings.json"
step compile-circuit -M "$out/network.onnx" -S "$out/settings.json" --compiled-circuit "$out/network.ezkl"
step gen-witness -D "$out/input.json" -M "$out/network.ezkl" -O "$out/witness.json"
logrows=$(sed -n 's/.*"logrows": *\([0-9]*\).*/\1/p' "$out/settings.json" | head -1)
step gen-srs --srs-path "$out/kzg.srs" --logrows "${logrows:-17}"
step setup -M "$out/network.ezkl" --srs-path "$out/kzg.srs" --vk-path "$out/vk.key" --pk-path "$out/pk.key"
step prove --witness "$out/witness.json" -M "$out/network.ezkl" --pk-path "$out/pk.key" --proof-path "$out/proof.json" --srs-path "$out/kzg.srs"
step verify --proof-path "$out/proof.json" --settings-path "$out/settings.json" --vk-path "$out/vk.key" --srs-path "$out/kzg.srs"
echo
echo "Demo project outputs in $(cd "$out" && pwd):"
ls -l "$out"
echo "Open it in the GUI: $build/app/proofscope $out"
