// MainWindow's wiring of its collaborators: the project controller feeds the panel and
// the views, the step runner feeds the status bar, and both feed the Problems panel.
#include "ui/main_window.hpp"

#include "ui/demo_project.hpp"
#include "ui/jobs/step_runner.hpp"
#include "ui/project_controller.hpp"
#include "ui/models/stage_progress.hpp"
#include "ui/jobs/job_queue.hpp"
#include "ui/demo_flow.hpp"
#include "ui/layer_views.hpp"
#include "ui/widgets/input_view.hpp"
#include "ui/proving_view.hpp"
#include "ui/widgets/output_view.hpp"
#include "ui/queue_panel.hpp"
#include "ui/remote_panel.hpp"
#include "ui/verify_panel.hpp"
#include "ui/widgets/error_panel.hpp"
#include "ui/widgets/resource_chart.hpp"
#include "ui/widgets/project_panel.hpp"

#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace ps::ui {

void MainWindow::connect_project() {
    connect(project_, &ProjectController::opened, this, [this](const ProjectPaths& paths) {
        project_panel_->set_paths(paths);
        rebuild_recent_menu();
        setWindowTitle(QString("ProofScope — %1").arg(paths.display_name()));
        views_->forget_selection();
    });
    connect(project_, &ProjectController::loading_started, this, [this] {
        if (!steps_->busy()) status_text_->setText("Reading artifacts…");
    });
    connect(project_, &ProjectController::artifact_problem, this, &MainWindow::report);
    connect(project_, &ProjectController::loaded, this, &MainWindow::on_project_loaded);
}

void MainWindow::connect_steps() {
    JobRunner& jobs = steps_->jobs();
    connect(steps_, &StepRunner::problem, this, &MainWindow::report);
    connect(&jobs, &JobRunner::started, this, [this](const QString& t) { set_running(t); });
    connect(&jobs, &JobRunner::stage_changed, this, [this](const QString& s) {
        status_text_->setText(steps_->jobs().current_title() + ": " + s + "…");
    });
    // The status bar shows the whole job when the Proving tab has its stages, else the stage.
    connect(&jobs, &JobRunner::progress, progress_, [this](int percent) {
        if (!proving_->progress().running()) progress_->setValue(percent);
    });
    connect(&proving_->progress(), &StageProgress::overall_changed, progress_, &QProgressBar::setValue);
    connect(&jobs, &JobRunner::succeeded, this, [this](const QString& t, double s) {
        set_idle(QString("%1 finished in %2 s.").arg(t).arg(s, 0, 'f', 2));
    });
    connect(&jobs, &JobRunner::failed, this, [this](const ErrorReport& e) {
        report(e);
        set_idle(e.task + " failed — see Problems.");
        if (!busy()) emit idle();
    });
    connect(&jobs, &JobRunner::cancelled, this, [this](const QString& t) {
        set_idle(t + " cancelled; no half-written file was left (each file is replaced whole or not at all).");
        if (!busy()) emit idle();
    });
}

