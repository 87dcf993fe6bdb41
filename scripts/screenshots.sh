#!/usr/bin/env bash
# Screenshots of every main view of the GUI on the demo project, under Xvfb.
#   scripts/screenshots.sh OUT_DIR [BUILD_DIR]
# Writes the demo project (make_demo_project) into a temporary folder, opens it in
# proofscope, runs the missing pipeline steps up to the witness (gen-settings,
# compile-circuit through proofscope-cli, the witness in-process), then saves
# OUT_DIR/NN_<view>.png for each view. Needs xvfb-run and a build with the GUI
# (cmake --build BUILD_DIR --target proofscope proofscope-cli make_demo_project).
set -euo pipefail
out=${1:?usage: scripts/screenshots.sh OUT_DIR [BUILD_DIR]}
build=${2:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
for exe in app/proofscope app/proofscope-cli resources/demo/make_demo_project; do
  [[ -x "$build/$exe" ]] || { echo "screenshots.sh: $build/$exe is missing: build it first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/resources/demo/make_demo_project" "$work/demo" >/dev/null
mkdir -p "$out"
# A private settings folder: no recent-project list or window layout from the user's own runs.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build/app/proofscope" "$work/demo" --screenshots "$out" --run-missing \
  --sample-image "$here/resources/demo/samples/digit_7.png"
echo "screenshots in $out"
