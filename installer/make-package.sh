#!/usr/bin/env bash
# Builds ProofScope's Debian package and tarball with CPack and prints the .deb's path
# (the only line on stdout; progress goes to stderr).
#   installer/make-package.sh [--no-build | CMAKE_ARGS...]
# Builds first (installer/build.sh CMAKE_ARGS into $PROOFSCOPE_BUILD_DIR, default ./build)
# unless --no-build says the tree is already built, as in installer/test-package.sh. The
# default build is tuned to this machine's CPU class (x86-64-v3 when it has it); a package
# for other machines wants its own build folder and -DPROOFSCOPE_PORTABLE=ON. Needs the
# packaging tools from installer/install-deps.sh (dpkg-shlibdeps, help2man, rsvg-convert).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${PROOFSCOPE_BUILD_DIR:-$ROOT/build}"
if [[ "${1:-}" == "--no-build" ]]; then
  [[ $# -eq 1 ]] || { echo "usage: installer/make-package.sh [--no-build | CMAKE_ARGS...]" >&2; exit 2; }
else
  "$ROOT/installer/build.sh" "$@" >&2
fi
[[ -f "$BUILD/CPackConfig.cmake" ]] || {
  echo "make-package.sh: $BUILD/CPackConfig.cmake is missing: configure and build first (installer/build.sh)" >&2
  exit 2
}
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD/CPackConfig.cmake")
arch=$(dpkg --print-architecture)
deb="$BUILD/package/proofscope_${version}_${arch}.deb"
rm -f "$deb"
(cd "$BUILD" && cpack --config CPackConfig.cmake) >&2
[[ -f "$deb" ]] || { echo "make-package.sh: cpack did not write $deb" >&2; exit 1; }
echo "$deb"
