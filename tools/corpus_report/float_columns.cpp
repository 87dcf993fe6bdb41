// Float-executor columns: load ok, ops used, unsupported ops, max-abs error against ONNX
// Runtime's reference_output.json, float-exact (allclose rtol 1e-4, atol 1e-5).
#include "tools/corpus_report/report_columns.hpp"

#include <cstdio>

namespace ps::corpus {
namespace {

std::string format_error(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2e", v);
    return buf;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string s;
    for (size_t i = 0; i < items.size(); ++i) s += (i ? sep : "") + items[i];
    return s;
}

class FloatColumns final : public ColumnProvider {
public:
    std::vector<std::string> headers() const override {
        return {"load", "ops used", "float max-abs err", "float exact", "unsupported ops"};
    }

    std::vector<std::string> cells(const CorpusCase&, const FloatCheck& f) override {
        ++models_;
        if (f.loaded) ++loaded_;
        if (f.exact) ++exact_;
        if (!f.has_reference) ++no_reference_;
        std::vector<std::string> unsupported_ops;
        for (const std::string& u : f.unsupported) unsupported_ops.push_back(u.substr(u.rfind(": ") + 2));
        std::string verdict = f.exact ? "yes" : (f.ran && !f.has_reference ? "no reference" : "**no**");
        if (!f.exact && !f.error.empty() && f.has_reference) verdict += " (" + f.error + ")";
        if (!f.ran && f.loaded && f.unsupported.empty()) verdict = "**no** (" + f.error + ")";
        if (!f.note.empty()) verdict += " — " + f.note;
        return {f.loaded ? "ok" : "**failed**: " + f.error, join(f.ops, ", "),
                f.ran && f.has_reference ? format_error(f.max_abs_error) : "–", verdict,
                unsupported_ops.empty() ? "–" : join(unsupported_ops, ", ")};
    }

    std::vector<std::string> summary() const override {
        char buf[512];
        std::snprintf(buf, sizeof buf,
                      "- Float executor: **%d / %d** models float-exact (%.0f %%); %d / %d of the models that have a "
                      "`reference_output.json`; %d / %d load. Models without a reference are checked against "
                      "input.json's `output_data` instead (see their row).",
                      exact_, models_, models_ ? 100.0 * exact_ / models_ : 0.0, exact_, models_ - no_reference_, loaded_, models_);
        return {buf};
    }

private:
    int models_ = 0, loaded_ = 0, exact_ = 0, no_reference_ = 0;
};

}  // namespace

std::unique_ptr<ColumnProvider> make_float_columns() { return std::make_unique<FloatColumns>(); }

}  // namespace ps::corpus
