#include "tools/corpus_report/quant_check.hpp"
#include "core/model/graph.hpp"
#include "core/util/error.hpp"
#include "core/circuit/calibrate.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/witness/generate.hpp"
#include <cmath>
#include <filesystem>

namespace ps::corpus {
namespace {

// Witness at `args` (logrows chosen to fit), compared with the reference outputs.
QuantRun run_at(const model::Graph& graph, const InputData& data, const RunArgs& args,
                const std::vector<ReferenceOutput>& reference, std::vector<std::string>* fallback_ops) {
    QuantRun r;
    try {
        const CircuitPlan plan = plan_circuit(graph, args, false);
        const CompiledCircuit circuit = compile_circuit(graph, plan.settings, "settings.json");
        NullProgress quiet;
        WitnessOptions options;
        options.float_reference = false;
        const WitnessResult w = generate_witness(circuit, data, quiet, options);
        if (w.outputs.size() < reference.size()) throw Error("outputs", "fewer outputs than the reference");
        for (size_t o = 0; o < reference.size(); ++o) {
            if (w.outputs[o].size() != reference[o].data.size())
                throw Error("output " + std::to_string(o), std::to_string(w.outputs[o].size()) + " values, reference has " +
                                                               std::to_string(reference[o].data.size()));
            for (size_t i = 0; i < reference[o].data.size(); ++i)
                if (std::isfinite(reference[o].data[i]))
                    r.max_abs_error = std::max(r.max_abs_error, std::fabs(std::ldexp(double(w.outputs[o][i]), -w.output_scales[o]) -
                                                                          reference[o].data[i]));
        }
        if (fallback_ops)
            for (const auto& l : w.layers)
                if (l.kind == ps::fixed::ProofKind::FloatFallback) fallback_ops->push_back(l.op);
        r.scale = args.input_scale;
        r.logrows = plan.settings.run_args.logrows;
        r.num_rows = plan.settings.num_rows;
        r.ran = true;
    } catch (const std::exception& e) {
        r.failure = e.what();
    }
    return r;
}

}  // namespace

QuantCheck check_quantised(const CorpusCase& c, bool calibrate_too) {
    QuantCheck q;
    model::Graph graph;
    InputData data;
    std::vector<ReferenceOutput> reference;
    try {
        graph = model::load_onnx(c.model());
        data = read_input_json(c.input(), input_shapes(graph));
        if (!data.notes.empty()) q.note = data.notes.front();
        q.has_reference = std::filesystem::exists(c.reference());
        if (!q.has_reference) {
            q.at_default.failure = "no reference_output.json";
            return q;
        }
        reference = read_reference(c.reference());
    } catch (const std::exception& e) {
        q.at_default.failure = e.what();
        return q;
    }
    double magnitude = 0;
    for (const auto& r : reference)
        for (double v : r.data)
            if (std::isfinite(v)) magnitude = std::max(magnitude, std::fabs(v));
    q.tolerance = 0.05 * std::max(1.0, magnitude);
    q.at_default = run_at(graph, data, RunArgs{}, reference, &q.fallback_ops);
    if (calibrate_too) {
        try {
            NullProgress quiet;
            const CalibrationResult cal = calibrate(graph, data, RunArgs{}, CalibrationOptions{}, quiet);
            q.calibrated = run_at(graph, data, cal.settings.run_args, reference, nullptr);
        } catch (const std::exception& e) {
            q.calibrated.failure = e.what();
        }
    }
    return q;
}

}  // namespace ps::corpus
