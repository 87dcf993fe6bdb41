#pragma once
// How much memory setup or prove will need at its peak, before it starts: the GUI warns
// when that exceeds what the machine has free. Measured beats modelled: the peak RSS of
// the project's last run of the same step with the same settings (runs.jsonl) when there
// is one; otherwise a rough figure from the sizes of the files the step loads.
#include "core/pipeline/project.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace ps::pipeline {

struct MemoryEstimate {
    uint64_t bytes = 0;  // 0: no idea (the step is not setup or prove, or its files are missing)
    std::string basis;   // "peak of the last prove run (runs.jsonl)" / "rough: 4 × pk.key + kzg.srs"
};

MemoryEstimate estimate_peak_memory(std::string_view step, const Project& project);

}  // namespace ps::pipeline
