#pragma once
// Proving several inputs in one go: each input (a file the user picked, or the project
// folder's input*.json) becomes a job — gen-witness, prove, verify, history line, via
// pipeline::witness_prove_and_record — with its witness and proof under
// <folder>/proofs/<input>/. Jobs run on a QThreadPool of `parallel` threads; each job's
// core loops get `threads` cores (0: the machine's cores divided among the parallel
// jobs), so the pool and the core's parallelism share the machine instead of
// oversubscribing it. Every job's state is kept here for the queue table.
#include "ui/jobs/error_report.hpp"
#include "ui/models/recent_projects.hpp"

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <vector>

namespace ps::ui {

struct QueuedJob {
    enum class State { Waiting, Running, Done, Failed, Cancelled };
    int id = 0;     // stable while the list changes around it
    QString input;  // absolute path of its input.json
    State state = State::Waiting;
    int percent = 0;
    QString stage;    // the core's current stage
    double seconds = 0;
    QString verdict;  // "valid" / "invalid: …" when done
    QString error;    // when failed
    QString proof;    // where its proof.json goes
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

QString to_text(QueuedJob::State s);

class JobQueue : public QObject {
    Q_OBJECT
public:
    explicit JobQueue(QObject* parent = nullptr);
    ~JobQueue() override;  // cancels and waits

    void set_project(const ProjectPaths& paths);
    void add_inputs(const QStringList& files);  // ignored: files already queued and waiting
    void add_folder_inputs();                   // <folder>/input*.json
    void clear_finished();
    void set_parallel(int jobs);           // jobs at once (≥ 1)
    void set_threads(unsigned per_job) { threads_ = per_job; }
    int parallel() const { return parallel_; }
    unsigned threads_per_job() const;      // what a job gets now

    void start();       // every waiting job
    void cancel_all();  // running ones stop between chunks; waiting ones are dropped
    bool busy() const { return running_ > 0; }
    bool wait(int msecs = -1) { return pool_.waitForDone(msecs); }
    const std::vector<QueuedJob>& jobs() const { return jobs_; }

signals:
    void changed();       // a job was added, moved on or ended
    void all_finished();  // the last running job ended
    void job_failed(const ps::ui::ErrorReport& error);

private:
    QueuedJob* find(int id);
    void launch(QueuedJob& job);
    void on_stage(int id, const QString& stage, int depth, bool ended);
    void on_end(int id, QueuedJob::State state, double seconds, const QString& verdict, const ErrorReport& error);

    ProjectPaths paths_;
    std::vector<QueuedJob> jobs_;
    QThreadPool pool_;
    int parallel_ = 1;
    unsigned threads_ = 0;
    int running_ = 0;
    int next_id_ = 1;
    int planned_stages_ = 1;  // of one job, for its bar
};

}  // namespace ps::ui
