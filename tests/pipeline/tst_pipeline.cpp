// core/pipeline: the project's file table, each step on the demo model, cancellation
// during a step, and the inventory's consistency checks naming file and field.
#include "core/kzg/srs.hpp"
#include "core/pipeline/pipeline.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/keygen.hpp"
#include "core/plonk/synthetic_circuit.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "demo_model.hpp"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>

using namespace ps::pipeline;
namespace fs = std::filesystem;

namespace {

// Asks to stop once a stage reported by the core *inside* a step has made progress:
// cancellation must then come from within the work, not from the check before it.
class CancelInside final : public ps::ProgressSink {
public:
    explicit CancelInside(std::string stage) : stage_(std::move(stage)) {}
    void begin_stage(std::string_view name, uint64_t) override {
        names_.emplace_back(name);
        in_target_ = name == stage_;
    }
    void advance(uint64_t done) override {
        if (in_target_ && done > 0) cancel_ = true;
    }
    void end_stage() override { in_target_ = false; }
    bool cancelled() const override { return cancel_; }
    std::vector<std::string> names_;

private:
    std::string stage_;
    bool in_target_ = false;
    std::atomic<bool> cancel_{false};
};

size_t files_in(const fs::path& dir) {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

bool has_stage(const StepResult& r, const std::string& name) {
    for (const auto& t : r.timings)
        if (t.stage == name) return t.milliseconds >= 0;
    return false;
}

Project demo_project(const QTemporaryDir& dir) {
    ps::demo::write_demo_project(dir.path().toStdString());
    return Project(dir.path().toStdString());
}

void run_setup_steps(const Project& p) {
    ps::NullProgress quiet;
    gen_settings(p, {}, quiet);
    compile_circuit(p, {}, quiet);
}

}  // namespace

class TestPipeline : public QObject {
    Q_OBJECT
private slots:
    void project_uses_ezkl_default_names_and_overrides() {
        const Project p("/data/mnist", "/elsewhere/digit.json");
        QCOMPARE(p.path(Artifact::Settings), fs::path("/data/mnist/settings.json"));
        QCOMPARE(p.path(Artifact::CompiledCircuit), fs::path("/data/mnist/network.ezkl"));
        QCOMPARE(p.path(Artifact::Srs), fs::path("/data/mnist/kzg.srs"));
        QCOMPARE(p.path(Artifact::Input), fs::path("/elsewhere/digit.json"));
        QCOMPARE(Project("/x").path(Artifact::Input), fs::path("/x/input.json"));
        QCOMPARE(artifact_named("pk.key"), std::optional(Artifact::ProvingKey));
        QVERIFY(!artifact_named("model.onnx"));
        QTemporaryDir dir;
        QCOMPARE(resolve_path(dir.path().toStdString(), Artifact::Witness), fs::path(dir.path().toStdString()) / "witness.json");
        QCOMPARE(resolve_path({}, Artifact::Model), fs::path("network.onnx"));
    }

    void step_table_says_which_step_makes_which_file_from_which() {
        QCOMPARE(step_making(Artifact::Settings)->name, std::string_view("gen-settings"));
        QCOMPARE(step_making(Artifact::CompiledCircuit)->name, std::string_view("compile-circuit"));
        QCOMPARE(step_making(Artifact::Witness)->name, std::string_view("gen-witness"));
        QCOMPARE(step_making(Artifact::ProvingKey)->name, std::string_view("setup"));
        QCOMPARE(step_making(Artifact::VerifyingKey)->name, std::string_view("setup"));
        QCOMPARE(step_making(Artifact::Proof)->name, std::string_view("prove"));
        QVERIFY(!step_making(Artifact::Model));
        QVERIFY(!step_making(Artifact::Input));
        const StepSpec* setup = find_step("setup");
        QVERIFY(setup && setup->available);
        QCOMPARE(setup->reads, (std::vector{Artifact::CompiledCircuit, Artifact::Srs}));
        QCOMPARE(find_step("verify")->reads,
                 (std::vector{Artifact::Proof, Artifact::Settings, Artifact::VerifyingKey, Artifact::Srs}));
        for (const char* s : {"gen-settings", "calibrate-settings", "compile-circuit", "gen-srs", "gen-witness", "setup",
                              "mock", "prove", "verify"})
            QVERIFY2(find_step(s) && find_step(s)->available, s);
        QVERIFY(!find_step("prove-synthetic"));
    }

