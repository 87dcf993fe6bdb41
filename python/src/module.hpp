#pragma once
// The pieces of the `proofscope` module, one file each: run_args.cpp (PyRunArgs),
// steps_setup.cpp and steps_prove.cpp (EZKL's step functions over core/pipeline), layers.cpp (the per-layer trace
// as NumPy arrays), errors.cpp (core errors as Python exceptions).
#include "core/artifacts/settings.hpp"

#include <pybind11/pybind11.h>

namespace ps::python {

namespace py = pybind11;

// EZKL's PyRunArgs: run_args with EZKL's attribute names. `logrows_set` is true once the
// user assigned logrows: gen_settings then keeps it (an error when the circuit needs
// more), as the CLI's --logrows; otherwise gen_settings picks the smallest that fits.
struct PyRunArgs {
    RunArgs args;
    bool logrows_set = false;
};

void register_errors(py::module_& m);
void register_run_args(py::module_& m);
void register_setup_steps(py::module_& m);  // gen_settings … setup, table
void register_prove_steps(py::module_& m);  // gen_witness, mock, prove, verify
void register_layers(py::module_& m);

}  // namespace ps::python
