// Quantised columns: witness generation at EZKL's default settings (scales 7, SAFE) and
// after calibrate-settings (--target resources), compared with ONNX Runtime's reference.
#include "tools/corpus_report/quant_check.hpp"
#include "tools/corpus_report/report_columns.hpp"
#include <cstdio>
#include <set>

namespace ps::corpus {
namespace {

std::string format_error(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2e", v);
    return buf;
}

std::string describe(const QuantRun& r, double tolerance) {
    if (!r.ran) return "**failed**: " + r.failure.substr(0, 160);
    return format_error(r.max_abs_error) + (r.max_abs_error <= tolerance ? " ok" : " **over**") + " (s" +
           std::to_string(r.scale) + ", k" + std::to_string(r.logrows) + ")";
}

class QuantColumns final : public ColumnProvider {
public:
    std::vector<std::string> headers() const override {
        return {"quant tolerance", "quant err default (scale, logrows)", "quant err calibrated (scale, logrows)",
                "float-fallback ops"};
    }

    std::vector<std::string> cells(const CorpusCase& c, const FloatCheck&) override {
        const QuantCheck q = check_quantised(c, true);
        ++models_;
        if (q.has_reference) ++with_reference_;
        if (q.default_ok()) ++default_ok_;
        if (q.calibrated_ok()) ++calibrated_ok_;
        if (q.default_ok() || q.calibrated_ok()) ++either_ok_;
        if (!q.fallback_ops.empty()) ++with_fallback_;
        if (!q.has_reference) return {"–", "no reference", "–", "–"};
        std::set<std::string> ops(q.fallback_ops.begin(), q.fallback_ops.end());
        std::string fallback;
        for (const auto& op : ops) fallback += (fallback.empty() ? "" : ", ") + op;
        return {format_error(q.tolerance), describe(q.at_default, q.tolerance), describe(q.calibrated, q.tolerance),
                fallback.empty() ? "–" : fallback};
    }

    std::vector<std::string> summary() const override {
        char buf[768];
        std::snprintf(buf, sizeof buf,
                      "- Quantised (fixed-point witness vs ONNX Runtime, tolerance 0.05·max(1, max|reference|)): "
                      "**%d / %d** models with a reference within tolerance at default settings, %d / %d after "
                      "calibration, %d / %d at either (%.0f %%). %d model(s) still compute some node by float "
                      "fallback (dequantise → float kernel → requantise): their witness is right but those nodes "
                      "are not provable until the circuit gains their gadgets. logrows here is the estimate of "
                      "core/circuit/circuit_plan.cpp: the circuit layout's rows where every op has a gadget, else the witness-size estimate.",
                      default_ok_, with_reference_, calibrated_ok_, with_reference_, either_ok_, with_reference_,
                      with_reference_ ? 100.0 * either_ok_ / with_reference_ : 0.0, with_fallback_);
        return {buf};
    }

private:
    int models_ = 0, with_reference_ = 0, default_ok_ = 0, calibrated_ok_ = 0, either_ok_ = 0, with_fallback_ = 0;
};

}  // namespace

std::unique_ptr<ColumnProvider> make_quant_columns() { return std::make_unique<QuantColumns>(); }

}  // namespace ps::corpus
