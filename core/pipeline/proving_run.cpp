#include "core/pipeline/proving_run.hpp"

#include "core/artifacts/settings.hpp"
#include "core/pipeline/job_peak_memory.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/sha256.hpp"
#include "core/pipeline/step_gen_witness.hpp"

#include <algorithm>

#include <tbb/task_arena.h>

namespace ps::pipeline {

namespace {

// The arena caps the core's TBB loops at `threads` for this run only (no global state
// another job would inherit).
template <class Work>
auto in_arena(unsigned threads, Work&& work) {
    if (threads == 0) return work();
    tbb::task_arena arena{static_cast<int>(threads)};
    return arena.execute(std::forward<Work>(work));
}

std::string file_digest(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return {};
    return to_hex(sha256(std::span<const uint8_t>(read_file_bytes(path))));
}

std::string settings_digest_of(const Project& project) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(project.path(Artifact::Settings), ec)) return {};
    return to_hex(settings_digest(read_settings(project.path(Artifact::Settings))));
}

RunRecord start_record(std::string step, const Project& project, const RunOptions& options) {
    RunRecord r;
    r.date = utc_timestamp_now();
    r.step = std::move(step);
    r.settings_digest = settings_digest_of(project);
    r.threads = options.threads;
    return r;
}

void record_peak(const JobPeakMemory& memory, RunRecord& record) {
    const JobPeakMemory::Reading r = memory.read();
    record.peak_rss_bytes = r.peak_rss_bytes;
    record.overlapping_jobs = r.overlapping_jobs;
}

}  // namespace

ProvingRun prove_and_record(const Project& project, const RunOptions& options, ProgressSink& progress) {
    ProvingRun run;
    run.record = start_record("prove", project, options);
    run.record.input_digest = file_digest(project.path(Artifact::Input));
    ProveOptions prove_options;
    prove_options.blinding = options.blinding;
    {
        const JobPeakMemory memory;
        run.prove = in_arena(options.threads, [&] { return prove(project, prove_options, progress); });
        record_peak(memory, run.record);
    }
    run.verify = in_arena(options.threads, [&] { return verify(project, progress); });
    run.record.stages = run.prove.timings;
    run.record.total_milliseconds = run.prove.total_milliseconds;
    run.record.proof_bytes = run.prove.proof_bytes;
    run.record.verify_milliseconds = run.verify.verify_milliseconds;
    run.record.verdict = run.verify.verdict.ok ? "valid" : "invalid: " + run.verify.verdict.reason;
    append_run_record(run_history_path(project), run.record);
    return run;
}

SetupRun setup_and_record(const Project& project, const RunOptions& options, ProgressSink& progress) {
    SetupRun run;
    run.record = start_record("setup", project, options);
    {
        const JobPeakMemory memory;
        run.setup = in_arena(options.threads, [&] { return setup(project, progress); });
        record_peak(memory, run.record);
    }
    run.record.stages = run.setup.timings;
    run.record.total_milliseconds = run.setup.total_milliseconds;
    append_run_record(run_history_path(project), run.record);
    return run;
}

std::vector<std::filesystem::path> queue_inputs_in(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> inputs;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.rfind("input", 0) == 0 && e.path().extension() == ".json") inputs.push_back(e.path());
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

Project project_for_input(const Project& base, const std::filesystem::path& input) {
    Project p = base;
    p.set_path(Artifact::Input, input);
    const std::filesystem::path out = base.folder() / "proofs" / input.stem();
    p.set_path(Artifact::Witness, out / default_file_name(Artifact::Witness));
    p.set_path(Artifact::Proof, out / default_file_name(Artifact::Proof));
    return p;
}

ProvingRun witness_prove_and_record(const Project& project, const RunOptions& options, ProgressSink& progress) {
    std::filesystem::create_directories(project.path(Artifact::Proof).parent_path());
    in_arena(options.threads, [&] { return gen_witness(project, {}, progress); });
    return prove_and_record(project, options, progress);
}

std::vector<std::string> planned_run_stages(std::string_view step, const Project& project) {
    std::vector<std::string> stages = planned_stages(step, project);
    if (step == "prove") {
        const auto verifying = planned_stages("verify", project);
        stages.insert(stages.end(), verifying.begin(), verifying.end());
    }
    return stages;
}

}  // namespace ps::pipeline