    void setup_and_witness_steps_write_their_files_with_stage_timings() {
        QTemporaryDir dir;
        const Project p = demo_project(dir);
        ps::NullProgress quiet;
        const GenSettingsResult s = gen_settings(p, {}, quiet);
        QCOMPARE(s.step, std::string("gen-settings"));
        QCOMPARE(s.written, std::vector{p.path(Artifact::Settings)});
        QVERIFY(has_stage(s, "load network.onnx"));
        QVERIFY(has_stage(s, "write settings.json"));
        QCOMPARE(ps::read_settings(p.path(Artifact::Settings)), [&] {
            ps::Settings stamped = s.settings;
            stamped.timestamp = ps::read_settings(p.path(Artifact::Settings)).timestamp;
            return stamped;
        }());
        QVERIFY(s.settings.run_args.logrows > 0);

        const CompileCircuitResult c = compile_circuit(p, {}, quiet);
        QCOMPARE(c.nodes, size_t(5));
        QVERIFY(c.quantised_parameters > 0);
        QCOMPARE(c.settings_digest, ps::settings_digest(s.settings));
        QVERIFY(fs::exists(p.path(Artifact::CompiledCircuit)));

        const GenWitnessResult w = gen_witness(p, {}, quiet);
        QVERIFY(w.witness);
        QCOMPARE(w.witness->layers.size(), size_t(6));  // input + 5 nodes
        QVERIFY(w.total_milliseconds >= 0);
        QVERIFY(has_stage(w, "write witness.json"));
        // The step's result is what the file holds (one reader, one writer).
        QCOMPARE(ps::read_witness_json(p.path(Artifact::Witness)).layers.size(), w.witness->layers.size());

        const Inventory inv = inspect(p);
        QVERIFY(inv.consistent());
        for (Artifact a : {Artifact::Input, Artifact::Model, Artifact::Settings, Artifact::CompiledCircuit, Artifact::Witness})
            QCOMPARE(inv.find(a)->state, ArtifactState::Present);
        QCOMPARE(inv.find(Artifact::Srs)->state, ArtifactState::Missing);
        QVERIFY(inv.find(Artifact::Srs)->needed_now);  // setup reads it next
        QCOMPARE(inv.logrows, s.settings.run_args.logrows);
        QVERIFY(inv.witness);
    }

    void gen_srs_takes_logrows_from_settings_and_seeds_reproducibly() {
        QTemporaryDir dir;
        Project p(dir.path().toStdString());
        ps::NullProgress quiet;
        try {  // no settings.json and no logrows: the size is unknown
            gen_srs(p, GenSrsOptions{}, quiet);
            QFAIL("gen-srs ran without knowing logrows");
        } catch (const ps::Error& e) {
            QVERIFY(e.where().find("settings.json") != std::string::npos);
        }
        ps::Settings s;
        s.run_args.logrows = 5;
        ps::write_settings(s, p.path(Artifact::Settings));
        const GenSrsResult r = gen_srs(p, {.logrows = 0, .seed = 7}, quiet);
        QCOMPARE(r.k, 5u);
        QVERIFY(r.seeded);
        QCOMPARE(fs::file_size(p.path(Artifact::Srs)), uintmax_t(r.file_size));
        const auto first = ps::read_file_bytes(p.path(Artifact::Srs));
        gen_srs(p.path(Artifact::Srs), {.logrows = 5, .seed = 7}, quiet);
        QVERIFY(first == ps::read_file_bytes(p.path(Artifact::Srs)));

        const SrsInfoResult info = srs_info(p.path(Artifact::Srs), quiet);
        QVERIFY2(info.verdict.ok, info.verdict.reason.c_str());
        QCOMPARE(info.k, 5u);
        const DownsizeSrsResult d = downsize_srs(p.path(Artifact::Srs), 3, dir.filePath("small.srs").toStdString(), quiet);
        QCOMPARE(d.from_k, 5u);
        QCOMPARE(srs_info(dir.filePath("small.srs").toStdString(), quiet).k, 3u);
    }

    void cancel_during_witness_generation_leaves_no_file() {
        QTemporaryDir dir;
        const Project p = demo_project(dir);
        run_setup_steps(p);
        const size_t before = files_in(p.folder());
        // Cancel inside the fixed-point execution (a stage the witness code reports), after work began.
        CancelInside sink("fixed-point execution");
        bool cancelled = false;
        try {
            gen_witness(p, {}, sink);
        } catch (const ps::Cancelled&) {
            cancelled = true;
        }
        QVERIFY2(cancelled, "the step ran to the end although the sink asked to stop inside it");
        QVERIFY(std::find(sink.names_.begin(), sink.names_.end(), "fixed-point execution") != sink.names_.end());
        QVERIFY(!fs::exists(p.path(Artifact::Witness)));
        QCOMPARE(files_in(p.folder()), before);  // no temporary left behind either
    }

