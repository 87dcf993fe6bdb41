# CPack: a .deb whose Depends come from the binaries' real shared-library needs
# (dpkg-shlibdeps), and a .tar.gz of the same tree. Built by installer/make-package.sh.
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_NAME proofscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The ProofScope developers")
set(CPACK_PACKAGE_CONTACT "${PROOFSCOPE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROOFSCOPE_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "workbench for zero-knowledge proofs of neural networks")
set(CPACK_PACKAGE_DESCRIPTION
    "ProofScope proves that a neural network (an ONNX model) computed a given
output without revealing the input, in the style of EZKL: the model is
quantised to fixed point, laid out as a PLONKish circuit and proven with KZG
commitments over BN254. The desktop program (proofscope) shows every layer
of the fixed-point network against the float model; proofscope-cli runs the
same steps (gen-settings, compile-circuit, gen-witness, setup, prove,
verify) from scripts, and the Python module proofscope offers them with
EZKL's Python function names. A small demo model is included.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
set(CPACK_STRIP_FILES ON)  # lintian: unstripped-binary-or-object

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # proofscope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The Python module (python/) is built for Debian's python3 of this release (its file name
# carries the interpreter's ABI, cpython-311) and its layers() returns NumPy arrays;
# dpkg-shlibdeps cannot see either, so they are named here and merged with its list.
if(TARGET proofscope_python)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${PROOFSCOPE_PYTHON_DEPENDS}")
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# 0644/0755 whatever the builder's umask: lintian checks the control files' modes.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# The tarball's name (the .deb names itself, DEB-DEFAULT above); inside, paths are relative
# to the prefix (bin/, share/), to unpack into /usr/local or ~/.local.
set(CPACK_PACKAGE_FILE_NAME "proofscope-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
