#pragma once
// The "Proving (setup → prove → verify)" section of docs/CORPUS.md from the per-model
// records of proofscope-corpus-prove: a summary (how many models prove and verify within
// tolerance, every one that does not and why, where prove time goes), the per-model
// table, and the per-model stage breakdown with the MSM and NTT shares.
#include "tools/corpus_report/prove_case.hpp"

#include <string>
#include <vector>

namespace ps::corpus {

struct ProveRunInfo {
    size_t corpus_size = 0;  // models in the corpus (the denominator of the summary)
    int threads = 1;
    int timeout_seconds = 300;
    std::string machine;     // CPU model and core count
    std::string command;     // how the section was generated
};

// Markdown including the section markers of section_markers.hpp.
std::string proving_section(const std::vector<ProveRecord>& records, const ProveRunInfo& info);

}  // namespace ps::corpus
