#pragma once
// The functions behind lookup tables: for a node, the real function f its table holds
// (EZKL LookupOp). A table over lookup_range at input scale s maps the integer x to
// round(f(x / 2^s) · 2^s_out). Witness generation and the circuit's table columns must
// use this one definition, so the two can never disagree.
#include "core/artifacts/settings.hpp"
#include "core/model/graph.hpp"
#include <functional>
#include <optional>
#include <span>
#include <string>

namespace ps::fixed {

struct LookupFunction {
    std::string name;        // as in settings.json required_lookups: "Sigmoid", "Pow", ...
    double parameter = 0;    // alpha / exponent, when the op has one
    bool has_parameter = false;
    std::function<double(double)> f;
    // Output scale relative to input scale: same scale, except ops with integer results.
    bool integer_output = false;
};

// The ONNX ops proved as one element-wise table each (EZKL LookupOp): the fixed-point
// kernels and the circuit's gadgets register exactly these.
std::span<const char* const> elementwise_lookup_ops();

// nullopt when `node` is not a single-input element-wise function with a table.
// `constant_exponent` is Pow's exponent when it is a scalar constant.
std::optional<LookupFunction> lookup_function(const model::Node& node, std::optional<double> constant_exponent,
                                              Scale input_scale);

// f at a table entry: round(f(x / 2^in_scale) · 2^out_scale), for x in lookup_range.
int64_t lookup_entry(const LookupFunction& fn, int64_t x, Scale in_scale, Scale out_scale);

}  // namespace ps::fixed
