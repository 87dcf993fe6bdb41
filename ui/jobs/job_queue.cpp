#include "ui/jobs/job_queue.hpp"

#include "ui/jobs/step_jobs.hpp"

#include "core/pipeline/proving_run.hpp"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>
#include <QThread>
#include <algorithm>

namespace ps::ui {

QString to_text(QueuedJob::State s) {
    switch (s) {
    case QueuedJob::State::Waiting: return "waiting";
    case QueuedJob::State::Running: return "running";
    case QueuedJob::State::Done: return "done";
    case QueuedJob::State::Failed: return "failed";
    case QueuedJob::State::Cancelled: return "cancelled";
    }
    return {};
}

namespace {
// Reports a job's top-level stages to the queue on the GUI thread (queued calls).
class QueueSink final : public ProgressSink {
public:
    QueueSink(JobQueue* queue, int id, std::shared_ptr<std::atomic<bool>> cancel,
              std::function<void(int, QString, int, bool)> report)
        : queue_(queue), id_(id), cancel_(std::move(cancel)), report_(std::move(report)) {}
    void begin_stage(std::string_view name, uint64_t) override {
        names_.emplace_back(QString::fromUtf8(name.data(), qsizetype(name.size())));
        post(names_.back(), int(names_.size()) - 1, false);
    }
    void advance(uint64_t) override {}
    void end_stage() override {
        if (names_.empty()) return;
        const QString name = names_.back();
        names_.pop_back();
        post(name, int(names_.size()), true);
    }
    bool cancelled() const override { return cancel_->load(); }

private:
    void post(const QString& stage, int depth, bool ended) {
        QMetaObject::invokeMethod(queue_, [r = report_, id = id_, stage, depth, ended] { r(id, stage, depth, ended); },
                                  Qt::QueuedConnection);
    }
    JobQueue* queue_;
    int id_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::function<void(int, QString, int, bool)> report_;
    std::vector<QString> names_;
};
}  // namespace

JobQueue::JobQueue(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ps::ui::ErrorReport>();
    pool_.setMaxThreadCount(parallel_);
}

JobQueue::~JobQueue() {
    blockSignals(true);  // the panel that listens is being destroyed around us
    cancel_all();
    pool_.waitForDone();
}

void JobQueue::set_project(const ProjectPaths& paths) {
    paths_ = paths;
    planned_stages_ = int(pipeline::planned_run_stages("prove", to_project(paths)).size()) + 4;  // + gen-witness's
}

void JobQueue::add_inputs(const QStringList& files) {
    for (const QString& f : files) {
        const QString path = QFileInfo(f).absoluteFilePath();
        const bool queued = std::any_of(jobs_.begin(), jobs_.end(), [&](const QueuedJob& j) {
            return j.input == path && j.state == QueuedJob::State::Waiting;
        });
        if (queued) continue;
        QueuedJob job;
        job.id = next_id_++;
        job.input = path;
        job.proof = QString::fromStdString(
            pipeline::project_for_input(to_project(paths_), path.toStdString()).path(pipeline::Artifact::Proof).string());
        jobs_.push_back(std::move(job));
    }
    emit changed();
}

void JobQueue::add_folder_inputs() {
    QStringList files;
    for (const auto& p : pipeline::queue_inputs_in(paths_.folder.toStdString())) files << QString::fromStdString(p.string());
    add_inputs(files);
}

void JobQueue::clear_finished() {
    std::erase_if(jobs_, [](const QueuedJob& j) {
        return j.state != QueuedJob::State::Waiting && j.state != QueuedJob::State::Running;
    });
    emit changed();
}

void JobQueue::set_parallel(int jobs) {
    parallel_ = std::max(1, jobs);
    pool_.setMaxThreadCount(parallel_);
}

unsigned JobQueue::threads_per_job() const {
    if (threads_ > 0) return threads_;
    return unsigned(std::max(1, QThread::idealThreadCount() / parallel_));
}

QueuedJob* JobQueue::find(int id) {
    for (auto& j : jobs_)
        if (j.id == id) return &j;
    return nullptr;
}

void JobQueue::start() {
    if (paths_.folder.isEmpty()) return;
    for (auto& j : jobs_)
        if (j.state == QueuedJob::State::Waiting && !j.cancel->load()) launch(j);
    emit changed();
}

void JobQueue::launch(QueuedJob& job) {
    job.state = QueuedJob::State::Running;
    job.percent = 0;
    ++running_;
    const pipeline::Project project = pipeline::project_for_input(to_project(paths_), job.input.toStdString());
    pipeline::RunOptions options;
    options.threads = threads_per_job();
    const int id = job.id;
    auto cancel = job.cancel;
    auto report = [this](int i, QString stage, int depth, bool ended) { on_stage(i, stage, depth, ended); };
    pool_.start([this, project, options, id, cancel, report] {
        QElapsedTimer clock;
        clock.start();
        QueueSink sink(this, id, cancel, report);
        QueuedJob::State state = QueuedJob::State::Done;
        QString verdict;
        ErrorReport error;
        try {
            if (cancel->load()) throw Cancelled();
            const pipeline::ProvingRun run = pipeline::witness_prove_and_record(project, options, sink);
            verdict = QString::fromStdString(run.record.verdict);
        } catch (const Cancelled&) {
            state = QueuedJob::State::Cancelled;
        } catch (const std::exception& e) {
            state = QueuedJob::State::Failed;
            error = ErrorReport::from_exception("Queue: " + QString::fromStdString(project.path(pipeline::Artifact::Input).filename().string()), e);
        }
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        QMetaObject::invokeMethod(this, [this, id, state, seconds, verdict, error] { on_end(id, state, seconds, verdict, error); },
                                  Qt::QueuedConnection);
    });
}

void JobQueue::on_stage(int id, const QString& stage, int depth, bool ended) {
    QueuedJob* j = find(id);
    if (!j || j->state != QueuedJob::State::Running || depth > 0) return;
    if (ended) j->percent = std::min(99, j->percent + std::max(1, 100 / std::max(planned_stages_, 1)));
    else j->stage = stage;
    emit changed();
}

void JobQueue::on_end(int id, QueuedJob::State state, double seconds, const QString& verdict, const ErrorReport& error) {
    --running_;
    if (QueuedJob* j = find(id)) {
        j->state = state;
        j->seconds = seconds;
        j->verdict = verdict;
        j->stage.clear();
        if (state == QueuedJob::State::Done) j->percent = 100;
        if (state == QueuedJob::State::Failed) j->error = error.one_line();
    }
    if (state == QueuedJob::State::Failed) emit job_failed(error);
    emit changed();
    if (running_ == 0) emit all_finished();
}

void JobQueue::cancel_all() {
    for (auto& j : jobs_) {
        j.cancel->store(true);
        if (j.state == QueuedJob::State::Waiting) j.state = QueuedJob::State::Cancelled;
    }
    emit changed();
}

}  // namespace ps::ui
