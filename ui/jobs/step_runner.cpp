#include "ui/jobs/step_runner.hpp"

#include "core/pipeline/memory_estimate.hpp"
#include "core/pipeline/step_srs.hpp"
#include "core/util/process_usage.hpp"
#include "ui/jobs/step_jobs.hpp"
#include "ui/project_controller.hpp"

#include <QDir>

namespace ps::ui {

StepRunner::StepRunner(ProjectController& project, QObject* parent) : QObject(parent), project_(project) {
    connect(&jobs_, &JobRunner::succeeded, &project_, &ProjectController::refresh);
    connect(&jobs_, &JobRunner::failed, this, [this] { chaining_ = chain_to_proof_ = false; });
    connect(&jobs_, &JobRunner::cancelled, this, [this] { chaining_ = chain_to_proof_ = false; });
    connect(&project_, &ProjectController::loaded, this, [this] {
        if (chaining_) continue_chain();
    });
}

void StepRunner::run(const QString& step) {
    if (jobs_.busy() || !project_.is_open()) return;
    pipeline::RunOptions options;
    options.threads = threads_;
    const std::optional<JobRunner::Work> work = step_work(step, project_.paths(), options);
    if (!work) {
        chaining_ = chain_to_proof_ = false;
        const QString why = StepAvailability::built_in().reason(step);
        emit problem({step_title(step), step, why, QString()});
        return;
    }
    if (step == "gen-srs") {  // whoever knows tau can forge proofs: say so every time
        const auto& warning = pipeline::development_srs_warning;
        emit problem({step_title(step), QDir(project_.paths().folder).filePath("kzg.srs"),
                      QString::fromUtf8(warning.data(), qsizetype(warning.size())),
                      "for proofs anyone else must trust, use the SRS of a public ceremony"});
    }
    if (step == "setup" || step == "prove") warn_if_memory_short(step);
    emit step_starting(step);
    jobs_.start(step_title(step), *work);
}

void StepRunner::warn_if_memory_short(const QString& step) {
    const auto estimate = pipeline::estimate_peak_memory(step.toStdString(), to_project(project_.paths()));
    const uint64_t free_bytes = available_memory_bytes();
    if (estimate.bytes == 0 || free_bytes == 0 || estimate.bytes <= free_bytes) return;
    emit problem({step_title(step), "memory",
                  QString("%1 may need about %2 MB at its peak (%3), but only %4 MB are free")
                      .arg(step_title(step)).arg(estimate.bytes >> 20).arg(QString::fromStdString(estimate.basis))
                      .arg(free_bytes >> 20),
                  "close other programs, or lower logrows; the job runs anyway and may swap or be stopped by the system"});
}

void StepRunner::generate_witness() {
    if (jobs_.busy()) return;
    if (!project_.is_open()) {
        emit problem({"Generate witness", "project", "no project is open", "open an artifact folder first (Ctrl+O)"});
        return;
    }
    const ArtifactStatus* circuit = project_.status().find("network.ezkl");
    if (!circuit || circuit->state == ArtifactState::Missing) {
        emit problem({"Generate witness", QDir(project_.paths().folder).filePath("network.ezkl"),
                      "the compiled circuit is missing",
                      "run gen-settings and compile-circuit first (Run ▸ Run all missing steps, Ctrl+R)"});
        return;
    }
    run("gen-witness");
}

void StepRunner::run_missing_steps() {
    if (!project_.is_open()) {
        emit problem({"Run missing steps", "project", "no project is open", "open an artifact folder first (Ctrl+O)"});
        return;
    }
    chaining_ = true;
    chain_to_proof_ = false;
    continue_chain();
}

void StepRunner::continue_chain() {
    if (jobs_.busy() || project_.loading()) return;
    // The witness is the goal: keys, SRS and proof are made only on request (or in the
    // one-click demo, whose SRS is a development one and says so).
    static const QStringList towards_witness = {"gen-settings", "compile-circuit", "gen-witness"};
    static const QStringList towards_proof = {"gen-settings", "compile-circuit", "gen-srs", "setup", "gen-witness", "prove"};
    const QStringList& steps = chain_to_proof_ ? towards_proof : towards_witness;
    for (const auto& a : project_.status().artifacts) {
        if (a.state == ArtifactState::Present || !steps.contains(a.make_command)) continue;
        run(a.make_command);
        return;
    }
    chaining_ = false;
    if (chain_to_proof_) {
        chain_to_proof_ = false;
        emit chain_reached_proof();
    }
}

void StepRunner::run_to_proof() {
    if (!project_.is_open()) {
        emit problem({"Prove in one click", "project", "no project is open", "open the demo project first (Ctrl+D)"});
        return;
    }
    chaining_ = true;
    chain_to_proof_ = true;
    continue_chain();
}

void StepRunner::cancel() {
    chaining_ = chain_to_proof_ = false;
    jobs_.cancel();
}

}  // namespace ps::ui
