// import proofscope: EZKL's Python API (gen_settings … verify) on ProofScope's core.
#include "module.hpp"

PYBIND11_MODULE(proofscope, m) {
    m.doc() =
        "ProofScope from Python: EZKL's function names, argument names and defaults over the same core the "
        "proofscope-cli and the GUI call (docs/PYTHON.md). Long calls release the GIL, accept progress=callable "
        "(stage, done, total) and stop on Ctrl-C (KeyboardInterrupt), leaving no partial file.";
    m.attr("__version__") = PROOFSCOPE_VERSION;
    ps::python::register_errors(m);
    ps::python::register_run_args(m);
    ps::python::register_setup_steps(m);
    ps::python::register_prove_steps(m);
    ps::python::register_layers(m);
}
