#include "ui/remote_panel.hpp"

#include "core/pipeline/step_verify.hpp"
#include "core/remote/job_log.hpp"
#include "core/remote/resource_defaults.hpp"
#include "core/util/progress.hpp"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ps::ui {
namespace {

using remote::JobInfo;
using remote::JobPhase;

QString q(const std::string& s) { return QString::fromStdString(s); }

// Colours carry the phase; the text says it too, so nothing depends on the colour alone.
QColor phase_colour(JobPhase p) {
    switch (p) {
        case JobPhase::Pending: return QColor(0x99, 0x99, 0x99);
        case JobPhase::Running: return QColor(0x1f, 0x77, 0xb4);
        case JobPhase::Done: return QColor(0x2c, 0xa0, 0x2c);
        case JobPhase::Failed: return QColor(0xd6, 0x27, 0x28);
        case JobPhase::Cancelled: return QColor(0xff, 0x7f, 0x0e);
    }
    return {};
}

QString default_cli() {
    const QByteArray env = qgetenv("PROOFSCOPE_REMOTE_CLI");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    // The CLI installed or built next to this GUI: the nodes run the same build.
    return QDir(QCoreApplication::applicationDirPath()).filePath("proofscope-cli");
}

}  // namespace

RemotePanel::RemotePanel(std::shared_ptr<remote::SlurmClient> client, QWidget* parent)
    : QWidget(parent), client_(client ? std::move(client) : std::shared_ptr<remote::SlurmClient>(remote::make_slurm_client())) {
    auto* outer = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    step_ = new QComboBox;
    for (const auto s : remote::remote_steps()) step_->addItem(q(std::string(s)));
    step_->setCurrentText("prove");
    partition_ = new QLineEdit;
    partition_->setPlaceholderText("the cluster's default partition");
    time_ = new QLineEdit;
    time_->setPlaceholderText("from the last run");
    time_->setToolTip("Slurm's --time: minutes (30), H:MM:SS or D-HH:MM:SS; empty: 3 × the last run in runs.jsonl + 5 min, or the partition's limit");
    mem_mib_ = new QSpinBox;
    mem_mib_->setRange(0, 16 * 1024 * 1024);
    mem_mib_->setSuffix(" MiB");
    mem_mib_->setSpecialValueText("from the pre-flight estimate");
    mem_mib_->setToolTip("Slurm's --mem; 0: the step's estimated peak memory × 1.5");
    cpus_ = new QSpinBox;
    cpus_->setRange(0, 1024);
    cpus_->setSpecialValueText("the cluster's default");
    cpus_->setToolTip("Slurm's --cpus-per-task, also the step's --threads");
    cli_ = new QLineEdit(default_cli());
    cli_->setToolTip("proofscope-cli as the compute nodes run it (an absolute path they can see)");
    submit_ = new QPushButton("Submit to cluster");
    submit_->setToolTip("sbatch: runs the step in the project folder on a compute node (memory from the pre-flight estimate)");
    auto* step_row = new QHBoxLayout;
    step_row->addWidget(step_, 1);
    step_row->addWidget(submit_);
    form->addRow("Step:", step_row);
    form->addRow("Partition:", partition_);
    auto* resources = new QHBoxLayout;
    resources->addWidget(new QLabel("Time:"));
    resources->addWidget(time_, 2);
    resources->addWidget(new QLabel("Memory:"));
    resources->addWidget(mem_mib_, 1);
    resources->addWidget(new QLabel("CPUs:"));
    resources->addWidget(cpus_, 1);
    form->addRow("Resources:", resources);
    form->addRow("proofscope-cli on the nodes:", cli_);
    outer->addLayout(form);
    message_ = new QLabel;
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(message_);

    auto* split = new QSplitter(Qt::Vertical);
    table_ = new QTableWidget(0, 6);
    table_->setHorizontalHeaderLabels({"Job", "Step", "State", "Slurm's reason", "Run time", "Exit"});
    table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    split->addWidget(table_);
    auto* lower = new QWidget;
    auto* lower_layout = new QVBoxLayout(lower);
    lower_layout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    auto* refresh_button = new QPushButton("Refresh");
    log_button_ = new QPushButton("Show log");
    cancel_button_ = new QPushButton("Cancel job");
    verify_button_ = new QPushButton("Verify proof here");
    verify_button_->setToolTip("Checks the finished prove job's proof.json on this machine with vk.key and kzg.srs");
    for (auto* b : {refresh_button, log_button_, cancel_button_, verify_button_}) buttons->addWidget(b);
    buttons->addStretch(1);
    lower_layout->addLayout(buttons);
    verdict_ = new QLabel;
    verdict_->setWordWrap(true);
    lower_layout->addWidget(verdict_);
    log_ = new QPlainTextEdit;
    log_->setReadOnly(true);
    log_->setPlaceholderText("Select a job and press Show log: the step's own output, progress lines included.");
    lower_layout->addWidget(log_, 1);
    split->addWidget(lower);
    outer->addWidget(split, 1);

    timer_ = new QTimer(this);
    timer_->setInterval(3000);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (!busy() && isVisible()) refresh();
    });
    connect(submit_, &QPushButton::clicked, this, &RemotePanel::submit);
    connect(refresh_button, &QPushButton::clicked, this, &RemotePanel::refresh);
    connect(log_button_, &QPushButton::clicked, this, &RemotePanel::show_log);
    connect(cancel_button_, &QPushButton::clicked, this, &RemotePanel::cancel_selected);
    connect(verify_button_, &QPushButton::clicked, this, &RemotePanel::verify_selected);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &RemotePanel::update_buttons);
    set_message("Open a project whose folder the cluster's nodes can reach, choose a step and Submit. Slurm's tools "
                "(sbatch, squeue) must be on PATH; SLURM_CONF names the cluster (docs/REMOTE.md).");
    update_buttons();
}

