#!/usr/bin/env bash
# Writes a help2man include file with one COMMANDS subsection per proofscope-cli
# subcommand, each holding that command's own --help. The command list is read from
# `proofscope-cli --help`, so a new subcommand reaches the man page without an edit here.
#   cli-commands-section.sh PROOFSCOPE_CLI OUT.h2m [EXTRA.h2m]
# EXTRA.h2m (static sections such as EXIT STATUS, SEE ALSO) is appended as it is.
set -euo pipefail
cli=${1:?usage: cli-commands-section.sh PROOFSCOPE_CLI OUT.h2m [EXTRA.h2m]}
out=${2:?usage: cli-commands-section.sh PROOFSCOPE_CLI OUT.h2m [EXTRA.h2m]}
extra=${3:-}

# roff: a backslash is written \e, a line may not start with . or ', and - is \- so that
# options stay minus signs (lintian's hyphen-used-as-minus-sign).
roff_escape() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\([.']\)/\\\\\&\1/"; }

commands=$("$cli" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p')
[[ -n "$commands" ]] || { echo "cli-commands-section.sh: no commands in '$cli --help'" >&2; exit 1; }

tmp="$out.tmp"
{
  echo "[COMMANDS]"
  echo "Each command reads and writes the files named by its options; a folder given where a"
  echo "file is expected means the file of EZKL's default name inside it."
  for c in $commands; do
    help=$("$cli" "$c" --help)
    echo ".SS $c"
    # The usage line becomes the subsection's title, the description a filled paragraph,
    # the option table stays as Qt aligned it.
    sed -n '2,/^Options:$/p' <<<"$help" | sed '/^Options:$/d; /^$/d' | roff_escape
    echo ".PP"
    echo ".nf"
    sed -n '/^Options:$/,$p' <<<"$help" | sed '1d' | roff_escape
    echo ".fi"
  done
  [[ -n "$extra" ]] && cat "$extra"
} > "$tmp"
mv "$tmp" "$out"
