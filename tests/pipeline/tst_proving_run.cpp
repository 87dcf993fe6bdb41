// core/pipeline's recorded runs: the stage plan equals what setup and prove report, a
// prove run appends one history line (and proof.json gains no timings), cancelling at
// several stages leaves no proof and no history line and the next run succeeds, the run
// history file survives a bad line, and each tamper yields "invalid" from the real
// verifier with its reason while the genuine proof stays valid.
#include "core/pipeline/job_peak_memory.hpp"
#include "core/pipeline/pipeline.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/util/atomic_file.hpp"
#include "demo_model.hpp"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

using namespace ps::pipeline;
namespace fs = std::filesystem;

namespace {

// Records the top-level stage names; asks to stop when `cancel_at` begins.
class Recorder final : public ps::ProgressSink {
public:
    explicit Recorder(std::string cancel_at = {}) : cancel_at_(std::move(cancel_at)) {}
    void begin_stage(std::string_view name, uint64_t) override {
        if (depth_++ == 0) top.emplace_back(name);
        if (!cancel_at_.empty() && name == cancel_at_) {
            cancel_ = true;
            asked = std::chrono::steady_clock::now();
        }
    }
    void advance(uint64_t) override {}
    void end_stage() override { --depth_; }
    bool cancelled() const override { return cancel_; }
    std::vector<std::string> top;
    std::chrono::steady_clock::time_point asked;

private:
    std::string cancel_at_;
    int depth_ = 0;
    std::atomic<bool> cancel_{false};
};

std::vector<std::string> top_level(const StepResult& r) {
    std::vector<std::string> names;
    for (const auto& t : r.timings)
        if (t.depth == 0) names.push_back(t.stage);
    return names;
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
}

}  // namespace

class TestProvingRun : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    Project project_;

