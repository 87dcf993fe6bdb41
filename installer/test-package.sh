#!/usr/bin/env bash
# The package test (CTest "package", label package; run by installer/run-tests.sh):
# packs the already-built tree with CPack (installer/make-package.sh --no-build, no second
# build), unpacks the .deb into a scratch root with dpkg -x, runs the installed programs
# from there and checks the package as Debian tools see it.
#   installer/test-package.sh BUILD_DIR
# dpkg -x rather than dpkg -i: the test must not change the machine it runs on (CI and
# developers share it), so Depends is checked against the installed packages instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(cd "${1:?usage: installer/test-package.sh BUILD_DIR}" && pwd)"
ID=io.github.proofscope.ProofScope
start=$SECONDS
checks=0
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "ok: $*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps dpkg-checkbuilddeps lintian desktop-file-validate appstreamcli file; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run installer/install-deps.sh"
done

work="$BUILD/package-test"
rm -rf "$work"
mkdir -p "$work"
deb=$(PROOFSCOPE_BUILD_DIR="$BUILD" "$ROOT/installer/make-package.sh" --no-build 2>"$work/cpack.log") ||
  { cat "$work/cpack.log" >&2; fail "make-package.sh failed"; }
version=$(dpkg-deb -f "$deb" Version)
ok "built $deb ($(du -h "$deb" | cut -f1)) in $((SECONDS - start)) s"
tarball="$BUILD/package/proofscope-$version-$(uname -m).tar.gz"
# (a listing file, not a pipe into grep -q: under pipefail tar's SIGPIPE would fail it)
tar tzf "$tarball" >"$work/tarball.list" || fail "cannot read $tarball"
grep -qx "proofscope-$version-$(uname -m)/bin/proofscope-cli" "$work/tarball.list" || fail "$tarball lacks bin/proofscope-cli"

# Depends came from dpkg-shlibdeps (the libraries the binaries really load), and this
# machine, where the programs just ran from their build tree, satisfies it.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libqt6core6 libqt6widgets6 libqcustomplot2.1-qt6 libtbb12 libssl3 python3-numpy; do
  [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
printf 'Source: proofscope-package-test\n' >"$work/control"
dpkg-checkbuilddeps -d "$depends" "$work/control" || fail "Depends is not satisfied on this machine: $depends"
ok "Depends from dpkg-shlibdeps: $depends"

root="$work/root"
dpkg -x "$deb" "$root"
for f in usr/bin/proofscope usr/bin/proofscope-cli \
         usr/share/proofscope/demo/network.onnx usr/share/proofscope/demo/input.json \
         usr/share/proofscope/demo/samples/digit_7.png usr/share/proofscope/about/licences.html \
         usr/share/applications/$ID.desktop usr/share/metainfo/$ID.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/$ID.svg \
         usr/share/man/man1/proofscope.1.gz usr/share/man/man1/proofscope-cli.1.gz \
         usr/share/doc/proofscope/copyright usr/share/doc/proofscope/changelog.gz; do
  [[ -f "$root/$f" ]] || fail "the package lacks /$f"
done
for size in 16 24 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$ID.png"
  [[ "$(file "$png")" == *"PNG image data, $size x $size"* ]] || fail "no ${size}x${size} PNG icon: $(file "$png")"
done
ok "files in place (programs, demo, About texts, desktop entry, metainfo, icons, man pages, copyright)"

cli="$root/usr/bin/proofscope-cli"
cli_version=$("$cli" --version) || fail "proofscope-cli --version failed"
[[ "${cli_version%%$'\n'*}" == "proofscope-cli $version" ]] || fail "proofscope-cli --version: $cli_version"
"$cli" gen-srs --logrows 5 --seed 1 --srs-path "$work/dev.srs" >/dev/null 2>&1 || fail "installed gen-srs failed"
srs_info=$("$cli" srs-info --srs-path "$work/dev.srs") || fail "installed srs-info rejected the SRS: $srs_info"
[[ "$srs_info" =~ consistency:\ +OK ]] || fail "srs-info printed no verdict: $srs_info"
cp -r "$root/usr/share/proofscope/demo" "$work/demo"
"$cli" gen-settings -M "$work/demo" -O "$work/demo" >/dev/null || fail "installed gen-settings failed on the installed demo"
[[ -s "$work/demo/settings.json" ]] || fail "gen-settings wrote no settings.json"
ok "installed proofscope-cli: --version, gen-srs + srs-info, gen-settings on the installed demo"

# The Python module, from the unpacked tree, in Debian's python3 (whose dist-packages it targets).
module=$(ls "$root"/usr/lib/python3/dist-packages/proofscope.cpython-*.so 2>/dev/null | head -1)
[[ -n "$module" ]] || fail "the package lacks /usr/lib/python3/dist-packages/proofscope.cpython-*.so"
py_version=$(cd "$work" && PYTHONPATH="$root/usr/lib/python3/dist-packages" /usr/bin/python3 -c \
  'import proofscope; print(proofscope.__version__)') || fail "python3 -c 'import proofscope' failed on the installed module"
[[ "$py_version" == "$version" ]] || fail "proofscope.__version__ is '$py_version', the package $version"
(cd "$work/demo" && PYTHONPATH="$root/usr/lib/python3/dist-packages" /usr/bin/python3 -c \
  'import proofscope; assert proofscope.compile_circuit() is True') >/dev/null ||
  fail "the installed module's compile_circuit failed on the installed demo"
[[ -s "$work/demo/network.ezkl" ]] || fail "compile_circuit wrote no network.ezkl"
ok "installed Python module: import proofscope ($py_version), compile_circuit on the installed demo"

gui_version=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/proofscope" --version 2>/dev/null) || fail "proofscope --version failed"
gui_version=${gui_version%%$'\n'*}
[[ "$gui_version" == "proofscope $version" ]] || fail "proofscope --version (offscreen): '$gui_version'"
ok "installed proofscope --version (offscreen): $gui_version"

desktop-file-validate "$root/usr/share/applications/$ID.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$ID.metainfo.xml" || fail "appstreamcli validate --no-net"
ok "desktop entry and metainfo validate"

# Every subcommand has its own subsection in the CLI's man page.
man_sections=$(zcat "$root/usr/share/man/man1/proofscope-cli.1.gz" | sed -n 's/^\.SS \(.*\)/\1/p' | sed 's/\\-/-/g')
for c in $("$cli" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p'); do
  grep -qx "$c" <<<"$man_sections" || fail "proofscope-cli.1 has no section for '$c'"
done
ok "proofscope-cli.1 documents every subcommand"

lintian --fail-on error --display-level '>=warning' "$deb" 2>&1 | tee "$work/lintian.log" ||
  fail "lintian reports errors (see above)"
ok "lintian: no errors ($(grep -c '^W:' "$work/lintian.log" || true) warning(s))"

echo "package test: $checks checks passed in $((SECONDS - start)) s"