void RemotePanel::set_project(const ProjectPaths& paths) {
    if (paths == project_) return;
    project_ = paths;
    jobs_.clear();
    show_jobs({});
    log_->clear();
    verdict_->clear();
    submit_->setEnabled(!paths.folder.isEmpty());
    if (!paths.folder.isEmpty() && isVisible()) refresh();
}

void RemotePanel::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    if (!project_.folder.isEmpty() && !busy()) refresh();
}

void RemotePanel::set_refresh_interval(int ms) { timer_->setInterval(ms); }

QString RemotePanel::message() const { return message_->text(); }
QString RemotePanel::log_text() const { return log_->toPlainText(); }
QString RemotePanel::verdict_text() const { return verdict_->text(); }
bool RemotePanel::can_verify() const { return verify_button_->isEnabled(); }

void RemotePanel::set_message(const QString& text, bool error) {
    message_->setText(text);
    message_->setStyleSheet(error ? "color: #d62728;" : QString());
}

void RemotePanel::in_background(std::function<std::function<void()>()> work) {
    ++in_flight_;
    auto* watcher = new QFutureWatcher<std::function<void()>>(this);
    connect(watcher, &QFutureWatcher<std::function<void()>>::finished, this, [this, watcher] {
        --in_flight_;
        watcher->result()();
        watcher->deleteLater();
        update_buttons();
        emit updated();
    });
    watcher->setFuture(QtConcurrent::run([this, work = std::move(work)]() -> std::function<void()> {
        try {
            return work();
        } catch (const std::exception& e) {
            const QString what = QString::fromUtf8(e.what());
            // A cluster that does not answer is not polled again until the user asks.
            return [this, what] {
                set_message(what, true);
                timer_->stop();
            };
        }
    }));
}

void RemotePanel::set_resources(const QString& time, int mem_mib, int cpus) {
    time_->setText(time);
    mem_mib_->setValue(mem_mib);
    cpus_->setValue(cpus);
}

void RemotePanel::submit() {
    if (project_.folder.isEmpty()) return;
    remote::JobRequest r;
    r.artifacts = std::filesystem::weakly_canonical(std::filesystem::absolute(project_.folder.toStdString()));
    r.step = step_->currentText().toStdString();
    r.partition = partition_->text().trimmed().toStdString();
    r.time = time_->text().trimmed().toStdString();
    r.mem_mib = uint64_t(mem_mib_->value());
    r.cpus = unsigned(cpus_->value());
    r.cli = cli_->text().trimmed().toStdString();
    // The project's own input.json when it lives outside the folder.
    if (!project_.input_json.isEmpty() && (r.step == "gen-witness" || r.step == "calibrate-settings") &&
        QFileInfo(project_.input_json).absolutePath() != QFileInfo(project_.folder).absoluteFilePath())
        r.step_args = {"-D", QFileInfo(project_.input_json).absoluteFilePath().toStdString()};
    in_background([this, client = client_, r]() -> std::function<void()> {
        remote::JobRequest req = r;
        const auto defaults = remote::default_resources(req.step, req.artifacts);
        const bool estimated_mem = req.mem_mib == 0;
        if (estimated_mem) req.mem_mib = defaults.mem_mib;
        if (req.time.empty()) req.time = defaults.time;
        const QString id = q(client->submit(req));
        QString note = "Submitted " + q(req.step) + " as job " + id + ".";
        if (req.mem_mib)
            note += " Memory " + QString::number(req.mem_mib) + " MiB (" + (estimated_mem ? q(defaults.mem_basis) : QString("as asked")) + ").";
        return [this, note] {
            set_message(note);
            refresh();
        };
    });
}

