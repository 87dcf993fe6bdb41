#pragma once
// Deliberately broken twins of a valid proof, for the demo and for tests: change one
// byte of the proof, raise one claimed output by one quantisation unit, or check the
// proof with another model's verifying key. Each writes the broken copy into a scratch
// folder (the genuine proof.json and vk.key are never touched) and runs the real
// verify step on it, so the verdict and its reason are the verifier's own.
#include "core/pipeline/step_verify.hpp"

#include <filesystem>
#include <string>

namespace ps::pipeline {

enum class Tamper {
    ProofByte,      // one byte of `proof` (and `hex_proof`) changed
    ClaimedOutput,  // the last public output one unit (2^-scale) higher
    OtherModelKey,  // a verifying key whose first weight (fixed column) commitment differs
};

const char* to_string(Tamper kind);

struct TamperedCopy {
    VerifyPaths paths;         // the files verify reads: some in scratch, the rest genuine
    std::string what_changed;  // plain words: "byte 1234 of 2816 of the proof: 0x3a → 0x3b"
};

// Writes the broken file(s) into `scratch` (created if needed). Throws ps::Error when the
// genuine files cannot be read.
TamperedCopy write_tampered_copy(const VerifyPaths& genuine, Tamper kind, const std::filesystem::path& scratch);

struct TamperVerdict {
    TamperedCopy copy;
    VerifyStepResult result;  // from pipeline::verify on copy.paths
};
TamperVerdict verify_tampered(const VerifyPaths& genuine, Tamper kind, const std::filesystem::path& scratch,
                              ProgressSink& progress);

}  // namespace ps::pipeline
