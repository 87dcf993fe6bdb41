#include "ui/proving_view.hpp"

#include "ui/jobs/step_jobs.hpp"
#include "ui/models/stage_progress.hpp"
#include "ui/run_report.hpp"
#include "ui/widgets/history_chart.hpp"
#include "ui/widgets/resource_chart.hpp"
#include "ui/widgets/run_comparison_chart.hpp"
#include "ui/widgets/stage_progress_view.hpp"
#include "ui/widgets/stage_timing_chart.hpp"

#include "core/pipeline/proving_run.hpp"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace ps::ui {

ProvingView::ProvingView(QWidget* parent) : QWidget(parent), progress_(new StageProgress(this)) {
    auto* outer = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    setup_ = new QPushButton("1. Generate keys");
    setup_->setToolTip("setup: pk.key and vk.key from network.ezkl and kzg.srs — once per model and settings");
    prove_ = new QPushButton("2. Prove");
    prove_->setToolTip("prove: proof.json from witness.json with pk.key, then check it with vk.key at once");
    verify_ = new QPushButton("3. Verify");
    verify_->setToolTip("verify: proof.json against vk.key, settings.json and kzg.srs");
    cancel_ = new QPushButton("Cancel");
    cancel_->setToolTip("Stop the running job; no half-written file is left and the next run starts clean");
    cancel_->setEnabled(false);
    report_ = new QPushButton("Run report (PDF)…");
    report_->setToolTip("One page: model, settings, layers, the last run's stage times and verdict");
    threads_ = new QSpinBox;
    threads_->setRange(0, std::max(1, QThread::idealThreadCount()));
    threads_->setSpecialValueText("all cores");
    threads_->setToolTip("How many cores setup and prove may use (0: all). Fewer keeps the rest of the machine responsive.");
    threads_->setValue(QSettings().value("jobs/threads", 0).toInt());
    for (auto* b : {setup_, prove_, verify_}) buttons->addWidget(b);
    buttons->addWidget(cancel_);
    buttons->addStretch(1);
    buttons->addWidget(new QLabel("Threads:"));
    buttons->addWidget(threads_);
    buttons->addWidget(report_);
    outer->addLayout(buttons);
    hint_ = new QLabel;
    hint_->setWordWrap(true);
    outer->addWidget(hint_);

    auto* split = new QSplitter(Qt::Vertical);
    progress_view_ = new StageProgressView(*progress_);
    split->addWidget(progress_view_);
    charts_ = new QTabWidget;
    timing_ = new StageTimingChart;
    history_chart_ = new HistoryChart;
    comparison_ = new RunComparisonChart;
    charts_->addTab(timing_, "Stage times (last run)");
    charts_->addTab(history_chart_, "Prove time over runs");
    charts_->addTab(comparison_, "Compare two runs");
    resources_ = new ResourceChart;
    charts_->addTab(resources_, "Memory and CPU (live)");
    split->addWidget(charts_);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({250, 560});
    outer->addWidget(split, 1);

    connect(setup_, &QPushButton::clicked, this, [this] { emit run_requested("setup"); });
    connect(prove_, &QPushButton::clicked, this, [this] { emit run_requested("prove"); });
    connect(verify_, &QPushButton::clicked, this, [this] { emit run_requested("verify"); });
    connect(cancel_, &QPushButton::clicked, this, &ProvingView::cancel_requested);
    connect(threads_, &QSpinBox::valueChanged, this, [this](int n) {
        QSettings().setValue("jobs/threads", n);
        emit threads_changed(unsigned(n));
    });
    connect(report_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, "Run report", paths_.folder + "/run_report.pdf", "PDF (*.pdf)");
        if (path.isEmpty()) return;
        QString error;
        hint_->setText(write_report(path, &error) ? "Run report saved: " + path : "The run report could not be written: " + error);
    });
    hint_->setText("Open a project first (Ctrl+O, or File ▸ Open demo project).");
}