void RemotePanel::refresh() {
    if (project_.folder.isEmpty()) return;
    const std::filesystem::path folder = std::filesystem::weakly_canonical(std::filesystem::absolute(project_.folder.toStdString()));
    in_background([this, client = client_, folder]() -> std::function<void()> {
        std::vector<JobInfo> mine;
        for (const auto& j : client->list()) {
            if (std::filesystem::path(j.work_dir).lexically_normal() != folder) continue;
            // squeue has no exit code or log; scontrol does, per job or task.
            auto detail = client->status(j.id);
            mine.push_back(detail.size() == 1 ? detail.front() : j);
        }
        remote::sort_by_job_id(mine);
        return [this, mine = std::move(mine)]() mutable { show_jobs(std::move(mine)); };
    });
}

void RemotePanel::show_jobs(std::vector<JobInfo> jobs) {
    QString keep;
    if (const JobInfo* s = selected()) keep = q(s->id);
    jobs_ = std::move(jobs);
    table_->setRowCount(int(jobs_.size()));
    int unfinished = 0;
    for (size_t i = 0; i < jobs_.size(); ++i) {
        const JobInfo& j = jobs_[i];
        const bool finished = remote::is_finished(j.phase);
        unfinished += !finished;
        const QString step = q(j.name).startsWith("ps-") ? q(j.name).mid(3) : q(j.name);
        const QStringList cells{q(j.id), step, q(std::string(remote::to_string(j.phase))), q(j.reason), q(j.run_time),
                                finished ? QString::number(j.exit_code) : QString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == 2) item->setForeground(phase_colour(j.phase));
            if (c == 2) item->setToolTip("Slurm: " + q(j.state));
            table_->setItem(int(i), c, item);
        }
        if (q(j.id) == keep) table_->selectRow(int(i));
    }
    if (jobs_.empty() && !project_.folder.isEmpty() && message_->text().isEmpty())
        set_message("No ProofScope job of this folder is known to the scheduler: choose a step and Submit.");
    // Nothing left to watch: stop asking the controller every few seconds.
    if (unfinished == 0) timer_->stop();
    else if (!timer_->isActive()) timer_->start();
    update_buttons();
}

const JobInfo* RemotePanel::selected() const {
    const auto rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty()) return nullptr;
    const size_t r = size_t(rows.first().row());
    return r < jobs_.size() ? &jobs_[r] : nullptr;
}

void RemotePanel::select_job(const QString& id) {
    for (size_t i = 0; i < jobs_.size(); ++i)
        if (q(jobs_[i].id) == id) table_->selectRow(int(i));
}

void RemotePanel::update_buttons() {
    const JobInfo* j = selected();
    log_button_->setEnabled(j && !j->log.empty());
    cancel_button_->setEnabled(j && !remote::is_finished(j->phase));
    // Only a plain prove job's proof is the folder's proof.json; an array task's lives under
    // proofs/<input>/, which the CLI verifies (`job -a DIR verify --inputs ...`).
    verify_button_->setEnabled(j && j->name == "ps-prove" && j->phase == JobPhase::Done && j->array_job.empty());
}

void RemotePanel::show_log() {
    const JobInfo* j = selected();
    if (!j) return;
    const std::filesystem::path log = j->log;
    const QString id = q(j->id);
    in_background([this, log, id]() -> std::function<void()> {
        const QString text = q(remote::log_tail(log, 400));
        return [this, text, id, log] {
            log_->setPlainText(text.isEmpty() ? "(job " + id + " has written nothing yet to " + q(log.string()) + ")" : text);
            log_->moveCursor(QTextCursor::End);
        };
    });
}

void RemotePanel::cancel_selected() {
    const JobInfo* j = selected();
    if (!j) return;
    const std::string id = j->id;
    in_background([this, client = client_, id]() -> std::function<void()> {
        client->cancel(id);
        return [this, id] {
            set_message("Cancelled job " + q(id) + ": its step stops without leaving a half-written file.");
            refresh();
        };
    });
}

void RemotePanel::verify_selected() {
    const JobInfo* j = selected();
    if (!j) return;
    const pipeline::Project project(std::filesystem::path(project_.folder.toStdString()));
    const QString id = q(j->id);
    in_background([this, project, id]() -> std::function<void()> {
        NullProgress quiet;
        const auto r = pipeline::verify(project, quiet);
        const QString text = r.verdict.ok
                                 ? QString("VALID: job %1's proof.json verifies here (%2 ms)").arg(id).arg(r.verify_milliseconds, 0, 'f', 1)
                                 : QString("INVALID: job %1's proof.json: %2").arg(id, q(r.verdict.reason));
        const bool ok = r.verdict.ok;
        return [this, text, ok] {
            verdict_->setText(text);
            verdict_->setStyleSheet(ok ? "color: #2ca02c; font-weight: bold;" : "color: #d62728; font-weight: bold;");
        };
    });
}

}  // namespace ps::ui
