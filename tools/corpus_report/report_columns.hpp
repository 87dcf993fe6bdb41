#pragma once
// A column provider contributes cells to the per-model table of docs/CORPUS.md and lines
// to its summary. float_columns.cpp provides the float-executor columns; the quantised
// columns are another provider in their own file, added to report_providers() in
// report_main.cpp.
#include "tools/corpus_report/corpus_case.hpp"

#include <memory>
#include <string>
#include <vector>

namespace ps::corpus {

class ColumnProvider {
public:
    virtual ~ColumnProvider() = default;
    virtual std::vector<std::string> headers() const = 0;
    // Called once per model, in corpus order; `float_check` is already computed.
    virtual std::vector<std::string> cells(const CorpusCase& c, const FloatCheck& float_check) = 0;
    // Markdown lines for the summary, after every model was seen.
    virtual std::vector<std::string> summary() const = 0;
};

std::unique_ptr<ColumnProvider> make_float_columns();
std::unique_ptr<ColumnProvider> make_quant_columns();  // quant_columns.cpp (core/witness)

}  // namespace ps::corpus
