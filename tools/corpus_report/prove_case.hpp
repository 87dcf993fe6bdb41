#pragma once
// The proving run of one corpus model, in process: load → calibrate-settings (target
// resources) → compile → witness → setup → prove → verify with a development SRS, and the
// output error of the proven public outputs against reference_output.json.
// Shared by proofscope-corpus-prove (one child process per model) and the opt-in test
// tests/circuit/tst_corpus_prove.cpp (which also tampers with the proof's public outputs).
#include "core/kzg/srs.hpp"
#include "core/plonk/prover.hpp"
#include "core/plonk/keys.hpp"
#include "tools/corpus_report/corpus_case.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ps::corpus {

// How far a model's run got: Proved = a proof was made (verify ran on it), Failed = an
// error before that (the record says where), Timeout/Crashed = the child process was
// killed or died (proofscope-corpus-prove only).
enum class ProveStatus { Failed, Proved, Timeout, Crashed };
const char* to_string(ProveStatus s);
ProveStatus prove_status_from_string(const std::string& s);  // Failed for anything unknown

// One record of docs/CORPUS.md's proving section; to_json/from_json carry it from the
// child process to the parent.
struct ProveRecord {
    std::string model;
    ProveStatus status = ProveStatus::Failed;
    std::string stage;              // where it stopped: load, calibrate, compile, witness, layout, srs, setup, prove, verify
    std::string failure;            // first line of the error
    int input_scale = 0, param_scale = 0;
    unsigned logrows = 0;
    uint64_t rows_used = 0, rows_usable = 0;
    double calibrate_ms = 0, witness_ms = 0, srs_ms = 0, setup_ms = 0, prove_ms = 0, verify_ms = 0;
    bool srs_cached = false;
    uint64_t proof_bytes = 0;
    uint64_t peak_rss_kib = 0;     // filled by the parent from wait4(); 0 in process
    bool verified = false;
    std::string verify_reason;
    bool tampered_output_rejected = false;
    std::optional<double> max_abs_error;  // proven public outputs, dequantised, vs reference
    double tolerance = 0;                  // 0.05 · max(1, max|reference|)
    std::vector<plonk::StageTiming> setup_stages, prove_stages;
    bool within_tolerance() const { return max_abs_error && *max_abs_error <= tolerance; }
    bool end_to_end() const { return status == ProveStatus::Proved && verified && within_tolerance(); }
};

nlohmann::json to_json(const ProveRecord& r);
ProveRecord record_from_json(const nlohmann::json& j);

struct ProveOptions {
    // Development SRS files kzg<k>.srs, generated on first use (τ from OpenSSL's CSPRNG)
    // and reused by later models; empty: generate in memory every time.
    std::filesystem::path srs_cache;
    // Stop before setup when the calibrated logrows is larger (0: no limit). The opt-in
    // test runs in process, without the tool's per-model timeout, and uses this instead.
    unsigned max_logrows = 0;
    // Called with the record so far as each step begins (the child prints it, so a
    // timeout still reports the settings and the step that ran out of time).
    std::function<void(const ProveRecord&)> checkpoint;
};

// What a verifier holds after the run (for the tampering checks of the test).
struct ProvedModel {
    plonk::VerifyingKey vk;
    KzgVerifierParams params;
    plonk::Proof proof;
};

// Never throws for a model that fails: the record says where and why. `proved` (optional)
// receives the verifier's view when the proof was made.
ProveRecord prove_corpus_model(const CorpusCase& c, const ProveOptions& options,
                               std::optional<ProvedModel>* proved = nullptr);

}  // namespace ps::corpus
