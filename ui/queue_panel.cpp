#include "ui/queue_panel.hpp"

#include "ui/jobs/job_queue.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace ps::ui {

QueuePanel::QueuePanel(QWidget* parent) : QWidget(parent), queue_(new JobQueue(this)) {
    auto* outer = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    auto* add_files = new QPushButton("Add input files…");
    auto* add_folder = new QPushButton("Add the folder's input*.json");
    add_folder->setToolTip("Every input*.json in the project folder");
    parallel_ = new QSpinBox;
    parallel_->setRange(1, std::max(1, QThread::idealThreadCount()));
    parallel_->setToolTip("Proofs made at the same time; the cores are divided among them");
    run_ = new QPushButton("Run queue");
    cancel_ = new QPushButton("Cancel all");
    auto* clear = new QPushButton("Clear finished");
    row->addWidget(add_files);
    row->addWidget(add_folder);
    row->addStretch(1);
    row->addWidget(new QLabel("At once:"));
    row->addWidget(parallel_);
    row->addWidget(run_);
    row->addWidget(cancel_);
    row->addWidget(clear);
    outer->addLayout(row);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    outer->addWidget(summary_);
    table_ = new QTableWidget(0, 6);
    table_->setHorizontalHeaderLabels({"Input", "State", "Progress", "Stage", "Time", "Verdict"});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    outer->addWidget(table_, 1);

    connect(add_files, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, "Inputs to prove", QString(), "JSON (*.json)");
        queue_->add_inputs(files);
    });
    connect(add_folder, &QPushButton::clicked, queue_, &JobQueue::add_folder_inputs);
    connect(parallel_, &QSpinBox::valueChanged, queue_, &JobQueue::set_parallel);
    connect(run_, &QPushButton::clicked, queue_, &JobQueue::start);
    connect(cancel_, &QPushButton::clicked, queue_, &JobQueue::cancel_all);
    connect(clear, &QPushButton::clicked, queue_, &JobQueue::clear_finished);
    connect(queue_, &JobQueue::changed, this, &QueuePanel::refresh);
    refresh();
}

void QueuePanel::set_project(const ProjectPaths& paths) {
    queue_->set_project(paths);
    refresh();
}

void QueuePanel::set_threads(unsigned per_job) {
    queue_->set_threads(per_job);
    refresh();
}

void QueuePanel::refresh() {
    const auto& jobs = queue_->jobs();
    table_->setRowCount(int(jobs.size()));
    int done = 0, waiting = 0;
    for (size_t i = 0; i < jobs.size(); ++i) {
        const QueuedJob& j = jobs[i];
        const int r = int(i);
        auto set = [&](int c, const QString& text) {
            auto* item = table_->item(r, c);
            if (!item) table_->setItem(r, c, item = new QTableWidgetItem);
            item->setText(text);
        };
        set(0, QFileInfo(j.input).fileName());
        table_->item(r, 0)->setToolTip(j.input + "\nproof: " + j.proof);
        set(1, to_text(j.state));
        auto* bar = qobject_cast<QProgressBar*>(table_->cellWidget(r, 2));
        if (!bar) table_->setCellWidget(r, 2, bar = new QProgressBar);
        bar->setRange(0, 100);
        bar->setValue(j.percent);
        set(3, j.state == QueuedJob::State::Failed ? j.error : j.stage);
        set(4, j.seconds > 0 ? QString("%1 s").arg(j.seconds, 0, 'f', 1) : QString());
        set(5, j.verdict);
        if (j.state == QueuedJob::State::Done) ++done;
        if (j.state == QueuedJob::State::Waiting) ++waiting;
        const QColor colour = j.state == QueuedJob::State::Failed ? QColor(0xc0, 0x39, 0x2b)
                              : j.verdict == "valid"              ? QColor(0x1e, 0x84, 0x49)
                                                                  : QColor();
        if (colour.isValid()) table_->item(r, 5)->setForeground(colour);
    }
    run_->setEnabled(waiting > 0);
    cancel_->setEnabled(queue_->busy() || waiting > 0);
    summary_->setText(jobs.empty()
                          ? QString("Nothing queued. Add input files (or the project folder's input*.json) and press Run queue: each "
                                    "input gets its own witness and proof under proofs/<input>/ and a line in runs.jsonl.")
                          : QString("%1 of %2 done, %3 waiting. %4 at once, %5 core thread(s) each.")
                                .arg(done).arg(jobs.size()).arg(waiting).arg(queue_->parallel()).arg(queue_->threads_per_job()));
}

}  // namespace ps::ui
