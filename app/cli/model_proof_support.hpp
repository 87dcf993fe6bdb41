#pragma once
// Shared by setup, prove and verify: printing a step's stage timings on stderr (the
// prover's stages are depth 1 inside the step's own).
#include "core/pipeline/step.hpp"

#include <cstdio>

namespace ps::cli {

inline void print_timings(const pipeline::StepResult& result) {
    std::fprintf(stderr, "%s: %.1f ms\n", result.step.c_str(), result.total_milliseconds);
    for (const auto& t : result.timings)
        std::fprintf(stderr, "  %*s%-*s %9.2f ms\n", 2 * t.depth, "", 34 - 2 * t.depth, t.stage.c_str(), t.milliseconds);
}

}  // namespace ps::cli
