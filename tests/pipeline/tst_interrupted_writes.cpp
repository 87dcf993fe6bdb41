// Long-writing CLI commands killed (SIGKILL) at several moments of their run: the target
// is absent or a complete file — the previous one, or a complete new one — and no
// ".name.tmpXXXXXX" is left in the folder. The moments are fractions of the command's
// measured duration, dense near the end, where the file is written.
#include "core/artifacts/settings.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/util/atomic_file.hpp"
#include "demo_model.hpp"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

int run_to_end(const QStringList& args, qint64* elapsed_ms = nullptr) {
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(PROOFSCOPE_CLI, args);
    if (!p.waitForFinished(600000)) return -1;
    if (elapsed_ms) *elapsed_ms = t.elapsed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void run_and_kill(const QStringList& args, qint64 after_ms) {
    QProcess p;
    p.start(PROOFSCOPE_CLI, args);
    p.waitForStarted();
    if (!p.waitForFinished(int(after_ms))) {
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
    }
}

std::vector<std::string> temp_files(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp") != std::string::npos) out.push_back(e.path().filename().string());
    return out;
}

struct Command {
    std::string name;
    QStringList args;
    fs::path target;
    std::function<bool(const fs::path&)> complete;  // does the file at the target read as a whole artifact?
};

}  // namespace

class TestInterruptedWrites : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    fs::path folder_;

    fs::path p(const char* name) const { return folder_ / name; }

    void sweep(const Command& c, bool previous_present) {
        qint64 duration = 0;
        QVERIFY2(run_to_end(c.args, &duration) == 0, (c.name + " does not run to the end").c_str());
        const std::vector<uint8_t> previous = ps::read_file_bytes(c.target);
        QVERIFY(c.complete(c.target));
        // Dense near the end, where the file is written; fewer without a previous file.
        const std::vector<double> fractions = previous_present ? std::vector<double>{0.4, 0.8, 0.93, 0.99}
                                                               : std::vector<double>{0.7, 0.97};
        for (double fraction : fractions) {
            if (previous_present) ps::write_file_atomically(c.target, std::span<const uint8_t>(previous));
            else fs::remove(c.target);
            run_and_kill(c.args, qint64(double(duration) * fraction));
            const std::string at = c.name + " killed at " + std::to_string(int(fraction * 100)) + "% of " +
                                   std::to_string(duration) + " ms";
            const auto left = temp_files(folder_);
            QVERIFY2(left.empty(), (at + ": left " + (left.empty() ? std::string() : left.front())).c_str());
            if (!fs::exists(c.target)) {
                QVERIFY2(!previous_present, (at + ": the previous file vanished").c_str());
                continue;
            }
            QVERIFY2(ps::read_file_bytes(c.target) == previous || c.complete(c.target),
                     (at + ": the target is neither the previous file nor a complete one").c_str());
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        folder_ = dir_.path().toStdString();
        ps::demo::write_demo_project(folder_);
        QCOMPARE(run_to_end({"gen-settings", "-M", q(folder_), "-O", q(folder_)}), 0);
        QCOMPARE(run_to_end({"compile-circuit", "-M", q(folder_), "-S", q(folder_), "--compiled-circuit", q(folder_)}), 0);
        QCOMPARE(run_to_end({"gen-witness", "-D", q(p("input.json")), "-M", q(folder_), "-O", q(folder_), "-S", q(folder_)}), 0);
        const auto settings = ps::settings_from_json_text(ps::read_file_text(p("settings.json")), "settings.json");
        QCOMPARE(run_to_end({"gen-srs", "--logrows", QString::number(settings.run_args.logrows), "--seed", "5", "--srs-path",
                             q(p("kzg.srs"))}),
                 0);
    }

    void gen_srs_at_large_k() {
        const fs::path srs = p("large.srs");
        // --seed makes every complete run write the same bytes: complete = equal to the first.
        auto first = std::make_shared<std::vector<uint8_t>>();
        Command c{"gen-srs --logrows 15", {"gen-srs", "--logrows", "15", "--seed", "7", "--srs-path", q(srs)}, srs,
                  [first](const fs::path& f) {
                      if (first->empty()) *first = ps::read_file_bytes(f);
                      return ps::read_file_bytes(f) == *first;
                  }};
        sweep(c, true);
        sweep(c, false);
    }

    QStringList setup_args() const {
        return {"setup", "-M", q(p("network.ezkl")), "--srs-path", q(p("kzg.srs")), "--vk-path", q(p("vk.key")),
                "--pk-path", q(p("pk.key"))};
    }

    void setup() {
        auto first = std::make_shared<std::vector<uint8_t>>();
        Command c{"setup", setup_args(),
                  p("pk.key"),
                  [first](const fs::path& f) {  // key generation is deterministic
                      if (first->empty()) *first = ps::read_file_bytes(f);
                      return ps::read_file_bytes(f) == *first;
                  }};
        sweep(c, true);
        sweep(c, false);
    }

    void prove() {
        // setup()'s last sweep may have killed it before pk.key was written: keys first.
        QCOMPARE(run_to_end(setup_args()), 0);
        Command c{"prove",
                  {"prove", "-W", q(p("witness.json")), "-M", q(p("network.ezkl")), "--pk-path", q(p("pk.key")),
                   "--srs-path", q(p("kzg.srs")), "--proof-path", q(p("proof.json"))},
                  p("proof.json"), [](const fs::path& f) {
                      try {
                          ps::plonk::proof_from_json(nlohmann::json::parse(ps::read_file_text(f)), f.string());
                          return true;
                      } catch (const std::exception&) {
                          return false;
                      }
                  }};
        sweep(c, true);
        sweep(c, false);
    }

    void calibrate_settings() {
        Command c{"calibrate-settings",
                  {"calibrate-settings", "-M", q(p("network.onnx")), "-D", q(p("input.json")), "-O", q(p("calibrated.json")),
                   "--scales", "5,7"},
                  p("calibrated.json"), [](const fs::path& f) {
                      try {
                          ps::settings_from_json_text(ps::read_file_text(f), f.string());
                          return true;
                      } catch (const std::exception&) {
                          return false;
                      }
                  }};
        sweep(c, true);
        sweep(c, false);
    }
};

QTEST_GUILESS_MAIN(TestInterruptedWrites)
#include "tst_interrupted_writes.moc"
