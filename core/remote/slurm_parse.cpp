#include "core/remote/slurm_parse.hpp"

#include "core/util/error.hpp"

#include <charconv>
#include <map>

namespace ps::remote {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s, const std::string& where) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) throw Error(where, "expected a number, found \"" + std::string(s) + "\"");
    return v;
}

std::map<std::string, std::string> key_values(std::string_view line) {
    std::map<std::string, std::string> kv;
    std::string* last = nullptr;
    for (std::string_view word : split(line, ' ')) {
        if (word.empty()) continue;
        const size_t eq = word.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            if (last) last->append(" ").append(word);
            continue;
        }
        last = &kv[std::string(word.substr(0, eq))];
        *last = std::string(word.substr(eq + 1));
    }
    return kv;
}

std::string value_or_empty(const std::map<std::string, std::string>& kv, const std::string& key) {
    const auto it = kv.find(key);
    return it == kv.end() || it->second == "(null)" ? std::string() : it->second;
}

}  // namespace

std::string parse_sbatch_job_id(std::string_view out) {
    const std::string_view line = trim(out);
    const std::string_view id = line.substr(0, line.find(';'));
    if (!all_digits(id))
        throw Error("sbatch --parsable", "expected a job id, found \"" + std::string(line) + "\"");
    return std::string(id);
}

std::pair<int, int> parse_exit_code(std::string_view text) {
    const auto parts = split(trim(text), ':');
    if (parts.size() != 2) throw Error("Slurm ExitCode", "expected N:S, found \"" + std::string(text) + "\"");
    return {to_int(parts[0], "Slurm ExitCode"), to_int(parts[1], "Slurm ExitCode")};
}

std::vector<JobInfo> parse_scontrol_jobs(std::string_view out) {
    std::vector<JobInfo> jobs;
    for (std::string_view line : split(out, '\n')) {
        line = trim(line);
        if (line.empty() || line == "No jobs in the system") continue;
        const auto kv = key_values(line);
        const std::string job_id = value_or_empty(kv, "JobId");
        if (job_id.empty()) throw Error("scontrol show job", "a line without JobId=: \"" + std::string(line.substr(0, 80)) + "\"");
        JobInfo j;
        j.array_job = value_or_empty(kv, "ArrayJobId");
        const std::string task = value_or_empty(kv, "ArrayTaskId");
        // A task's JobId is a number of its own; users and sbatch name it ARRAY_TASK.
        j.id = j.array_job.empty() ? job_id : j.array_job + "_" + (all_digits(task) ? task : "[" + task + "]");
        j.name = value_or_empty(kv, "JobName");
        j.state = value_or_empty(kv, "JobState");
        j.phase = phase_of_state(j.state);
        const std::string exit = value_or_empty(kv, "ExitCode");
        if (!exit.empty()) std::tie(j.exit_code, j.signal) = parse_exit_code(exit);
        j.reason = value_or_empty(kv, "Reason");
        if (j.reason == "None") j.reason.clear();
        j.partition = value_or_empty(kv, "Partition");
        j.run_time = value_or_empty(kv, "RunTime");
        j.work_dir = value_or_empty(kv, "WorkDir");
        j.log = value_or_empty(kv, "StdOut");
        jobs.push_back(std::move(j));
    }
    return jobs;
}

std::vector<JobInfo> parse_sacct_jobs(std::string_view out) {
    std::vector<JobInfo> jobs;
    for (std::string_view line : split(out, '\n')) {
        line = trim(line);
        if (line.empty()) continue;
        const auto f = split(line, '|');
        if (f.size() < 7) throw Error("sacct -P", "expected 7 fields separated by '|', found \"" + std::string(line) + "\"");
        if (f[0].find('.') != std::string_view::npos) continue;  // a job step
        JobInfo j;
        j.id = std::string(f[0]);
        if (const size_t u = j.id.find('_'); u != std::string::npos) j.array_job = j.id.substr(0, u);
        j.name = std::string(f[1]);
        j.state = std::string(f[2].substr(0, f[2].find(' ')));
        j.phase = phase_of_state(f[2]);
        std::tie(j.exit_code, j.signal) = parse_exit_code(f[3]);
        j.partition = std::string(f[4]);
        j.run_time = std::string(f[5]);
        j.work_dir = std::string(f[6]);
        jobs.push_back(std::move(j));
    }
    return jobs;
}

std::vector<JobInfo> parse_squeue_jobs(std::string_view out) {
    std::vector<JobInfo> jobs;
    for (std::string_view line : split(out, '\n')) {
        line = trim(line);
        if (line.empty()) continue;
        const auto f = split(line, '|');
        if (f.size() < 7) throw Error("squeue", "expected 7 fields separated by '|', found \"" + std::string(line) + "\"");
        JobInfo j;
        j.id = std::string(f[0]);
        if (const size_t u = j.id.find('_'); u != std::string::npos) j.array_job = j.id.substr(0, u);
        j.name = std::string(f[1]);
        j.state = std::string(f[2]);
        j.phase = phase_of_state(j.state);
        j.run_time = std::string(f[3]);
        j.partition = std::string(f[4]);
        j.reason = f[5] == "None" ? std::string() : std::string(f[5]);
        j.work_dir = std::string(f[6]);
        jobs.push_back(std::move(j));
    }
    return jobs;
}

std::string slurm_message(std::string_view err) {
    std::string msg;
    for (std::string_view line : split(err, '\n')) {
        line = trim(line);
        if (line.empty()) continue;
        for (std::string_view prefix : {"sbatch: error: ", "scontrol: error: ", "squeue: error: ", "scancel: error: ",
                                        "sacct: error: ", "error: "})
            if (line.starts_with(prefix)) line.remove_prefix(prefix.size());
        if (!msg.empty()) msg += "; ";
        msg += line;
    }
    return msg;
}

}  // namespace ps::remote
