#pragma once
// Deliberately broken twins of a valid proof, for the demo and for tests: change one
// byte of the proof, raise one claimed output by one quantisation unit, or check the
// proof with another model's verifying key. Each writes the broken copy into a scratch
// folder (the genuine proof.json, vk.key and network.ezkl are never touched) and runs
// the real verify step on it, so the verdict and its reason are the verifier's own.
#include "core/pipeline/step_verify.hpp"

#include <filesystem>
#include <string>

namespace ps::pipeline {

enum class Tamper {
    ProofByte,      // one byte of `proof` (and `hex_proof`) changed
    ClaimedOutput,  // the last public output one unit (2^-scale) higher
    // The key setup makes for the same network with one weight one unit larger: a real
    // other model. When the weights are not fixed (param_visibility Private/Public/Hashed)
    // they are not part of the key at all; a key with one fixed commitment moved stands in.
    OtherModelKey,
};

const char* to_string(Tamper kind);

struct TamperedCopy {
    VerifyPaths paths;         // the files verify reads: some in scratch, the rest genuine
    std::string what_changed;  // plain words: "byte 1234 of 2816 of the proof: 0x3a → 0x3b"
};

struct TamperSources {
    VerifyPaths genuine;             // the valid proof and what verifies it
    std::filesystem::path compiled;  // network.ezkl: the model another model's key is made from
    static TamperSources of(const Project& p);
};

// Writes the broken file(s) into `scratch` (created if needed). Throws ps::Error when the
// genuine files cannot be read. OtherModelKey runs keygen (reported to `progress`).
TamperedCopy write_tampered_copy(const TamperSources& sources, Tamper kind, const std::filesystem::path& scratch,
                                 ProgressSink& progress);

struct TamperVerdict {
    TamperedCopy copy;
    VerifyStepResult result;  // from pipeline::verify on copy.paths
};
TamperVerdict verify_tampered(const TamperSources& sources, Tamper kind, const std::filesystem::path& scratch,
                              ProgressSink& progress);

}  // namespace ps::pipeline
