#include "core/circuit/calibrate.hpp"
#include "core/model/executor.hpp"
#include "core/util/error.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/witness/fixed_executor.hpp"
#include <cmath>

namespace ps {

namespace {

std::vector<model::FloatTensor> float_inputs(const model::Graph& graph, const InputData& data) {
    std::vector<model::FloatTensor> in;
    for (size_t i = 0; i < graph.inputs.size(); ++i)
        in.emplace_back(graph.inputs[i].shape, std::vector<float>(data.inputs.at(i).begin(), data.inputs.at(i).end()));
    return in;
}

double output_error(const model::Graph& graph, const fixed::FixedRun& run,
                    const std::map<std::string, model::FloatTensor>& reference) {
    double worst = 0;
    for (const auto& out : graph.outputs) {
        const auto& q = run.values.at(out.name);
        const auto& f = reference.at(out.name);
        if (q.t.size() != f.size()) throw Error("model output '" + out.name + "'", "fixed and float shapes differ");
        for (size_t i = 0; i < f.size(); ++i)
            if (std::isfinite(f.data[i])) worst = std::max(worst, std::fabs(quant::dequantize(q.t.data[i], q.scale) - f.data[i]));
    }
    return worst;
}

double reference_magnitude(const model::Graph& graph, const std::map<std::string, model::FloatTensor>& reference) {
    double m = 0;
    for (const auto& out : graph.outputs)
        for (float v : reference.at(out.name).data)
            if (std::isfinite(v)) m = std::max(m, double(std::fabs(v)));
    return m;
}

}  // namespace

double quantised_output_error(const model::Graph& graph, const InputData& data, const RunArgs& args) {
    const auto reference = model::run_float(graph, float_inputs(graph, data));
    std::map<std::string, QuantisedTensor> params;
    NullProgress quiet;
    const auto run = fixed::run_fixed(graph, args, params, data.inputs,
                                      {.frozen_params = false, .stop_on_saturation = args.check_mode == CheckMode::Safe},
                                      quiet);
    return output_error(graph, run, reference);
}

CalibrationResult calibrate(const model::Graph& graph, const InputData& data, const RunArgs& base,
                            const CalibrationOptions& options, ProgressSink& progress) {
    CalibrationResult result;
    const auto reference = model::run_float(graph, float_inputs(graph, data));
    const double tolerance = options.tolerance_fraction * std::max(1.0, reference_magnitude(graph, reference));
    ProgressStage stage(progress, "calibration", options.scales.size());
    size_t done = 0;
    for (Scale s : options.scales) {
        throw_if_cancelled(progress);
        CalibrationTrial t;
        t.input_scale = t.param_scale = s;
        t.tolerance = tolerance;
        RunArgs args = base;
        args.input_scale = args.param_scale = s;
        try {
            // First pass with an unbounded table to see which lookup inputs the data needs.
            args.lookup_range_lo = -(int64_t(1) << 40);
            args.lookup_range_hi = int64_t(1) << 40;
            std::map<std::string, QuantisedTensor> params;
            NullProgress quiet;
            const auto run = fixed::run_fixed(graph, args, params, data.inputs,
                                              {.frozen_params = false, .stop_on_saturation = false}, quiet);
            t.max_abs_error = output_error(graph, run, reference);
            if (run.stats.any_lookup) {
                // A margin of 1/8 of the span (at least 8 steps) for inputs that stray a little.
                const int64_t span = run.stats.max_lookup_input - run.stats.min_lookup_input;
                const int64_t margin = std::max<int64_t>(8, span / 8);
                args.lookup_range_lo = run.stats.min_lookup_input - margin;
                args.lookup_range_hi = run.stats.max_lookup_input + margin;
            } else {
                args.lookup_range_lo = base.lookup_range_lo;
                args.lookup_range_hi = base.lookup_range_hi;
            }
            for (const auto& [name, rec] : run.bounds)
                if (rec.saturated && rec.bounds.second < (int64_t(1) << 40))
                    throw Error("value '" + name + "'", std::to_string(rec.saturated) +
                                                            " values exceed the range-check bounds at this scale");
            t.lookup_lo = args.lookup_range_lo;
            t.lookup_hi = args.lookup_range_hi;
            const CircuitPlan plan = plan_circuit(graph, args, false, &data);
            t.logrows = plan.settings.run_args.logrows;
            t.num_rows = plan.settings.num_rows;
            t.ok = true;
        } catch (const Error& e) {
            t.failure = e.what();
        }
        result.trials.push_back(t);
        stage.advance(++done);
    }

    auto better = [&](const CalibrationTrial& a, const CalibrationTrial& b) {  // is a preferred to b?
        if (options.target == CalibrationTarget::Resources) {
            if (a.logrows != b.logrows) return a.logrows < b.logrows;
            if (a.num_rows != b.num_rows) return a.num_rows < b.num_rows;
            return a.max_abs_error < b.max_abs_error;
        }
        if (a.max_abs_error != b.max_abs_error) return a.max_abs_error < b.max_abs_error;
        return a.logrows < b.logrows;
    };
    for (size_t i = 0; i < result.trials.size(); ++i) {
        const auto& t = result.trials[i];
        const bool eligible = options.target == CalibrationTarget::Resources ? t.within_tolerance()
                                                                             : t.ok && t.logrows <= options.max_logrows;
        if (eligible && (!result.chosen || better(t, result.trials[*result.chosen]))) result.chosen = i;
    }
    if (!result.chosen && options.target == CalibrationTarget::Resources) {
        // Nothing within tolerance: the most accurate that ran, said plainly.
        for (size_t i = 0; i < result.trials.size(); ++i)
            if (result.trials[i].ok && (!result.chosen || result.trials[i].max_abs_error < result.trials[*result.chosen].max_abs_error))
                result.chosen = i;
        result.reason = "no scale kept the outputs within tolerance; chose the most accurate";
    } else if (result.chosen) {
        result.reason = options.target == CalibrationTarget::Resources
                            ? "smallest circuit whose outputs stay within tolerance"
                            : "most accurate within 2^" + std::to_string(options.max_logrows) + " rows";
    }
    if (!result.chosen)
        throw Error("calibrate-settings", "no scale worked on the calibration data: " +
                                              (result.trials.empty() ? std::string("no trials") : result.trials.back().failure),
                    "check the calibration data, or try --target accuracy with a larger --max-logrows");
    const auto& best = result.trials[*result.chosen];
    RunArgs args = base;
    args.input_scale = best.input_scale;
    args.param_scale = best.param_scale;
    args.lookup_range_lo = best.lookup_lo;
    args.lookup_range_hi = best.lookup_hi;
    result.settings = plan_circuit(graph, args, false, &data).settings;
    return result;
}

}  // namespace ps
