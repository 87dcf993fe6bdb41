#include "core/pipeline/job_peak_memory.hpp"

#include "core/util/process_usage.hpp"

#include <mutex>

namespace ps::pipeline {

namespace {
std::mutex jobs_mutex;
unsigned jobs_running = 0;
uint64_t jobs_started = 0;
}  // namespace

JobPeakMemory::JobPeakMemory() {
    const std::lock_guard<std::mutex> lock(jobs_mutex);
    running_at_start_ = jobs_running;
    if (jobs_running == 0) reset_peak_rss();
    ++jobs_running;
    started_serial_ = ++jobs_started;
}

JobPeakMemory::~JobPeakMemory() {
    const std::lock_guard<std::mutex> lock(jobs_mutex);
    --jobs_running;
}

JobPeakMemory::Reading JobPeakMemory::read() const {
    Reading r;
    r.peak_rss_bytes = sample_process_usage().peak_rss_bytes;
    const std::lock_guard<std::mutex> lock(jobs_mutex);
    r.overlapping_jobs = running_at_start_ + unsigned(jobs_started - started_serial_);
    return r;
}

}  // namespace ps::pipeline