private slots:
    void initTestCase() {
        ps::demo::write_demo_project(dir_.path().toStdString());
        project_ = Project(dir_.path().toStdString());
        ps::NullProgress quiet;
        gen_settings(project_, {}, quiet);
        compile_circuit(project_, {}, quiet);
        gen_witness(project_, {}, quiet);
        GenSrsOptions srs;
        srs.seed = 7;  // reproducible and public: a test SRS
        gen_srs(project_, srs, quiet);
        setup_and_record(project_, {}, quiet);  // keys for every test, whichever runs alone
    }

    // The GUI draws its rows from the plan before the step runs: every name must be one
    // the core then reports, in the same order.
    void stage_plan_is_what_setup_and_prove_report() {
        Recorder setup_sink;
        const SetupRun setup = setup_and_record(project_, {}, setup_sink);
        QCOMPARE(top_level(setup.setup), planned_stages("setup", project_));
        QCOMPARE(setup_sink.top, planned_run_stages("setup", project_));

        Recorder prove_sink;
        const ProvingRun run = prove_and_record(project_, {}, prove_sink);
        QCOMPARE(top_level(run.prove), planned_stages("prove", project_));
        QCOMPARE(prove_sink.top, planned_run_stages("prove", project_));  // prove, then verify
        QVERIFY(run.verify.verdict.ok);
    }

    void a_prove_run_appends_one_history_line_and_proof_json_stays_private() {
        const fs::path history = run_history_path(project_);
        const size_t before = read_run_history(history).runs.size();
        ps::NullProgress quiet;
        RunOptions options;
        options.threads = 1;
        const ProvingRun run = prove_and_record(project_, options, quiet);
        const RunHistory h = read_run_history(history);
        QCOMPARE(h.runs.size(), before + 1);
        QVERIFY(h.problems.empty());
        const RunRecord& r = h.runs.back();
        QCOMPARE(r.step, std::string("prove"));
        QCOMPARE(r.verdict, std::string("valid"));
        QCOMPARE(r.threads, 1u);
        QCOMPARE(r.proof_bytes, uint64_t(run.prove.proof_bytes));
        QVERIFY(r.proof_bytes > 100);
        QCOMPARE(r.settings_digest.size(), size_t(64));
        QCOMPARE(r.input_digest.size(), size_t(64));
        QVERIFY(r.peak_rss_bytes > 1'000'000);
        QVERIFY(r.verify_milliseconds > 0);
        QVERIFY(r.stage_milliseconds("vanishing argument") > 0);
        QCOMPARE(r.date.size(), size_t(20));
        // proof.json: only the allow-listed fields, no timings, no digests.
        const auto proof = nlohmann::json::parse(ps::read_file_text(project_.path(Artifact::Proof)));
        const auto& allowed = ps::plonk::proof_json_fields();
        for (const auto& [key, value] : proof.items())
            QVERIFY2(std::find(allowed.begin(), allowed.end(), key) != allowed.end(), key.c_str());
        QVERIFY(!proof.contains("timings"));
    }

    void cancelling_at_any_stage_leaves_no_proof_and_no_history_line() {
        const fs::path proof = project_.path(Artifact::Proof);
        const fs::path history = run_history_path(project_);
        ps::NullProgress quiet;
        for (const char* stage : {"read pk.key", "lay out the witness", "commit advice", "vanishing argument",
                                  "multi-point opening", "write proof.json", "verify the proof"}) {
            fs::remove(proof);
            const size_t runs = read_run_history(history).runs.size();
            const auto files = files_in(project_.folder());
            Recorder sink(stage);
            bool cancelled = false;
            try {
                prove_and_record(project_, {}, sink);
            } catch (const ps::Cancelled&) {
                cancelled = true;
            }
            const double latency_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sink.asked).count();
            qInfo("cancel at '%s': stopped %.0f ms after the request", stage, latency_ms);
            QVERIFY2(cancelled, stage);
            // Before the write: no proof.json. From the write on (a stage that began runs to
            // its end): a complete proof that verifies, never a half-written one. Either
            // way the run is not recorded.
            const bool from_write = std::string_view(stage) == "write proof.json" || std::string_view(stage) == "verify the proof";
            if (!from_write) QVERIFY2(!fs::exists(proof), stage);
            else QVERIFY2(verify(VerifyPaths::of(project_), quiet).verdict.ok, stage);
            QCOMPARE(read_run_history(history).runs.size(), runs);
            auto now = files_in(project_.folder());
            now.erase("proof.json");
            auto expected = files;
            expected.erase("proof.json");
            QCOMPARE(now, expected);  // no temporary file left
        }
        const ProvingRun next = prove_and_record(project_, {}, quiet);  // and the next run succeeds
        QVERIFY(next.verify.verdict.ok);
    }

    void memory_estimate_is_the_last_measured_peak() {
        const RunHistory h = read_run_history(run_history_path(project_));
        uint64_t last_prove_peak = 0;
        for (const auto& r : h.runs)
            if (r.step == "prove") last_prove_peak = r.peak_rss_bytes;
        const MemoryEstimate e = estimate_peak_memory("prove", project_);
        QCOMPARE(e.bytes, last_prove_peak);
        QVERIFY2(e.basis.find("runs.jsonl") != std::string::npos, e.basis.c_str());
        // Without a history: a rough figure from the files, said to be rough.
        QTemporaryDir other;
        for (const char* f : {"settings.json", "pk.key", "kzg.srs"})
            fs::copy_file(project_.folder() / f, fs::path(other.path().toStdString()) / f);
        const MemoryEstimate rough = estimate_peak_memory("prove", Project(other.path().toStdString()));
        QVERIFY(rough.bytes > fs::file_size(project_.path(Artifact::ProvingKey)));
        QVERIFY(rough.basis.rfind("rough", 0) == 0);
        QCOMPARE(estimate_peak_memory("verify", project_).bytes, uint64_t(0));
    }

    void history_reader_skips_bad_lines_and_names_them() {
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / "runs.jsonl";
        QCOMPARE(read_run_history(path).runs.size(), size_t(0));  // no file: no runs
        RunRecord r;
        r.date = "2026-12-01T14:00:00Z";
        r.step = "prove";
        r.stages = {{"commit advice", 12.5, 0}, {"SRS consistency", 1.0, 1}};
        r.total_milliseconds = 20;
        r.proof_bytes = 2816;
        r.verdict = "valid";
        append_run_record(path, r);
        ps::write_file_atomically(path, ps::read_file_text(path) + "{not json\n");
        r.verdict = "invalid: vanishing";
        append_run_record(path, r);
        const RunHistory h = read_run_history(path);
        QCOMPARE(h.runs.size(), size_t(2));
        QCOMPARE(h.problems.size(), size_t(1));
        QVERIFY2(h.problems[0].find("runs.jsonl:2") != std::string::npos, h.problems[0].c_str());
        QCOMPARE(h.runs[0].stages.size(), size_t(2));
        QCOMPARE(h.runs[0].stages[1].depth, 1);
        QCOMPARE(h.runs[0].stage_milliseconds("commit advice"), 12.5);
        QCOMPARE(h.runs[1].verdict, std::string("invalid: vanishing"));
        // Queue jobs finishing together: every line kept.
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i) threads.emplace_back([&] { append_run_record(path, r); });
        for (auto& t : threads) t.join();
        QCOMPARE(read_run_history(path).runs.size(), size_t(10));
    }

    // The GUI and a CLI in the same project (or two CLIs) appending at once: processes
    // cannot share the in-process turn, so the folder lock is what keeps every line.
    void appends_from_several_processes_keep_every_line() {
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / "runs.jsonl";
        RunRecord r;
        r.step = "prove";
        constexpr int processes = 4, appends_each = 40;
        std::vector<pid_t> children;
        for (int p = 0; p < processes; ++p) {
            const pid_t pid = fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                int status = 0;
                try {
                    for (int i = 0; i < appends_each; ++i) append_run_record(path, r);
                } catch (...) {
                    status = 1;
                }
                _exit(status);
            }
            children.push_back(pid);
        }
        for (pid_t pid : children) {
            int status = -1;
            QCOMPARE(waitpid(pid, &status, 0), pid);
            QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        }
        const RunHistory h = read_run_history(path);
        QVERIFY(h.problems.empty());
        QCOMPARE(h.runs.size(), size_t(processes * appends_each));
        QCOMPARE(files_in(dir.path().toStdString()), std::set<std::string>{"runs.jsonl"});
    }

    // One process, two jobs at once (the queue): the second job's record says its peak
    // includes the other's memory; a job alone says nothing of the kind.
    void overlapping_jobs_are_counted_in_the_peak_memory() {
        {
            const JobPeakMemory alone;
            QCOMPARE(alone.read().overlapping_jobs, 0u);
            QVERIFY(alone.read().peak_rss_bytes > 0);
        }
        auto first = std::make_unique<JobPeakMemory>();
        const JobPeakMemory second;  // started while the first runs
        QCOMPARE(first->read().overlapping_jobs, 1u);
        QCOMPARE(second.read().overlapping_jobs, 1u);
        first.reset();
        const JobPeakMemory third;  // overlaps only the second
        QCOMPARE(second.read().overlapping_jobs, 2u);
        QCOMPARE(third.read().overlapping_jobs, 1u);
        RunRecord shared;
        shared.step = "prove";
        shared.overlapping_jobs = 2;
        const RunRecord back = run_record_from_json_line(to_json_line(shared), "line");
        QCOMPARE(back.overlapping_jobs, 2u);
    }

    void every_tamper_is_invalid_with_the_verifiers_reason() {
        ps::NullProgress quiet;
        if (!fs::exists(project_.path(Artifact::Proof))) prove_and_record(project_, {}, quiet);
        const TamperSources sources = TamperSources::of(project_);
        const VerifyPaths& genuine = sources.genuine;
        const std::string proof_before = ps::read_file_text(genuine.proof);
        const std::string circuit_before = ps::read_file_text(sources.compiled);
        QTemporaryDir scratch;
        for (Tamper kind : {Tamper::ProofByte, Tamper::ClaimedOutput, Tamper::OtherModelKey}) {
            const TamperVerdict v = verify_tampered(sources, kind, scratch.path().toStdString(), quiet);
            QVERIFY2(!v.result.verdict.ok, to_string(kind));
            QVERIFY2(!v.result.verdict.reason.empty(), to_string(kind));
            QVERIFY(!v.copy.what_changed.empty());
            qInfo("%s: %s -> %s (%s)", to_string(kind), v.copy.what_changed.c_str(),
                  ps::plonk::to_string(v.result.verdict.check), v.result.verdict.reason.c_str());
            // The demo's weights are fixed: the other key comes from setup on a changed model.
            if (kind == Tamper::OtherModelKey) QVERIFY2(v.copy.what_changed.find("made by setup") != std::string::npos, v.copy.what_changed.c_str());
        }
        QCOMPARE(ps::read_file_text(sources.compiled), circuit_before);
        // The genuine files are untouched and still verify.
        QCOMPARE(ps::read_file_text(genuine.proof), proof_before);
        QVERIFY(verify(genuine, quiet).verdict.ok);
    }
};

QTEST_GUILESS_MAIN(TestProvingRun)
#include "tst_proving_run.moc"
