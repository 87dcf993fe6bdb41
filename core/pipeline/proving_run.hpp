#pragma once
// A recorded run: setup, or prove followed by verify, with the run appended to the
// project's history (run_history.hpp). The GUI's Setup and Prove jobs and anything else
// that wants the history call these; the steps themselves (setup, prove, verify) stay
// the ones the CLI runs.
#include "core/pipeline/run_history.hpp"
#include "core/pipeline/stage_plan.hpp"
#include "core/pipeline/step_prove.hpp"
#include "core/pipeline/step_setup.hpp"
#include "core/pipeline/step_verify.hpp"

namespace ps::pipeline {

struct RunOptions {
    // Worker threads of the core's parallel loops for this run; 0: every core. A front end
    // that runs several jobs side by side gives each a share.
    unsigned threads = 0;
    RandomSource* blinding = nullptr;  // prove only; nullptr: OpenSSL's CSPRNG
};

struct ProvingRun {
    ProveResult prove;
    VerifyStepResult verify;  // the new proof checked with vk.key, as anyone would
    RunRecord record;         // as appended to runs.jsonl
};

// prove, then verify the new proof.json, then append the run to <folder>/runs.jsonl.
// Cancellation (ps::Cancelled) leaves no proof.json and no history line.
ProvingRun prove_and_record(const Project& project, const RunOptions& options, ProgressSink& progress);

struct SetupRun {
    SetupResult setup;
    RunRecord record;
};
SetupRun setup_and_record(const Project& project, const RunOptions& options, ProgressSink& progress);

// A queue of inputs for one model: <folder>/input*.json (sorted by name) ...
std::vector<std::filesystem::path> queue_inputs_in(const std::filesystem::path& folder);
// ... each proved with `base`'s circuit and keys; its witness.json and proof.json go to
// <folder>/proofs/<input file stem>/, so runs never overwrite each other's files.
Project project_for_input(const Project& base, const std::filesystem::path& input);
// gen-witness, then prove_and_record (the queue's job for one input).
ProvingRun witness_prove_and_record(const Project& project, const RunOptions& options, ProgressSink& progress);

// The stages prove_and_record ("prove": prove then verify) or setup_and_record ("setup")
// report, in order (stage_plan.hpp).
std::vector<std::string> planned_run_stages(std::string_view step, const Project& project);

}  // namespace ps::pipeline
