// PyRunArgs: EZKL's class for the settings a model is quantised and laid out with, with
// EZKL's attribute names over ps::RunArgs. Values are checked when assigned, so a wrong
// one fails at the line that set it, with the attribute's name.
#include "module.hpp"

#include "core/util/error.hpp"

#include <pybind11/stl.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace ps::python {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// EZKL spells visibilities in lower case ("private", "hashed/public").
std::string visibility_text(Visibility v) { return lower(to_string(v)); }

Scale checked_scale(int v, const char* name) {
    if (v < 0 || v > 30) throw py::value_error(std::string(name) + " = " + std::to_string(v) + ": scales must lie in 0..30");
    return v;
}

uint32_t at_least_one(int64_t v, const char* name) {
    if (v < 1 || v > int64_t(UINT32_MAX))
        throw py::value_error(std::string(name) + " = " + std::to_string(v) + ": expected a positive integer");
    return uint32_t(v);
}

// A `visibility` property whose setter goes through the core's parser (its error names the attribute).
template <Visibility RunArgs::*Field>
void def_visibility(py::class_<PyRunArgs>& c, const char* name) {
    c.def_property(
        name, [](const PyRunArgs& r) { return visibility_text(r.args.*Field); },
        [name](PyRunArgs& r, const std::string& v) { r.args.*Field = parse_visibility(v, std::string("PyRunArgs.") + name); },
        "str: private | public | fixed | hashed (EZKL's spellings, any case)");
}

}  // namespace

