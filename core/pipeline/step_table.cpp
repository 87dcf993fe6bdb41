#include "core/pipeline/step_table.hpp"

#include "core/artifacts/input_data.hpp"
#include "core/model/graph.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/witness/fixed_executor.hpp"

#include <cstdio>

namespace ps::pipeline {

NodeTable node_table(const std::filesystem::path& model_path, const std::optional<std::filesystem::path>& settings,
                     ProgressSink& progress) {
    return node_table(model_path, settings ? read_settings(*settings).run_args : RunArgs{}, progress);
}

NodeTable node_table(const std::filesystem::path& model_path, const RunArgs& run_args, ProgressSink& progress) {
    StepRecorder rec("table", progress);
    const model::Graph graph = run_stage(rec, "load " + model_path.filename().string(),
                                         [&] { return model::load_onnx(model_path); });
    NodeTable table;
    table.run_args = run_args;
    const CircuitPlan plan = run_stage(rec, "plan the circuit", [&] { return plan_circuit(graph, table.run_args, false); });
    std::map<std::string, QuantisedTensor> params = plan.circuit.params;
    std::vector<std::vector<double>> inputs;
    for (const auto& in : graph.inputs)
        inputs.emplace_back(model::element_count(in.shape), model::is_integer(in.dtype) ? 0.0 : 0.5);
    const auto run = run_stage(rec, "fixed-point run", [&] {
        return fixed::run_fixed(graph, table.run_args, params, inputs,
                                {.frozen_params = true, .stop_on_saturation = false}, rec);
    });
    std::vector<circuit::NodeRows> costs;
    if (plan.unprovable.empty())
        costs = run_stage(rec, "lay out the circuit", [&] { return circuit::measure_layout(plan.circuit).nodes; });
    table.unprovable = plan.unprovable;
    for (size_t i = 0; i < graph.inputs.size(); ++i)
        table.rows.push_back({"in", graph.inputs[i].name, "Input", "instance/advice", format_shape(graph.inputs[i].shape),
                              fixed::input_scale_of(graph, i, table.run_args), {}, ""});
    for (size_t n = 0; n < graph.nodes.size(); ++n) {
        const auto& node = graph.nodes[n];
        const std::string out = node.outputs.empty() ? "" : node.outputs[0];
        const auto it = run.values.find(out);
        std::string rows = n < costs.size() ? std::to_string(costs[n].arith) + "/" + std::to_string(costs[n].lookup) +
                                                  "/" + std::to_string(costs[n].range)
                           : circuit::has_gadget(node.op) ? "?"
                                                          : "no gadget";
        table.rows.push_back({std::to_string(n), node.name, node.op, fixed::proof_kind_name(run.node_kinds[n]),
                              it == run.values.end() ? "?" : format_shape(it->second.t.shape),
                              it == run.values.end() ? 0 : it->second.scale, node.inputs, rows});
    }
    table.nodes = graph.nodes.size();
    table.num_rows = plan.settings.num_rows;
    table.logrows = plan.settings.run_args.logrows;
    rec.finish(table);
    return table;
}

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + (n.empty() ? std::string("-") : n);
    return s;
}

template <class... Args>
void append_format(std::string& out, const char* format, Args... args) {
    const int n = std::snprintf(nullptr, 0, format, args...);
    std::string line(size_t(n) + 1, '\0');
    std::snprintf(line.data(), line.size(), format, args...);
    line.pop_back();
    out += line;
}

}  // namespace

std::string node_table_text(const NodeTable& table) {
    std::string out;
    append_format(out, "%-5s %-28s %-18s %-14s %-16s %-5s %-12s %s\n", "idx", "name", "op", "proved by", "out shape",
                  "scale", "rows a/l/r", "inputs");
    for (const auto& r : table.rows)
        append_format(out, "%-5s %-28s %-18s %-14s %-16s %-5d %-12s %s\n", r.index.c_str(), r.name.c_str(), r.op.c_str(),
                      r.proved_by.c_str(), r.output_shape.c_str(), r.scale, r.rows.c_str(), joined(r.inputs).c_str());
    if (!table.unprovable.empty()) append_format(out, "\nnot provable yet: %s\n", table.unprovable.c_str());
    append_format(out, "\n%zu nodes; num_rows %llu (logrows %u) at input scale %d, param scale %d\n", table.nodes,
                  static_cast<unsigned long long>(table.num_rows), table.logrows, table.run_args.input_scale,
                  table.run_args.param_scale);
    return out;
}

}  // namespace ps::pipeline