void ProvingView::attach(JobRunner& jobs) {
    connect(&jobs, &JobRunner::stage_started, progress_, &StageProgress::stage_started);
    connect(&jobs, &JobRunner::progress, progress_, &StageProgress::stage_progress);
    connect(&jobs, &JobRunner::stage_finished, progress_, &StageProgress::stage_finished);
    connect(&jobs, &JobRunner::started, this, [this](const QString& title) {
        set_buttons_busy(true);
        resources_->job_started(title);
        if (progress_->running()) show_chart(Chart::Resources);  // a step with stage rows: watch it live
    });
    connect(&jobs, &JobRunner::succeeded, this, [this] {
        const bool had_rows = progress_->running();
        progress_->finish(true);
        reload_history();
        if (had_rows && charts_->currentWidget() == resources_) show_chart(Chart::StageTimes);
    });
    connect(&jobs, &JobRunner::failed, this, [this] { progress_->finish(false); });
    connect(&jobs, &JobRunner::cancelled, this, [this] { progress_->finish(false); });
    connect(&jobs, &JobRunner::finished, this, [this] {
        set_buttons_busy(false);
        resources_->jobs_idle();
    });
}

unsigned ProvingView::threads() const { return unsigned(threads_->value()); }

void ProvingView::set_buttons_busy(bool busy) {
    for (auto* b : {setup_, prove_, verify_}) b->setEnabled(!busy && !paths_.folder.isEmpty());
    cancel_->setEnabled(busy);
}

void ProvingView::set_project(const ProjectPaths& paths, const ProjectStatus& status) {
    const bool other_project = paths.folder != paths_.folder;
    paths_ = paths;
    status_ = status;
    if (other_project) progress_->reset();
    auto present = [&status](const char* file) {
        const ArtifactStatus* a = status.find(file);
        return a && a->state == ArtifactState::Present;
    };
    QString next;
    if (!present("network.ezkl")) next = "No compiled circuit yet: run the missing steps first (Run ▸ Run all missing steps, Ctrl+R).";
    else if (!present("kzg.srs")) next = "No kzg.srs yet: make a development SRS (Run ▸ Generate development SRS) or copy a ceremony's file into the folder.";
    else if (!present("pk.key") || !present("vk.key")) next = "Next: 1. Generate keys (once per model and settings).";
    else if (!present("witness.json")) next = "Next: make the witness (F5), then 2. Prove.";
    else if (!present("proof.json")) next = "Next: 2. Prove — every stage of the proof system shows its own bar below.";
    else next = "proof.json is there: 3. Verify checks it; 2. Prove again adds a run to the history.";
    hint_->setText(next);
    set_buttons_busy(false);
    reload_history();
}

void ProvingView::begin_step(const QString& step) {
    const pipeline::Project project = to_project(paths_);
    const std::string name = step.toStdString();
    std::map<std::string, double> expected;
    for (auto it = history_.runs.rbegin(); it != history_.runs.rend(); ++it)
        if (it->step == name) {
            for (const auto& s : it->stages)
                if (s.depth == 0) expected[s.stage] += s.milliseconds;
            break;
        }
    progress_->start(step_title(step), pipeline::planned_run_stages(name, project), expected);
}

void ProvingView::reload_history() {
    if (paths_.folder.isEmpty()) return;
    history_ = pipeline::read_run_history(pipeline::run_history_path(to_project(paths_)));
    history_chart_->set_history(history_);
    comparison_->set_history(history_);
    // The last prove run, or the last setup when there is no proof yet.
    const pipeline::RunRecord* last = history_.runs.empty() ? nullptr : &history_.runs.back();
    for (auto it = history_.runs.rbegin(); it != history_.runs.rend(); ++it)
        if (it->step == "prove") {
            last = &*it;
            break;
        }
    if (last) timing_->show_run(*last);
    else timing_->clear();
}

void ProvingView::show_chart(Chart c) { charts_->setCurrentIndex(int(c)); }

QString ProvingView::export_base_name() const {
    return dynamic_cast<const Exportable*>(charts_->currentWidget())->export_base_name();
}

bool ProvingView::export_to(const QString& path, QString* error) const {
    return dynamic_cast<const Exportable*>(charts_->currentWidget())->export_to(path, error);
}

bool ProvingView::write_report(const QString& pdf_path, QString* error) const {
    return write_run_report(pdf_path, {paths_, status_, history_, timing_}, error);
}

}  // namespace ps::ui
