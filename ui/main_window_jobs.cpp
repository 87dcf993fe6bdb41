// MainWindow: opening a project, reading its artifacts off the GUI thread, and running
// every pipeline step in-process (core/pipeline through JobRunner).
#include "ui/main_window.hpp"

#include "core/pipeline/step_srs.hpp"
#include "ui/jobs/step_jobs.hpp"
#include "ui/demo_project.hpp"
#include "ui/widgets/error_growth_plot.hpp"
#include "ui/widgets/error_panel.hpp"
#include "ui/widgets/float_vs_quant_plot.hpp"
#include "ui/widgets/input_view.hpp"
#include "ui/widgets/layer_heatmap.hpp"
#include "ui/widgets/layer_list_view.hpp"
#include "ui/widgets/project_panel.hpp"
#include "ui/widgets/range_plot.hpp"
#include "ui/widgets/raw_values_view.hpp"
#include "ui/widgets/value_histogram.hpp"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace ps::ui {

bool MainWindow::busy() const { return jobs_.busy() || loader_.isRunning(); }

void MainWindow::connect_jobs() {
    connect(&jobs_, &JobRunner::started, this, [this](const QString& t) { set_running(t); });
    connect(&jobs_, &JobRunner::stage_changed, this, [this](const QString& s) {
        status_text_->setText(jobs_.current_title() + ": " + s + "…");
    });
    connect(&jobs_, &JobRunner::progress, progress_, &QProgressBar::setValue);
    connect(&jobs_, &JobRunner::succeeded, this, [this](const QString& t, double s) {
        set_idle(QString("%1 finished in %2 s.").arg(t).arg(s, 0, 'f', 2));
        refresh_project();
    });
    connect(&jobs_, &JobRunner::failed, this, [this](const ErrorReport& e) {
        chain_to_witness_ = false;
        report(e);
        set_idle(e.task + " failed — see Problems.");
        if (!busy()) emit idle();
    });
    connect(&jobs_, &JobRunner::cancelled, this, [this](const QString& t) {
        chain_to_witness_ = false;
        set_idle(t + " cancelled; nothing was written.");
        if (!busy()) emit idle();
    });

    connect(&loader_, &QFutureWatcher<Loaded>::finished, this, &MainWindow::on_loaded);
}

void MainWindow::set_running(const QString& what) {
    status_text_->setText(what + "…");
    progress_->setRange(0, 100);
    progress_->setValue(0);
    progress_->show();
    cancel_button_->show();
    cancel_action_->setEnabled(true);
    generate_action_->setEnabled(false);
    project_panel_->set_busy(true);
}

void MainWindow::set_idle(const QString& message) {
    progress_->hide();
    progress_->setRange(0, 100);
    cancel_button_->hide();
    cancel_action_->setEnabled(false);
    generate_action_->setEnabled(true);
    project_panel_->set_busy(false);
    status_text_->setText(message);
}

void MainWindow::report(const ErrorReport& e) { errors_->add(e); }

void MainWindow::open_project(const ProjectPaths& paths) {
    if (paths.folder.isEmpty()) return;
    project_ = paths;
    project_panel_->set_paths(paths);
    QSettings settings;
    RecentProjects(settings).add(paths);
    rebuild_recent_menu();
    setWindowTitle(QString("ProofScope — %1").arg(paths.display_name()));
    selected_layer_ = -1;
    reported_.clear();
    refresh_project();
}

void MainWindow::refresh_project() {
    if (project_.folder.isEmpty()) return;
    if (loader_.isRunning()) {
        reload_again_ = true;  // the files changed while reading: read once more after
        return;
    }
    if (!jobs_.busy()) status_text_->setText("Reading artifacts…");
    const ProjectPaths p = project_;
    loader_.setFuture(QtConcurrent::run([p] { return Loaded{inspect_project(p.folder, p.input_json)}; }));
}

