#include "core/pipeline/step.hpp"

namespace ps::pipeline {

StepRecorder::StepRecorder(std::string_view step, ProgressSink& inner)
    : step_(step), inner_(inner), start_(Clock::now()) {}

void StepRecorder::begin_stage(std::string_view name, uint64_t total) {
    open_.push_back({std::string(name), Clock::now()});
    inner_.begin_stage(name, total);
}

void StepRecorder::end_stage() {
    if (!open_.empty()) {
        const Open o = std::move(open_.back());
        open_.pop_back();
        timings_.push_back({o.name, std::chrono::duration<double, std::milli>(Clock::now() - o.start).count(),
                            int(open_.size())});
    }
    inner_.end_stage();
}

void StepRecorder::finish(StepResult& result) {
    result.step = step_;
    result.timings = std::move(timings_);
    timings_.clear();
    result.total_milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
}

std::string write_stage_name(const std::filesystem::path& path) { return "write " + path.filename().string(); }

}  // namespace ps::pipeline
