#pragma once
// The quantised check of one corpus model: witness generation at EZKL's default
// settings and at calibrated settings, each compared with ONNX Runtime's
// reference_output.json. Tolerance (issue 6): max-abs error ≤ 0.05 · max(1, max|reference|).
// Shared by proofscope-corpus-report (quant_columns.cpp) and tests/witness/tst_corpus_quantised.
#include "core/artifacts/settings.hpp"
#include "tools/corpus_report/corpus_case.hpp"
#include <string>
#include <vector>

namespace ps::corpus {

struct QuantRun {
    bool ran = false;
    std::string failure;  // why it did not run
    double max_abs_error = 0;
    Scale scale = 0;
    uint32_t logrows = 0;
    uint64_t num_rows = 0;
};

struct QuantCheck {
    bool has_reference = false;
    double tolerance = 0;
    QuantRun at_default, calibrated;
    std::vector<std::string> fallback_ops;  // nodes computed by float fallback (not provable yet)
    std::string note;                       // how input.json was interpreted
    bool default_ok() const { return at_default.ran && at_default.max_abs_error <= tolerance; }
    bool calibrated_ok() const { return calibrated.ran && calibrated.max_abs_error <= tolerance; }
};

// `calibrate` false skips the calibrated run (the opt-in test calibrates only on failure).
QuantCheck check_quantised(const CorpusCase& c, bool calibrate);

}  // namespace ps::corpus