void register_run_args(py::module_& m) {
    py::class_<PyRunArgs> c(m, "PyRunArgs",
                            "run_args for gen_settings, calibrate_settings and table, with EZKL's attribute names and "
                            "defaults. Unset logrows means: the smallest that fits the circuit.");
    c.def(py::init<>());
    c.def_property(
        "input_scale", [](const PyRunArgs& r) { return r.args.input_scale; },
        [](PyRunArgs& r, int v) { r.args.input_scale = checked_scale(v, "input_scale"); },
        "int: fixed-point scale of the inputs, x -> round(x * 2^scale) (default 7)");
    c.def_property(
        "param_scale", [](const PyRunArgs& r) { return r.args.param_scale; },
        [](PyRunArgs& r, int v) { r.args.param_scale = checked_scale(v, "param_scale"); },
        "int: fixed-point scale of the parameters (default 7)");
    c.def_property(
        "scale_rebase_multiplier", [](const PyRunArgs& r) { return r.args.scale_rebase_multiplier; },
        [](PyRunArgs& r, int64_t v) { r.args.scale_rebase_multiplier = at_least_one(v, "scale_rebase_multiplier"); },
        "int: products are rebased once their scale exceeds input_scale * this (default 1)");
    c.def_property(
        "lookup_range", [](const PyRunArgs& r) { return std::vector<int64_t>{r.args.lookup_range_lo, r.args.lookup_range_hi}; },
        [](PyRunArgs& r, const std::vector<int64_t>& v) {
            if (v.size() != 2 || v[0] > v[1])
                throw py::value_error("lookup_range: expected [lo, hi] with lo <= hi");
            r.args.lookup_range_lo = v[0];
            r.args.lookup_range_hi = v[1];
        },
        "list[int]: [lo, hi], the input range of lookup tables (default [-32768, 32768])");
    c.def_property(
        "logrows", [](const PyRunArgs& r) { return r.args.logrows; },
        [](PyRunArgs& r, int64_t v) {
            if (v < 1 || v > 28) throw py::value_error("logrows = " + std::to_string(v) + ": expected 1..28");
            r.args.logrows = uint32_t(v);
            r.logrows_set = true;
        },
        "int: log2 of the circuit's rows; when never set, gen_settings picks the smallest that fits");
    c.def_property(
        "num_inner_cols", [](const PyRunArgs& r) { return r.args.num_inner_cols; },
        [](PyRunArgs& r, int64_t v) { r.args.num_inner_cols = at_least_one(v, "num_inner_cols"); },
        "int: advice columns per op (default 2)");
    def_visibility<&RunArgs::input_visibility>(c, "input_visibility");
    def_visibility<&RunArgs::output_visibility>(c, "output_visibility");
    def_visibility<&RunArgs::param_visibility>(c, "param_visibility");
    c.def_property(
        "variables",
        [](const PyRunArgs& r) { return std::vector<std::pair<std::string, int64_t>>{{"batch_size", r.args.batch_size}}; },
        [](PyRunArgs& r, const std::vector<std::pair<std::string, int64_t>>& vars) {
            for (const auto& [name, value] : vars) {
                if (name != "batch_size")
                    throw py::value_error("variables: only batch_size is a graph variable here, found \"" + name + "\"");
                if (value < 1) throw py::value_error("variables: batch_size must be positive");
                r.args.batch_size = value;
            }
        },
        "list[tuple[str, int]]: graph variables; only [(\"batch_size\", n)] (default 1)");
    c.def_property(
        "check_mode", [](const PyRunArgs& r) { return lower(to_string(r.args.check_mode)); },
        [](PyRunArgs& r, const std::string& v) { r.args.check_mode = parse_check_mode(v, "PyRunArgs.check_mode"); },
        "str: safe (saturation is an error) | unsafe (default safe)");
    c.def_property(
        "commitment", [](const PyRunArgs& r) { return lower(r.args.commitment); },
        [](PyRunArgs&, const std::string& v) {
            if (lower(v) != "kzg") throw py::value_error("commitment: only \"kzg\" is supported, found \"" + v + "\"");
        },
        "str: kzg (the only commitment scheme here)");
    c.def_property(
        "decomp_base", [](const PyRunArgs& r) { return r.args.decomp_base; },
        [](PyRunArgs& r, int64_t v) {
            if (v < 2) throw py::value_error("decomp_base: expected an integer >= 2");
            r.args.decomp_base = uint32_t(v);
        },
        "int: base of the range-check decomposition (default 16384)");
    c.def_property(
        "decomp_legs", [](const PyRunArgs& r) { return r.args.decomp_legs; },
        [](PyRunArgs& r, int64_t v) { r.args.decomp_legs = at_least_one(v, "decomp_legs"); },
        "int: limbs per range check (default 2)");
    c.def_property(
        "rebase_frac_zero_constants", [](const PyRunArgs& r) { return r.args.rebase_frac_zero_constants; },
        [](PyRunArgs& r, bool v) { r.args.rebase_frac_zero_constants = v; }, "bool (default False)");
    c.def_property(
        "div_rebasing", [](const PyRunArgs& r) { return r.args.div_rebasing; },
        [](PyRunArgs& r, bool v) { r.args.div_rebasing = v; }, "bool (default False)");
    c.def_property(
        "bounded_log_lookup", [](const PyRunArgs& r) { return r.args.bounded_log_lookup; },
        [](PyRunArgs& r, bool v) { r.args.bounded_log_lookup = v; }, "bool (default False)");
    c.def_property(
        "ignore_range_check_inputs_outputs", [](const PyRunArgs& r) { return r.args.ignore_range_check_inputs_outputs; },
        [](PyRunArgs& r, bool v) { r.args.ignore_range_check_inputs_outputs = v; }, "bool (default False)");
    c.def("__repr__", [](const PyRunArgs& r) {
        const RunArgs& a = r.args;
        return "PyRunArgs(input_scale=" + std::to_string(a.input_scale) + ", param_scale=" + std::to_string(a.param_scale) +
               ", logrows=" + (r.logrows_set ? std::to_string(a.logrows) : std::string("<fit>")) +
               ", input_visibility='" + visibility_text(a.input_visibility) + "', output_visibility='" +
               visibility_text(a.output_visibility) + "', param_visibility='" + visibility_text(a.param_visibility) + "')";
    });
}

}  // namespace ps::python
