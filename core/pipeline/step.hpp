#pragma once
// The vocabulary every pipeline step shares: a result with the files it wrote and the
// wall time of each stage, and the recorder that measures those stages while passing
// progress and cancellation through to the caller's sink (terminal bar, Qt signals).
#include "core/util/progress.hpp"

#include <chrono>
#include <type_traits>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ps::pipeline {

struct StageTiming {
    std::string stage;  // "load network.onnx", "fixed-point run", "write witness.json"
    double milliseconds = 0;
    int depth = 0;      // 0 for the step's own stages, 1+ for stages the core reports inside them
};

struct StepResult {
    std::string step;                              // "gen-witness"
    std::vector<std::filesystem::path> written;    // every artifact written (atomically)
    std::vector<StageTiming> timings;              // in the order the stages ended
    double total_milliseconds = 0;
    std::vector<std::string> notes;                // things the user should read (input.json notes, ...)
};

// Forwards everything to `inner` and records when each stage begins and ends, so a
// step's result carries the timings without the caller measuring anything.
class StepRecorder final : public ProgressSink {
public:
    StepRecorder(std::string_view step, ProgressSink& inner);

    void begin_stage(std::string_view name, uint64_t total) override;
    void advance(uint64_t done) override { inner_.advance(done); }
    void end_stage() override;
    bool cancelled() const override { return inner_.cancelled(); }

    // Moves the recorded timings and the total into `result` (and its step name).
    void finish(StepResult& result);

private:
    using Clock = std::chrono::steady_clock;
    struct Open {
        std::string name;
        Clock::time_point start;
    };
    std::string step_;
    ProgressSink& inner_;
    Clock::time_point start_;
    std::vector<Open> open_;
    std::vector<StageTiming> timings_;
};

// Runs `work` as one named stage of the step: cancellation is checked before it begins
// and after it ends, so a cancelled job stops between stages even when `work` itself
// never looks at the sink.
template <class Work>
auto run_stage(ProgressSink& sink, std::string_view name, Work&& work) {
    {
        ProgressStage stage(sink, name, 1);
        if constexpr (std::is_void_v<decltype(work())>) {
            work();
            stage.advance(1);
        } else {
            auto value = work();
            stage.advance(1);
            throw_if_cancelled(sink);
            return value;
        }
    }
    throw_if_cancelled(sink);
}

// "write settings.json": the stage name for writing the file at `path`.
std::string write_stage_name(const std::filesystem::path& path);

}  // namespace ps::pipeline