void MainWindow::on_loaded() {
    if (reload_again_) {
        reload_again_ = false;
        refresh_project();
        return;
    }
    status_ = loader_.result().status;
    project_panel_->set_status(status_);
    // Each broken file once, not again on every reload.
    for (const auto& a : status_.artifacts) {
        const QString key = a.path + '|' + a.problem;
        if (a.state == ArtifactState::Invalid && !reported_.contains(key)) {
            reported_.insert(key);
            report({"Read " + a.file, a.path, a.problem, a.fix});
        }
    }

    const bool witness_changed = status_.witness != trace_;
    trace_ = status_.witness;
    layers_->set_trace(trace_);
    error_growth_->set_trace(trace_);
    ranges_->set_trace(trace_);

    bool auto_selected = false;
    std::vector<int64_t> input_shape;
    if (trace_ && !trace_->layers.empty() && trace_->layers[0].op == "Input") input_shape = trace_->layers[0].shape;
    else if (!status_.model_input_shapes.empty()) input_shape = status_.model_input_shapes[0];
    if (!input_view_->dirty()) input_view_->set_input(project_.input_json, input_shape);

    if (trace_ && !trace_->layers.empty()) {
        // Start where it matters: the layer where the error grows most.
        int row = selected_layer_;
        auto_selected = row < 0 || size_t(row) >= trace_->layers.size();
        if (auto_selected) row = layer_with_largest_error_jump(*trace_);
        if (row < 0) row = 0;
        selected_layer_ = -1;
        layers_->select_layer(row);
        select_layer(row);
    } else {
        select_layer(-1);
    }
    if (!jobs_.busy()) {
        const QString step = next_step(status_);
        const LayerTrace* shown = trace_ && selected_layer_ >= 0 ? &trace_->layers[size_t(selected_layer_)] : nullptr;
        set_idle(trace_ ? QString("%1 layers loaded from witness.json%2%3").arg(trace_->layers.size())
                              .arg(witness_changed ? "." : " (unchanged).")
                              .arg(shown && auto_selected
                                       ? QString(" Showing %1 (%2), where the quantisation error grows most; pick any layer in the list.")
                                             .arg(QString::fromStdString(shown->name), QString::fromStdString(shown->op))
                                       : QString())
                        : step.isEmpty() ? QString("No witness.")
                                         : QString("No witness yet: next step is %1 (Run ▸ Run all missing steps, Ctrl+R).").arg(step));
    }
    emit project_loaded();
    if (chain_to_witness_) continue_chain();
    if (!busy()) emit idle();
}

void MainWindow::select_layer(int row) {
    if (row == selected_layer_ && row >= 0) return;
    selected_layer_ = row;
    heatmap_->set_layer(trace_, row);
    histogram_->set_layer(trace_, row);
    float_vs_quant_->set_layer(trace_, row);
    raw_values_->set_layer(trace_, row);
}

void MainWindow::generate_witness() {
    if (busy() && !loader_.isRunning()) return;
    if (project_.folder.isEmpty()) {
        report({"Generate witness", "project", "no project is open", "open an artifact folder first (Ctrl+O)"});
        return;
    }
    const ArtifactStatus* circuit = status_.find("network.ezkl");
    if (!circuit || circuit->state == ArtifactState::Missing) {
        report({"Generate witness", QDir(project_.folder).filePath("network.ezkl"), "the compiled circuit is missing",
                "run gen-settings and compile-circuit first (Run ▸ Run all missing steps, Ctrl+R)"});
        return;
    }
    run_step("gen-witness");
}

void MainWindow::run_step(const QString& command) {
    if (jobs_.busy() || project_.folder.isEmpty()) return;
    const std::optional<JobRunner::Work> work = step_work(command, project_);
    if (!work) {
        chain_to_witness_ = false;
        const QString why = StepAvailability::built_in().reason(command);
        report({step_title(command), command, why.isEmpty() ? QString("unknown pipeline step") : why,
                steps_awaiting_circuit_layout().contains(command)
                    ? QString("for now, prove the built-in test circuits with proofscope-cli prove-synthetic")
                    : QString()});
        return;
    }
    if (command == "gen-srs")  // whoever knows tau can forge proofs: say so every time
        report({step_title(command), QDir(project_.folder).filePath("kzg.srs"),
                QString::fromUtf8(pipeline::development_srs_warning.data(), qsizetype(pipeline::development_srs_warning.size())),
                "for proofs anyone else must trust, use the SRS of a public ceremony"});
    jobs_.start(step_title(command), *work);
}

void MainWindow::run_missing_steps() {
    if (project_.folder.isEmpty()) {
        report({"Run missing steps", "project", "no project is open", "open an artifact folder first (Ctrl+O)"});
        return;
    }
    chain_to_witness_ = true;
    continue_chain();
}

void MainWindow::continue_chain() {
    if (jobs_.busy() || loader_.isRunning()) return;
    // The witness is the goal: keys, SRS and proof are made only on request.
    static const QStringList towards_witness = {"gen-settings", "compile-circuit", "gen-witness"};
    for (const auto& a : status_.artifacts) {
        if (a.state == ArtifactState::Present || !towards_witness.contains(a.make_command)) continue;
        run_step(a.make_command);
        return;
    }
    chain_to_witness_ = false;
}

void MainWindow::cancel_job() {
    chain_to_witness_ = false;
    jobs_.cancel();
    if (jobs_.busy()) status_text_->setText("Cancelling…");
}

void MainWindow::open_demo_project() {
    const QString folder = default_demo_folder();
    QString error;
    if (!QFileInfo::exists(folder + "/network.onnx") && !write_demo_project(folder, &error)) {
        report({"Open demo project", folder, error, "check that the folder is writable"});
        return;
    }
    open_project(project_for_folder(folder));
}

}  // namespace ps::ui
