#!/usr/bin/env bash
# run-fuzzer.sh HARNESS CORPUS_DIR SECONDS [DIR:GLOB ...]
# Seeds CORPUS_DIR from the real files matching each DIR:GLOB ("demo" stands for
# $PROOFSCOPE_SEED_PROJECT, a project folder made by the CLI), then fuzzes for SECONDS
# ($PROOFSCOPE_FUZZ_SECONDS instead, when set).
# Crash inputs land in CORPUS_DIR/../crashes/; the test fails when libFuzzer finds one.
set -euo pipefail
harness="$1" corpus="$2" seconds="${PROOFSCOPE_FUZZ_SECONDS:-$3}"
shift 3
mkdir -p "$corpus" "$corpus/../crashes"
for spec in "$@"; do
  dir="${spec%%:*}" glob="${spec#*:}"
  if [ "$dir" = demo ]; then dir="${PROOFSCOPE_SEED_PROJECT:-}"; fi
  [ -n "$dir" ] && [ -d "$dir" ] || continue
  # At most 64 seeds of at most 4 MiB each: big SRS and key files slow every iteration.
  # `|| true`: head closing the pipe early is a SIGPIPE for find, fatal under pipefail.
  { find -L "$dir" -maxdepth 3 -type f -name "$glob" -size -4M 2>/dev/null || true; } | head -64 | while read -r f; do
    cp -n "$f" "$corpus/$(echo "$f" | sha256sum | cut -c1-16)" 2>/dev/null || true
  done || true
done
exec "$harness" "$corpus" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 -max_len=4194304 \
  -artifact_prefix="$corpus/../crashes/$(basename "$harness")-" -print_final_stats=1
