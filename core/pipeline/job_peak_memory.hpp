#pragma once
// The peak resident memory of one job in a process that may run several at once (the
// GUI's queue). Linux keeps one high-water mark per process, so a job resets it only when
// no other job is running (resetting would hide the others' peaks), and a job that
// overlapped others says how many: its peak then includes their memory too.
#include <cstdint>

namespace ps::pipeline {

class JobPeakMemory {
public:
    JobPeakMemory();  // the job starts
    ~JobPeakMemory();  // the job ends
    JobPeakMemory(const JobPeakMemory&) = delete;
    JobPeakMemory& operator=(const JobPeakMemory&) = delete;

    struct Reading {
        uint64_t peak_rss_bytes = 0;
        unsigned overlapping_jobs = 0;  // other jobs that ran at some moment of this one
    };
    Reading read() const;

private:
    unsigned running_at_start_ = 0;  // other jobs already running when this one began
    uint64_t started_serial_ = 0;    // jobs started in this process before and including this one
};

}  // namespace ps::pipeline
