#include "core/pipeline/stage_plan.hpp"

#include "core/pipeline/step.hpp"

namespace ps::pipeline {

namespace {
std::string read_stage(const Project& p, Artifact a) { return "read " + p.path(a).filename().string(); }
}  // namespace

// Mirrors the TimedStage names in core/plonk/prover.cpp (halo2's round order).
const std::vector<std::string>& prover_rounds() {
    static const std::vector<std::string> rounds = {
        "commit advice",      "lookup multiplicities", "permutation products", "lookup accumulators",
        "vanishing argument", "evaluate",              "multi-point opening",
    };
    return rounds;
}

// Mirrors core/plonk/keygen.cpp.
const std::vector<std::string>& keygen_rounds() {
    static const std::vector<std::string> rounds = {"commit fixed columns", "permutation keys",
                                                    "precompute proving key"};
    return rounds;
}

std::vector<std::string> planned_stages(std::string_view step, const Project& p) {
    using enum Artifact;
    std::vector<std::string> s;
    auto append = [&s](const std::vector<std::string>& more) { s.insert(s.end(), more.begin(), more.end()); };
    if (step == "prove") {
        s = {read_stage(p, CompiledCircuit), read_stage(p, Witness), read_stage(p, ProvingKey), read_stage(p, Srs),
             "lay out the witness"};
        append(prover_rounds());
        s.push_back(write_stage_name(p.path(Proof)));
    } else if (step == "setup") {
        s = {read_stage(p, CompiledCircuit), read_stage(p, Srs), "lay out the circuit"};
        append(keygen_rounds());
        s.push_back(write_stage_name(p.path(VerifyingKey)));
        s.push_back(write_stage_name(p.path(ProvingKey)));
    } else if (step == "verify") {
        s = {read_stage(p, Settings), read_stage(p, VerifyingKey), read_stage(p, Srs), read_stage(p, Proof),
             "verify the proof"};
    }
    return s;
}

}  // namespace ps::pipeline
