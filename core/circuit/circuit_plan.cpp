#include "core/circuit/circuit_plan.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/witness/fixed_executor.hpp"
#include "core/util/error.hpp"
#include <bit>
#include <cmath>

namespace ps {

static uint32_t ceil_log2(uint64_t n) { return n <= 1 ? 0 : uint32_t(64 - std::countl_zero(n - 1)); }

static std::vector<std::vector<double>> placeholder_inputs(const model::Graph& graph) {
    std::vector<std::vector<double>> inputs;
    for (const auto& in : graph.inputs)
        inputs.emplace_back(model::element_count(in.shape), model::is_integer(in.dtype) ? 0.0 : 0.5);
    return inputs;
}

// BN254's Fr has 2^28 roots of unity, so no table can be wider (settings.cpp's logrows rule).
constexpr uint64_t kMaxTableWidth = uint64_t(1) << 28;

CircuitPlan plan_circuit(const model::Graph& graph, const RunArgs& args, bool logrows_fixed, const InputData* sample) {
    CircuitPlan plan;
    const auto inputs = sample ? sample->inputs : placeholder_inputs(graph);
    NullProgress quiet;
    fixed::FixedRun run = fixed::run_fixed(graph, args, plan.circuit.params, inputs,
                                           {.frozen_params = false, .stop_on_saturation = false}, quiet);
    plan.stats = run.stats;

    Settings& s = plan.settings;
    s.run_args = args;
    s.total_assignments = run.stats.advice_cells;
    s.total_const_size = run.stats.fixed_cells;
    const uint64_t cols = std::max<uint32_t>(1, args.num_inner_cols);
    s.num_rows = (run.stats.advice_cells + cols - 1) / cols;
    for (const auto& [op, scale, parameter] : run.stats.lookups) {
        RequiredLookup l;
        l.op = op;
        l.scale = std::ldexp(1.0, scale);
        l.parameter = parameter;
        l.has_parameter = parameter != 0.0;
        s.required_lookups.push_back(l);
    }
    uint64_t table_rows = 0;
    // Widths in unsigned arithmetic: hi − lo at the int64 extremes overflows a signed
    // subtraction (a --lookup-range of the full int64 span planned a 2^0-row table).
    const auto width = [](int64_t lo, int64_t hi) { return uint64_t(hi) - uint64_t(lo); };  // lo <= hi
    for (const auto& r : run.stats.range_checks) {
        s.required_range_checks.push_back(r);
        table_rows = std::max<uint64_t>(table_rows, std::min(width(r.first, r.second), kMaxTableWidth) + 1);
    }
    if (!run.stats.lookups.empty()) {
        if (args.lookup_range_lo > args.lookup_range_hi || width(args.lookup_range_lo, args.lookup_range_hi) >= kMaxTableWidth)
            throw Error("run_args.lookup_range",
                        "[" + std::to_string(args.lookup_range_lo) + ", " + std::to_string(args.lookup_range_hi) +
                            "] is empty or spans more than 2^28 values: a lookup table has at most 2^28 rows (logrows <= 28)",
                        "choose a narrower --lookup-range, or run calibrate-settings to find the range the data needs");
        table_rows = std::max<uint64_t>(table_rows, width(args.lookup_range_lo, args.lookup_range_hi) + 1);
    }
    for (size_t i = 0; i < graph.inputs.size(); ++i) {
        s.model_input_scales.push_back(fixed::input_scale_of(graph, i, args));
        if (args.input_visibility == Visibility::Public) s.model_instance_shapes.push_back(graph.inputs[i].shape);
        if (args.input_visibility == Visibility::Hashed) s.model_instance_shapes.push_back({1});
    }
    for (const auto& out : graph.outputs) {
        s.model_output_scales.push_back(run.values.at(out.name).scale);
        if (args.output_visibility == Visibility::Public) s.model_instance_shapes.push_back(run.values.at(out.name).t.shape);
        if (args.output_visibility == Visibility::Hashed) s.model_instance_shapes.push_back({1});
    }
    plan.circuit.graph = graph;
    for (const auto& [name, v] : run.values) plan.circuit.value_scales[name] = v.scale;
    plan.circuit.settings = s;
    // The row count is the real layout's (every block, table and instance row); a model
    // with an op no gadget proves yet keeps the executor's cell estimate, and says so.
    try {
        const circuit::LayoutSize size = circuit::measure_layout(plan.circuit);
        s.num_rows = size.rows.max();
        s.total_assignments = size.advice_cells;
        plan.minimum_logrows = size.minimum_k;
        plan.preferred_logrows = size.preferred_k;
    } catch (const Error& e) {
        plan.unprovable = e.what();
        plan.minimum_logrows =
            std::max<uint32_t>(1, ceil_log2(std::max(s.num_rows, table_rows) + RESERVED_BLINDING_ROWS));
        plan.preferred_logrows = plan.minimum_logrows;
    }
    if (!logrows_fixed) {
        s.run_args.logrows = plan.preferred_logrows;
    } else if (args.logrows < plan.minimum_logrows) {
        throw Error("run_args", "logrows = " + std::to_string(args.logrows) + " is too small: the circuit needs 2^" +
                                    std::to_string(plan.minimum_logrows) + " rows (" + std::to_string(s.num_rows) +
                                    " rows in use)",
                    "use --logrows " + std::to_string(plan.minimum_logrows) + ", omit --logrows, or run calibrate-settings");
    }
    if (s.run_args.logrows > 28)
        throw Error("run_args", "logrows: the circuit needs 2^" + std::to_string(s.run_args.logrows) +
                                    " rows, more than BN254's 2^28 domain",
                    "lower the scales or the lookup_range");

    plan.circuit.settings = s;
    return plan;
}

CompiledCircuit compile_circuit(const model::Graph& graph, const Settings& settings, const std::string& settings_file) {
    CircuitPlan plan = plan_circuit(graph, settings.run_args, true);
    const Settings& derived = plan.settings;
    auto differs = [&](const char* field, const std::string& found, const std::string& expected) {
        throw Error(settings_file + ": " + field,
                    "= " + found + ", but this model with these run_args needs " + expected +
                        " (the settings were made for another model or version)",
                    "regenerate them with gen-settings or calibrate-settings for this model");
    };
    auto join = [](const std::vector<Scale>& v) {
        std::string s = "[";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
        return s + "]";
    };
    if (settings.num_rows != derived.num_rows)
        differs("num_rows", std::to_string(settings.num_rows), std::to_string(derived.num_rows));
    if (settings.model_input_scales != derived.model_input_scales)
        differs("model_input_scales", join(settings.model_input_scales), join(derived.model_input_scales));
    if (settings.model_output_scales != derived.model_output_scales)
        differs("model_output_scales", join(settings.model_output_scales), join(derived.model_output_scales));
    if (settings.required_lookups.size() != derived.required_lookups.size())
        differs("required_lookups", std::to_string(settings.required_lookups.size()) + " tables",
                std::to_string(derived.required_lookups.size()));
    plan.circuit.settings = settings;
    return std::move(plan.circuit);
}

}  // namespace ps
