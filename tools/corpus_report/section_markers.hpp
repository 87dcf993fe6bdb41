#pragma once
// docs/CORPUS.md is written by two programs: proofscope-corpus-report writes the whole file
// (float and quantised sections) and keeps, verbatim, the block between these markers;
// proofscope-corpus-prove replaces only that block. Either can be rerun without the other.
#include <optional>
#include <string>

namespace ps::corpus {

inline constexpr const char* kProvingBegin = "<!-- proofscope-corpus-prove: begin (generated; do not edit) -->";
inline constexpr const char* kProvingEnd = "<!-- proofscope-corpus-prove: end -->";

// The marked block, markers included, or nullopt when the document has none.
inline std::optional<std::string> proving_block(const std::string& doc) {
    const size_t b = doc.find(kProvingBegin);
    if (b == std::string::npos) return std::nullopt;
    const size_t e = doc.find(kProvingEnd, b);
    if (e == std::string::npos) return std::nullopt;
    return doc.substr(b, e + std::string(kProvingEnd).size() - b);
}

// `doc` with its marked block replaced by `block` (which carries the markers), or with
// `block` appended when there was none.
inline std::string with_proving_block(const std::string& doc, const std::string& block) {
    const size_t b = doc.find(kProvingBegin);
    const size_t e = b == std::string::npos ? b : doc.find(kProvingEnd, b);
    if (e == std::string::npos) return doc + (doc.empty() || doc.ends_with("\n\n") ? "" : doc.ends_with('\n') ? "\n" : "\n\n") + block + "\n";
    return doc.substr(0, b) + block + doc.substr(e + std::string(kProvingEnd).size());
}

}  // namespace ps::corpus
