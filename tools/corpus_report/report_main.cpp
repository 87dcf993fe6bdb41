// proofscope-corpus-report [--corpus DIR] [--out FILE] [--no-backend] [--model NAME]
// Generates docs/CORPUS.md: per corpus model the columns of every provider, then the ONNX
// backend node-test pass rate per operator. Prints progress to stderr.
// The proving section (between section_markers.hpp's markers) belongs to
// proofscope-corpus-prove: this program keeps it as it finds it in --out.
#include "tools/corpus_report/markdown_table.hpp"
#include "tools/corpus_report/backend_suite.hpp"
#include "tools/corpus_report/report_columns.hpp"
#include "tools/corpus_report/section_markers.hpp"

#include "core/model/executor.hpp"
#include "core/util/atomic_file.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace {

using namespace ps::corpus;

std::vector<std::unique_ptr<ColumnProvider>> report_providers() {
    std::vector<std::unique_ptr<ColumnProvider>> p;
    p.push_back(make_float_columns());
    p.push_back(make_quant_columns());
    return p;
}

std::string backend_section(const std::vector<BackendResult>& results) {
    struct Tally { int total = 0, supported = 0, passed = 0; std::vector<std::string> failures; };
    std::map<std::string, Tally> by_op;
    int total = 0, passed = 0, supported = 0;
    for (const auto& r : results) {
        if (r.expanded) continue;  // function-body expansions test other ops; counted under them
        Tally& t = by_op[r.op.empty() ? "(model not loaded: non-tensor inputs)" : r.op];
        ++t.total, ++total;
        if (r.supported) ++t.supported, ++supported;
        if (r.passed) ++t.passed, ++passed;
        else if (r.supported) t.failures.push_back(r.test);
    }
    std::ostringstream s;
    s << "## ONNX backend node tests (libonnx-testdata " << "1.12)\n\n"
      << "Every `" << kBackendNodeTests.string() << "/<test>` (excluding `_expanded` function-body variants) "
      << "run through the float executor; pass = every output within rtol " << kBackendRelTol << ", atol " << kBackendAbsTol
      << " (ONNX's backend runner defaults) and of the expected shape.\n\n"
      << "- Overall: **" << passed << " / " << total << "** tests pass; " << supported << " use only supported ops.\n\n"
      << "| op | tests | supported | passed | failing supported tests |\n|---|---|---|---|---|\n";
    for (const auto& [op, t] : by_op) {
        std::string fails;
        for (size_t i = 0; i < t.failures.size() && i < 4; ++i) fails += (i ? ", " : "") + t.failures[i];
        if (t.failures.size() > 4) fails += ", …";
        s << markdown_row({op, std::to_string(t.total), std::to_string(t.supported), std::to_string(t.passed), fails.empty() ? "–" : fails});
    }
    s << "\nKnown failures among supported ops (kept out of tst_backend_conformance's expectations on purpose): "
         "string tensors (Cast to/from STRING), bfloat16 (the test data stores its bit patterns as uint16), and "
         "training-mode BatchNormalization/Dropout (batch statistics, random masks). Ops without a kernel: control flow "
         "(If, Loop, Scan), sequences/optionals, string ops, random generators, training optimisers, and the signal/"
         "detection ops listed with 0 supported above.\n";
    return s.str();
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path corpus = std::filesystem::path(PROOFSCOPE_SHARED_DIR) / "corpus";
    std::filesystem::path out = std::filesystem::path(PROOFSCOPE_SOURCE_DIR) / "docs" / "CORPUS.md";
    bool backend = true;
    std::string only;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--corpus") && i + 1 < argc) corpus = argv[++i];
        else if (!std::strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
        else if (!std::strcmp(argv[i], "--no-backend")) backend = false;
        else if (!std::strcmp(argv[i], "--model") && i + 1 < argc) only = argv[++i];
        else {
            std::fprintf(stderr, "usage: proofscope-corpus-report [--corpus DIR] [--out FILE] [--no-backend] [--model NAME]\n");
            return 2;
        }
    }
    const auto cases = list_corpus(corpus);
    if (cases.empty()) {
        std::fprintf(stderr, "no models under %s\n", corpus.string().c_str());
        return 1;
    }
    auto providers = report_providers();
    std::vector<std::string> headers = {"model"};
    for (const auto& p : providers)
        for (const auto& h : p->headers()) headers.push_back(h);
    std::string table = markdown_row(headers) + "|" ;
    for (size_t i = 0; i < headers.size(); ++i) table += "---|";
    table += "\n";
    for (const auto& c : cases) {
        if (!only.empty() && c.name != only) continue;
        std::fprintf(stderr, "%-24s ", c.name.c_str());
        const FloatCheck f = check_float(c);
        std::fprintf(stderr, "%s %s\n", f.exact ? "exact" : "FAIL ", f.exact ? "" : f.error.c_str());
        std::vector<std::string> cells = {c.name};
        for (const auto& p : providers)
            for (auto& cell : p->cells(c, f)) cells.push_back(std::move(cell));
        table += markdown_row(cells);
    }
    std::ostringstream doc;
    doc << "# Corpus report\n\n"
        << "Generated by `proofscope-corpus-report` (tools/corpus_report/) over `../shared/corpus/` — do not edit by hand:\n\n"
        << "```\ncmake --build build --target proofscope-corpus-report && ./build/tools/corpus_report/proofscope-corpus-report\n```\n\n"
        << "The proving section at the end is written by `proofscope-corpus-prove` between its markers; this report "
           "keeps it when it rewrites the rest, and that program replaces only its own section.\n\n"
        << "Float-exact: every output element within |ours − ref| ≤ " << kRelTol << "·|ref| + " << kAbsTol
        << " of ONNX Runtime's `reference_output.json` (1e-4 relative, with an absolute floor for values near 0).\n\n"
        << "## Summary\n\n";
    for (const auto& p : providers)
        for (const auto& line : p->summary()) doc << line << "\n";
    doc << "- Float executor ops: " << ps::model::supported_float_ops().size() << " ONNX operators.\n\n"
        << "## Models\n\n" << table << "\n";
    if (backend) {
        std::fprintf(stderr, "running ONNX backend node tests...\n");
        doc << backend_section(run_backend_suite());
    }
    std::string text = doc.str();
    if (std::ifstream previous{out, std::ios::binary}) {
        std::ostringstream old;
        old << previous.rdbuf();
        if (const auto block = proving_block(old.str())) text = with_proving_block(text, *block);
    }
    ps::write_file_atomically(out, text);
    std::fprintf(stderr, "wrote %s\n", out.string().c_str());
    return 0;
}