    void inventory_names_file_and_field_of_each_inconsistency() {
        QTemporaryDir dir;
        const Project p = demo_project(dir);
        run_setup_steps(p);
        ps::NullProgress quiet;
        gen_witness(p, {}, quiet);

        // settings.json changed after compile-circuit.
        ps::Settings other = ps::read_settings(p.path(Artifact::Settings));
        other.run_args.logrows += 1;
        other.run_args.lookup_range_hi += 1;
        ps::write_settings(other, p.path(Artifact::Settings));
        // An SRS too small for the settings, and an input of the wrong size.
        gen_srs(p.path(Artifact::Srs), {.logrows = 4, .seed = 1}, quiet);
        ps::write_file_atomically(p.path(Artifact::Input), std::string_view("{\"input_data\": [[0.5, 0.25, 1]]}"));

        const Inventory inv = inspect(p);
        QVERIFY(!inv.consistent());
        const ArtifactStatus& circuit = *inv.find(Artifact::CompiledCircuit);
        QCOMPARE(circuit.state, ArtifactState::Inconsistent);
        QVERIFY(circuit.problem.find("compiled with other settings") != std::string::npos);
        QCOMPARE(circuit.fix, std::string("run compile-circuit again"));
        const ArtifactStatus& srs = *inv.find(Artifact::Srs);
        QCOMPARE(srs.state, ArtifactState::Inconsistent);
        QVERIFY(srs.problem.find("run_args.logrows") != std::string::npos);
        QVERIFY(srs.fix.find("--logrows " + std::to_string(other.run_args.logrows)) != std::string::npos);
        const ArtifactStatus& input = *inv.find(Artifact::Input);
        QCOMPARE(input.state, ArtifactState::Inconsistent);
        QVERIFY2(input.problem.find("input_data[0]: input 0 has 3 values, the model expects 64") != std::string::npos,
                 input.problem.c_str());
        const ArtifactStatus& witness = *inv.find(Artifact::Witness);
        QCOMPARE(witness.state, ArtifactState::Inconsistent);
        QVERIFY2(witness.problem.find("run_args.lookup_range") != std::string::npos, witness.problem.c_str());
    }

    void keys_made_for_other_settings_are_inconsistent() {
        QTemporaryDir dir;
        const Project p(dir.path().toStdString());
        ps::NullProgress quiet;
        ps::SeededRandom tau(3);
        const ps::Srs srs = ps::generate_srs(5, tau, quiet);
        const ps::plonk::SyntheticCircuit circuit = ps::plonk::make_synthetic_circuit(5);
        const ps::plonk::ProvingKey pk = ps::plonk::keygen(srs, *circuit.witness, quiet);
        ps::Settings settings;
        settings.run_args.logrows = 5;
        ps::write_settings(settings, p.path(Artifact::Settings));
        ps::plonk::write_verifying_key(p.path(Artifact::VerifyingKey), pk.vk, ps::settings_digest(settings));
        ps::plonk::write_proving_key(p.path(Artifact::ProvingKey), pk, ps::settings_digest(settings));
        Inventory inv = inspect(p);
        QCOMPARE(inv.find(Artifact::VerifyingKey)->state, ArtifactState::Present);
        QCOMPARE(inv.find(Artifact::ProvingKey)->state, ArtifactState::Present);

        settings.run_args.input_scale += 1;  // settings.json no longer the one the keys were made for
        ps::write_settings(settings, p.path(Artifact::Settings));
        inv = inspect(p);
        for (Artifact key : {Artifact::VerifyingKey, Artifact::ProvingKey}) {
            const ArtifactStatus& a = *inv.find(key);
            QCOMPARE(a.state, ArtifactState::Inconsistent);
            QVERIFY2(a.problem.find(a.file) != std::string::npos, a.problem.c_str());
            QVERIFY2(a.problem.find("made for different settings") != std::string::npos, a.problem.c_str());
        }
    }

    void unreadable_files_are_invalid_with_the_readers_reason() {
        QTemporaryDir dir;
        const Project p(dir.path().toStdString());
        ps::write_file_atomically(p.path(Artifact::Settings), std::string_view("{\"run_args\": {\"logrows\": "));
        ps::write_file_atomically(p.path(Artifact::VerifyingKey), std::string_view("PSVK but not a key"));
        ps::write_file_atomically(p.path(Artifact::Input), std::string_view("{\"input_data\": [[1, \"x\"]]}"));
        const Inventory inv = inspect(p);
        for (Artifact a : {Artifact::Settings, Artifact::VerifyingKey, Artifact::Input}) {
            const ArtifactStatus& s = *inv.find(a);
            QCOMPARE(s.state, ArtifactState::Invalid);
            QVERIFY2(s.problem.find(s.file) != std::string::npos, s.problem.c_str());
            QVERIFY(!s.fix.empty());
        }
        // vk.key is made by setup: the fix sends the user there.
        QVERIFY2(inv.find(Artifact::VerifyingKey)->fix.find("setup") != std::string::npos,
                 inv.find(Artifact::VerifyingKey)->fix.c_str());
    }
};

QTEST_MAIN(TestPipeline)
#include "tst_pipeline.moc"
