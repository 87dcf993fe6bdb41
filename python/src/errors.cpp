// Core errors keep their message (which file, which field, what was expected) and become
// proofscope.Error, a RuntimeError as EZKL raises: `except RuntimeError` code keeps working.
#include "module.hpp"

#include "core/util/error.hpp"

namespace ps::python {

void register_errors(py::module_& m) {
    py::register_exception<ps::Error>(m, "Error", PyExc_RuntimeError);
    m.attr("Error").attr("__doc__") =
        "A ProofScope error (a RuntimeError): the message names the file or field, what was found and what was "
        "expected, and what to do.";
}

}  // namespace ps::python
