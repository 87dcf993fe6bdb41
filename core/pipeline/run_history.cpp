#include "core/pipeline/run_history.hpp"

#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sys/file.h>
#include <unistd.h>

namespace ps::pipeline {

double RunRecord::stage_milliseconds(std::string_view stage) const {
    double ms = 0;
    for (const auto& s : stages)
        if (s.stage == stage) ms += s.milliseconds;
    return ms;
}

std::string to_json_line(const RunRecord& r) {
    nlohmann::json stages = nlohmann::json::array();
    for (const auto& s : r.stages) stages.push_back({{"stage", s.stage}, {"ms", s.milliseconds}, {"depth", s.depth}});
    const nlohmann::json j = {
        {"date", r.date},
        {"step", r.step},
        {"settings_digest", r.settings_digest},
        {"input_digest", r.input_digest},
        {"stages", stages},
        {"total_ms", r.total_milliseconds},
        {"peak_rss_bytes", r.peak_rss_bytes},
        {"overlapping_jobs", r.overlapping_jobs},
        {"proof_bytes", r.proof_bytes},
        {"verify_ms", r.verify_milliseconds},
        {"verdict", r.verdict},
        {"threads", r.threads},
    };
    return j.dump();
}

RunRecord run_record_from_json_line(std::string_view line, const std::string& where) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
        throw Error(where, std::string("is not JSON: ") + e.what(), "delete the line (the other runs stay)");
    }
    if (!j.is_object() || !j.contains("step") || !j.contains("stages") || !j["stages"].is_array())
        throw Error(where, "is not a run record (needs \"step\" and \"stages\")", "delete the line");
    RunRecord r;
    try {
        r.date = j.value("date", "");
        r.step = j.at("step").get<std::string>();
        r.settings_digest = j.value("settings_digest", "");
        r.input_digest = j.value("input_digest", "");
        for (const auto& s : j["stages"])
            r.stages.push_back({s.at("stage").get<std::string>(), s.at("ms").get<double>(), s.value("depth", 0)});
        r.total_milliseconds = j.value("total_ms", 0.0);
        r.peak_rss_bytes = j.value("peak_rss_bytes", uint64_t(0));
        r.overlapping_jobs = j.value("overlapping_jobs", 0u);
        r.proof_bytes = j.value("proof_bytes", uint64_t(0));
        r.verify_milliseconds = j.value("verify_ms", 0.0);
        r.verdict = j.value("verdict", "");
        r.threads = j.value("threads", 0u);
    } catch (const nlohmann::json::exception& e) {
        throw Error(where, std::string("has a field of the wrong type: ") + e.what(), "delete the line");
    }
    return r;
}

std::filesystem::path run_history_path(const Project& project) {
    return project.folder() / std::string(run_history_file_name);
}

RunHistory read_run_history(const std::filesystem::path& path) {
    RunHistory h;
    std::ifstream in(path);
    if (!in) return h;
    std::string line;
    for (size_t number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = path.filename().string() + ":" + std::to_string(number);
        try {
            h.runs.push_back(run_record_from_json_line(line, where));
        } catch (const Error& e) {
            h.problems.push_back(e.what());
        }
    }
    return h;
}

namespace {

// Read, append, rename: two appenders finishing together would each rename their own copy
// and lose the other's line. The rename replaces the file's inode, so the lock is taken
// on the folder instead (flock works on a directory's descriptor and leaves no lock file
// behind); each open() is its own lock owner, so threads of one process take turns too.
class FolderLock {
public:
    explicit FolderLock(const std::filesystem::path& folder)
        : fd_(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        if (fd_ < 0)
            throw Error(folder.string(), std::string("cannot open the folder to record the run: ") + std::strerror(errno));
        while (::flock(fd_, LOCK_EX) != 0)
            if (errno != EINTR) {
                const int e = errno;
                ::close(fd_);
                throw Error(folder.string(), std::string("cannot lock the folder to record the run: ") + std::strerror(e));
            }
    }
    ~FolderLock() { ::close(fd_); }  // closing releases the lock
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int fd_;
};

}  // namespace

void append_run_record(const std::filesystem::path& path, const RunRecord& record) {
    const FolderLock turn(path.parent_path());
    std::string text;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        text = read_file_text(path);
        if (!text.empty() && text.back() != '\n') text += '\n';
    }
    text += to_json_line(record);
    text += '\n';
    write_file_atomically(path, text);
}

std::string utc_timestamp_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace ps::pipeline
