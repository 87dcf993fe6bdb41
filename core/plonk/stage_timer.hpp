#pragma once
// One prover/keygen stage: reported to the ProgressSink (which may cancel between
// stages) and timed, so proof.json and the GUI's timing chart show where time went.
#include "core/util/progress.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace ps::plonk {

struct StageTiming {
    std::string stage;
    double milliseconds = 0;
};

class TimedStage {
public:
    TimedStage(ProgressSink& sink, std::vector<StageTiming>& timings, std::string name, uint64_t total = 1)
        : stage_(sink, name, total), timings_(timings), name_(std::move(name)),
          start_(std::chrono::steady_clock::now()) {}
    ~TimedStage() {
        const auto end = std::chrono::steady_clock::now();
        timings_.push_back({name_, std::chrono::duration<double, std::milli>(end - start_).count()});
    }
    TimedStage(const TimedStage&) = delete;
    TimedStage& operator=(const TimedStage&) = delete;
    void advance(uint64_t done) { stage_.advance(done); }

private:
    ProgressStage stage_;
    std::vector<StageTiming>& timings_;
    std::string name_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace ps::plonk
