#pragma once
// The run history of a project: one JSON object per line in <folder>/runs.jsonl, one line
// per setup or prove run (date, settings and input digests, per-stage timings, peak RSS,
// proof size, verify time, verdict). It survives restarts, so the GUI can chart prove
// time over runs and compare two runs stage by stage. It is kept apart from proof.json on
// purpose: timings and the input's digest say something about the private input, and
// proof.json carries only what proof_json_fields() allows.
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ps::pipeline {

inline constexpr std::string_view run_history_file_name = "runs.jsonl";

struct RunRecord {
    std::string date;             // ISO 8601, UTC: "2026-12-01T14:03:11Z"
    std::string step;             // "prove" or "setup"
    std::string settings_digest;  // SHA-256 of settings.json's canonical form (settings_digest), hex
    std::string input_digest;     // SHA-256 of input.json's bytes, hex; empty for setup
    std::vector<StageTiming> stages;
    double total_milliseconds = 0;
    uint64_t peak_rss_bytes = 0;  // of this run (0: unknown)
    // Other jobs of the same process that ran during this one (the GUI's queue): the
    // process has one memory high-water mark, so peak_rss_bytes then includes theirs.
    unsigned overlapping_jobs = 0;
    uint64_t proof_bytes = 0;     // prove only
    double verify_milliseconds = 0;  // prove only: the proof checked right after it was made
    std::string verdict;          // "valid", "invalid: <reason>", or "" (setup)
    unsigned threads = 0;         // the core's worker threads during the run (0: all cores)

    double stage_milliseconds(std::string_view stage) const;  // 0 when the stage is absent
};

std::string to_json_line(const RunRecord& record);  // one line, no newline
// Throws ps::Error naming `where` when the line is not a run record.
RunRecord run_record_from_json_line(std::string_view line, const std::string& where);

struct RunHistory {
    std::vector<RunRecord> runs;        // oldest first
    std::vector<std::string> problems;  // "runs.jsonl:7: …" for each line that was skipped
};

std::filesystem::path run_history_path(const Project& project);
// A missing file is an empty history; unreadable lines are skipped and named.
RunHistory read_run_history(const std::filesystem::path& path);
// Appends one line (the file rewritten through a temporary file and rename, so a crash
// never leaves half a line). Appends take turns — threads of one process and separate
// processes (the GUI and a CLI in the same project) alike — so no line is lost.
void append_run_record(const std::filesystem::path& path, const RunRecord& record);

// "2026-12-01T14:03:11Z" for now.
std::string utc_timestamp_now();

}  // namespace ps::pipeline
