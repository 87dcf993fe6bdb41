#include "core/util/process_usage.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>

namespace ps {

namespace {
// A "Key:  123 kB" line of a /proc file, in bytes; 0 when absent.
uint64_t proc_kib_field(const char* file, const std::string& wanted) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(wanted, 0) == 0) {
            std::istringstream value(line.substr(wanted.size()));
            uint64_t kib = 0;
            return value >> kib ? kib * 1024 : 0;
        }
    return 0;
}
}  // namespace

ProcessUsage sample_process_usage() {
    ProcessUsage u;
    u.rss_bytes = proc_kib_field("/proc/self/status", "VmRSS:");
    u.peak_rss_bytes = proc_kib_field("/proc/self/status", "VmHWM:");
    rusage r{};
    if (getrusage(RUSAGE_SELF, &r) == 0)
        u.cpu_seconds = double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
                        double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
    if (u.peak_rss_bytes < u.rss_bytes) u.peak_rss_bytes = u.rss_bytes;
    return u;
}

bool reset_peak_rss() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";  // proc(5): "5: reset the peak resident set size to the current RSS"
    clear.flush();
    return bool(clear);
}

uint64_t available_memory_bytes() { return proc_kib_field("/proc/meminfo", "MemAvailable:"); }

}  // namespace ps
