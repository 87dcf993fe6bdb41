#!/usr/bin/env bash
# Installs every Debian package ProofScope needs to build, test and run.
# Idempotent: when everything is present it changes nothing and makes no network call.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libgl-dev
  libqcustomplot-dev
  libssl-dev nlohmann-json3-dev
  libonnx-dev libonnx-testdata libprotobuf-dev protobuf-compiler
  libtbb-dev libgmp-dev
  # the constant-time check of field arithmetic (tests/field/ct_field_valgrind.cpp)
  valgrind
  xvfb xauth python3 python3-numpy
  # the Python module (python/): pybind11 bindings, built and tested against Debian's python3
  python3-dev pybind11-dev python3-pytest
  # the fuzz smoke of the test command (installer/fuzz-smoke.sh): clang with libFuzzer
  clang libclang-rt-dev
  # packaging (installer/make-package.sh) and its test (installer/test-package.sh):
  # dpkg-shlibdeps, man pages from --help, PNG icons from the SVG, the validators
  dpkg-dev fakeroot file help2man librsvg2-bin desktop-file-utils appstream lintian
  # remote proving (`proofscope-cli job`, the Remote tab) and its tests on a one-node cluster
  # started by installer/slurm-dev.sh: the scheduler, its client tools, its authentication
  slurm-wlm slurm-client munge
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
