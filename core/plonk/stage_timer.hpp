#pragma once
// One prover/keygen stage: reported to the ProgressSink (which may cancel between
// stages) and timed, so proof.json and the GUI's timing chart show where time went.
#include "core/util/kernel_meter.hpp"
#include "core/util/progress.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace ps::plonk {

struct StageTiming {
    std::string stage;
    double milliseconds = 0;
    // Of which inside msm() and ntt::transform (core/util/kernel_meter.hpp): thread time,
    // equal to wall time when one thread runs the stage.
    double msm_milliseconds = 0;
    double ntt_milliseconds = 0;
    uint64_t msm_calls = 0, ntt_calls = 0;
};

class TimedStage {
public:
    TimedStage(ProgressSink& sink, std::vector<StageTiming>& timings, std::string name, uint64_t total = 1)
        : stage_(sink, name, total), sink_(sink), timings_(timings), name_(std::move(name)),
          msm_start_(meter::totals(meter::Kernel::Msm)), ntt_start_(meter::totals(meter::Kernel::Ntt)),
          start_(std::chrono::steady_clock::now()) {}
    ~TimedStage() {
        const auto end = std::chrono::steady_clock::now();
        StageTiming t;
        t.stage = name_;
        t.milliseconds = std::chrono::duration<double, std::milli>(end - start_).count();
        t.msm_milliseconds = since(meter::Kernel::Msm, msm_start_);
        t.ntt_milliseconds = since(meter::Kernel::Ntt, ntt_start_);
        t.msm_calls = meter::totals(meter::Kernel::Msm).calls - msm_start_.calls;
        t.ntt_calls = meter::totals(meter::Kernel::Ntt).calls - ntt_start_.calls;
        timings_.push_back(std::move(t));
    }
    TimedStage(const TimedStage&) = delete;
    TimedStage& operator=(const TimedStage&) = delete;
    void advance(uint64_t done) { stage_.advance(done); }
    // Throws Cancelled when the sink asks to stop (work inside a stage calls it between chunks).
    void check_cancelled() const { throw_if_cancelled(sink_); }

private:
    static double since(meter::Kernel k, const meter::KernelTotals& start) {
        return double(meter::totals(k).nanoseconds - start.nanoseconds) / 1e6;
    }

    ProgressStage stage_;
    ProgressSink& sink_;
    std::vector<StageTiming>& timings_;
    std::string name_;
    meter::KernelTotals msm_start_, ntt_start_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace ps::plonk