void MainWindow::build_proving_tabs() {
    output_ = new OutputView;
    views_->tabs()->addTab(output_, "Output");
    views_->tabs()->setTabToolTip(views_->tabs()->count() - 1, "What the model predicted for this input: circuit and float side by side");
    proving_ = new ProvingView;
    verify_ = new VerifyPanel(steps_->jobs());
    views_->tabs()->addTab(proving_, "Proving");
    views_->tabs()->setTabToolTip(views_->tabs()->count() - 1,
                                  "Generate keys, prove and verify with a progress bar per stage; stage times and run history");
    views_->tabs()->addTab(verify_, "Verify");
    views_->tabs()->setTabToolTip(views_->tabs()->count() - 1,
                                  "Check a proof: a large valid / invalid, the outputs it claims, and tamper buttons");
    queue_ = new QueuePanel;
    views_->tabs()->addTab(queue_, "Queue");
    views_->tabs()->setTabToolTip(views_->tabs()->count() - 1, "Prove several inputs in one go, each job's state in a row");
    connect(&queue_->queue(), &JobQueue::job_failed, this, &MainWindow::report);
    connect(&queue_->queue(), &JobQueue::all_finished, project_, &ProjectController::refresh);
    connect(proving_, &ProvingView::threads_changed, queue_, &QueuePanel::set_threads);
    // The live chart records queue jobs too.
    connect(&queue_->queue(), &JobQueue::changed, proving_, [this] {
        if (queue_->queue().busy()) proving_->resource_chart()->job_started("Queue");
    });
    connect(&queue_->queue(), &JobQueue::all_finished, proving_, [this] {
        if (!steps_->busy()) proving_->resource_chart()->jobs_idle();
    });
    remote_ = new RemotePanel;
    views_->tabs()->addTab(remote_, "Remote");
    views_->tabs()->setTabToolTip(views_->tabs()->count() - 1,
                                  "Run steps on a Slurm cluster: submit, watch, read the log, cancel, verify the proof here");
    demo_ = new DemoFlow;
    views_->tabs()->insertTab(0, demo_, "Demo");
    views_->tabs()->setTabToolTip(0, "A guided tour for newcomers: input, witness, proof, verification in plain words");
    // A newcomer starts on the guided tour (and the tab bar starts scrolled to it).
    views_->tabs()->setCurrentWidget(demo_);
    connect(demo_, &DemoFlow::pick_input_requested, this, [this] {
        show_view(View::Input);
        views_->input_view()->open_drawing_pad();  // "draw or pick": the pad opens beside the Load button
    });
    connect(demo_, &DemoFlow::one_click_requested, this, &MainWindow::prove_demo_in_one_click);
    connect(demo_, &DemoFlow::verifier_view_requested, this, [this] { show_page(Page::Verify); });
    connect(steps_, &StepRunner::chain_reached_proof, this, [this] {
        show_page(Page::Verify);
        verify_->verify();
    });
    connect(verify_, &VerifyPanel::verdict_shown, this, [this] {
        demo_->set_status(project_->status(), project_->is_open(), verify_->shows_valid_current_proof());
    });
    proving_->attach(steps_->jobs());
    connect(steps_, &StepRunner::step_starting, proving_, &ProvingView::begin_step);
    connect(proving_, &ProvingView::run_requested, this, &MainWindow::run_step);
    connect(proving_, &ProvingView::cancel_requested, this, &MainWindow::cancel_job);
}

void MainWindow::prove_demo_in_one_click() {
    if (!project_->is_open()) {
        connect(this, &MainWindow::project_loaded, steps_, &StepRunner::run_to_proof, Qt::SingleShotConnection);
        open_demo_project();
        return;
    }
    steps_->run_to_proof();
}

void MainWindow::show_page(Page p) {
    QWidget* pages[] = {proving_, verify_, queue_, demo_, output_, remote_};
    views_->tabs()->setCurrentWidget(pages[int(p)]);
}

void MainWindow::on_project_loaded() {
    const ProjectStatus& status = project_->status();
    project_panel_->set_status(status);
    proving_->set_project(project_->paths(), status);
    verify_->set_project(project_->paths());
    queue_->set_project(project_->paths());
    remote_->set_project(project_->paths());
    demo_->set_status(status, project_->is_open(), verify_->shows_valid_current_proof());
    queue_->set_threads(proving_->threads());
    const LayerViews::Shown shown = views_->show_project(project_->paths(), status);
    output_->set_trace(views_->trace());  // after show_project: the trace just read
    if (!steps_->busy()) {
        const auto trace = views_->trace();
        const int row = views_->selected_layer();
        const LayerTrace* layer = trace && row >= 0 ? &trace->layers[size_t(row)] : nullptr;
        const QString step = next_step(status);
        set_idle(trace ? QString("%1 layers loaded from witness.json%2%3").arg(trace->layers.size())
                             .arg(shown.witness_changed ? "." : " (unchanged).")
                             .arg(layer && shown.auto_selected
                                      ? QString(" Showing %1 (%2), where the quantisation error grows most; pick any layer in the list.")
                                            .arg(QString::fromStdString(layer->name), QString::fromStdString(layer->op))
                                      : QString())
                       : step.isEmpty() ? QString("No witness.")
                                        : QString("No witness yet: next step is %1 (Run ▸ Run all missing steps, Ctrl+R).").arg(step));
    }
    emit project_loaded();
    if (!busy()) emit idle();
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
