// layers("witness.json"): the per-layer trace the GUI plots, as NumPy arrays, read by the
// core's one witness.json reader. Each layer is a dict; arrays have the layer's shape.
#include "module.hpp"
#include "step_support.hpp"

#include "core/witness/generate.hpp"
#include "core/witness/fixed_point.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <vector>

namespace ps::python {
namespace {

using namespace py::literals;

std::vector<py::ssize_t> dims(const LayerTrace& l) {
    std::vector<py::ssize_t> d(l.shape.begin(), l.shape.end());
    return d;
}

// The values in the layer's shape; flat when their count does not fit it (the reader checks
// `quantised` against the shape, not `float_reference`: a hand-edited file may disagree).
template <class T>
py::array_t<T> array_of(const std::vector<T>& values, std::vector<py::ssize_t> shape) {
    size_t count = 1;
    for (py::ssize_t d : shape) count *= size_t(d);
    if (count != values.size()) shape = {py::ssize_t(values.size())};
    py::array_t<T> a(shape);
    std::copy(values.begin(), values.end(), a.mutable_data());
    return a;
}

py::dict layer_record(const LayerTrace& l) {
    const auto shape = dims(l);
    std::vector<double> deq(l.size());
    for (size_t i = 0; i < deq.size(); ++i) deq[i] = l.dequantised(i);
    py::dict d;
    d["index"] = l.index;
    d["name"] = l.name;
    d["op"] = l.op;
    d["kind"] = l.kind ? fixed::proof_kind_name(*l.kind) : std::string();
    d["inputs"] = l.inputs;
    d["output"] = l.output;
    d["shape"] = py::tuple(py::cast(shape));
    d["scale"] = l.scale;
    d["quantised"] = array_of(l.quantised, shape);
    d["dequantised"] = array_of(deq, shape);
    // NaN where the float executor had no value; None when the witness has no reference at all.
    d["float_reference"] = l.has_float_reference() ? py::object(array_of(l.float_reference, shape)) : py::none();
    d["min"] = l.min;
    d["max"] = l.max;
    d["bounds"] = l.bounds ? py::object(py::make_tuple(l.bounds->first, l.bounds->second)) : py::none();
    d["saturated"] = l.saturated;
    d["max_abs_error"] = l.max_abs_error;
    d["mean_abs_error"] = l.mean_abs_error;
    return d;
}

py::list layers(const Path& witness) {
    const Path path = resolved(witness, pipeline::Artifact::Witness);
    WitnessResult w;
    {
        py::gil_scoped_release release;  // a large model's witness takes a while to parse
        w = read_witness_json(path);
    }
    py::list out;
    for (const auto& l : w.layers) out.append(layer_record(l));
    return out;
}

}  // namespace

void register_layers(py::module_& m) {
    m.def("layers", &layers, "witness"_a = "witness.json",
          "Every layer of witness.json as a dict: index, name, op, kind, inputs, output, shape, scale, quantised "
          "(int64 array), dequantised and float_reference (float64 arrays; NaN where unknown, None without a "
          "reference), min, max, bounds ((lo, hi) or None), saturated, max_abs_error, mean_abs_error.");
}

}  // namespace ps::python
