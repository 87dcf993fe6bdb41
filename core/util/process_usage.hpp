#pragma once
// What this process costs the machine right now: resident memory (current and peak) and
// CPU time, plus the memory still available. The GUI's live chart and the run history
// read them; reading /proc keeps the core free of any toolkit. Zero where unknown
// (a platform without /proc): callers show "unknown", never a guess.
#include <cstdint>

namespace ps {

struct ProcessUsage {
    uint64_t rss_bytes = 0;       // resident now (/proc/self/statm)
    uint64_t peak_rss_bytes = 0;  // high-water mark (VmHWM) since start or reset_peak_rss()
    double cpu_seconds = 0;       // user + system time of all threads so far
};

ProcessUsage sample_process_usage();

// Lowers the high-water mark to the current RSS (Linux ≥ 4.0, /proc/self/clear_refs), so
// the peak of one job is measured rather than the process's lifetime peak. False when
// the kernel refused: the peak then includes earlier work.
bool reset_peak_rss();

// MemAvailable of /proc/meminfo: what can be allocated without swapping.
uint64_t available_memory_bytes();

}  // namespace ps
