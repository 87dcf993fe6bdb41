#pragma once
// The stages a step will report, in order, before it runs: the GUI shows one progress
// row per stage from the start (and the overall bar weighs them), so the rows come from
// the core that reports them, not from the GUI. tests/pipeline checks that the names
// here are exactly those the step reports. A stage that only sometimes runs (downsizing
// a larger SRS) is not planned; a front end adds a row when it begins.
#include "core/pipeline/project.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ps::pipeline {

// The proof system's rounds, as plonk::create_proof and plonk::keygen report them.
const std::vector<std::string>& prover_rounds();
const std::vector<std::string>& keygen_rounds();

// Every stage `step` reports on `project`'s default paths, in order; empty for a step
// without a plan (the front end then adds rows as stages begin).
std::vector<std::string> planned_stages(std::string_view step, const Project& project);

}  // namespace ps::pipeline
