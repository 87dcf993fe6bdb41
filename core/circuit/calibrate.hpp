#pragma once
// calibrate-settings: try scales (and the lookup range the data needs at each) on
// calibration data, measure the quantised outputs against the float reference and the
// circuit size, and pick per target (EZKL's `calibrate-settings --target`).
#include "core/artifacts/input_data.hpp"
#include "core/artifacts/settings.hpp"
#include "core/model/graph.hpp"
#include "core/util/progress.hpp"
#include <optional>
#include <string>
#include <vector>

namespace ps {

enum class CalibrationTarget { Resources, Accuracy };

struct CalibrationTrial {
    Scale input_scale = 0, param_scale = 0;
    int64_t lookup_lo = 0, lookup_hi = 0;
    uint32_t logrows = 0;
    uint64_t num_rows = 0;
    double max_abs_error = 0;  // over the model outputs, dequantised vs float
    double tolerance = 0;      // 0.05 · max(1, max |reference|)
    bool ok = false;           // ran without overflow or saturation
    std::string failure;       // why not, when !ok
    bool within_tolerance() const { return ok && max_abs_error <= tolerance; }
};

struct CalibrationResult {
    std::vector<CalibrationTrial> trials;
    std::optional<size_t> chosen;  // index into trials
    Settings settings;             // the chosen settings, every computed field filled
    std::string reason;            // why this one was chosen (or why none fits)
};

struct CalibrationOptions {
    CalibrationTarget target = CalibrationTarget::Resources;
    std::vector<Scale> scales = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    uint32_t max_logrows = 24;  // the row budget for --target accuracy
    double tolerance_fraction = 0.05;
};

// `base` supplies visibilities, check_mode and the rest of run_args.
CalibrationResult calibrate(const model::Graph& graph, const InputData& data, const RunArgs& base,
                            const CalibrationOptions& options, ProgressSink& progress);

// Max |dequantised − float| over the model outputs for `args` on `data`; throws on
// overflow or (SAFE) saturation. Used by calibration and the corpus report.
double quantised_output_error(const model::Graph& graph, const InputData& data, const RunArgs& args);

}  // namespace ps
