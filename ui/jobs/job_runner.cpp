#include "ui/jobs/job_runner.hpp"

#include <QMetaObject>
#include <chrono>
#include <cmath>
#include <vector>

namespace ps::ui {

// Emits from the worker thread; Qt queues the signals to receivers in the GUI thread.
// Only changes of the whole percent are emitted, so a tight core loop cannot flood the
// event queue.
class JobRunner::Sink final : public ProgressSink {
public:
    Sink(JobRunner& runner, const std::atomic<bool>& cancel) : runner_(runner), cancel_(cancel) {}

    void begin_stage(std::string_view name, uint64_t total) override {
        total_ = total;
        last_percent_ = -1;
        const QString stage = QString::fromUtf8(name.data(), qsizetype(name.size()));
        open_.push_back({stage, std::chrono::steady_clock::now()});
        emit runner_.stage_started(stage, int(open_.size()) - 1);
        emit runner_.stage_changed(stage);
        emit_percent(0);
    }
    void advance(uint64_t done) override {
        if (total_ == 0) return;
        emit_percent(int(std::min<uint64_t>(done, total_) * 100 / total_));
    }
    void end_stage() override {
        emit_percent(100);
        if (open_.empty()) return;
        const Open o = open_.back();
        open_.pop_back();
        emit runner_.stage_finished(
            o.name, int(open_.size()),
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - o.start).count());
    }
    bool cancelled() const override { return cancel_.load(); }

private:
    void emit_percent(int p) {
        if (p == last_percent_.exchange(p)) return;
        emit runner_.progress(p);
    }
    struct Open {
        QString name;
        std::chrono::steady_clock::time_point start;
    };
    JobRunner& runner_;
    const std::atomic<bool>& cancel_;
    std::vector<Open> open_;  // begin/end come from the job's own thread only
    uint64_t total_ = 0;
    std::atomic<int> last_percent_{-1};
};

JobRunner::JobRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ps::ui::ErrorReport>();
    pool_.setMaxThreadCount(1);  // one job at a time; the core parallelises inside with TBB
}

JobRunner::~JobRunner() {
    cancel();
    pool_.waitForDone();
}

bool JobRunner::start(const QString& title, Work work) {
    bool expected = false;
    if (!busy_.compare_exchange_strong(expected, true)) return false;
    cancel_requested_ = false;
    title_ = title;
    clock_.start();
    emit started(title);
    pool_.start([this, work = std::move(work)] { run_job(work); });
    return true;
}

void JobRunner::cancel() {
    if (busy_) cancel_requested_ = true;
}

bool JobRunner::wait(int msecs) { return pool_.waitForDone(msecs); }

void JobRunner::run_job(Work work) {
    Sink sink(*this, cancel_requested_);
    enum class Outcome { Ok, Cancelled, Failed } outcome = Outcome::Ok;
    ErrorReport error;
    try {
        work(sink);  // a job that finished despite a late Cancel has written its result
    } catch (const Cancelled&) {
        outcome = Outcome::Cancelled;
    } catch (const std::exception& e) {
        outcome = Outcome::Failed;
        error = ErrorReport::from_exception(title_, e);
    } catch (...) {
        outcome = Outcome::Failed;
        error.task = title_;
        error.problem = "failed with an unknown exception";
    }
    const double seconds = double(clock_.nsecsElapsed()) / 1e9;
    const QString title = title_;
    busy_ = false;  // before the signals: a slot may start the next job
    switch (outcome) {
    case Outcome::Ok:
        emit progress(100);
        emit succeeded(title, seconds);
        break;
    case Outcome::Cancelled: emit cancelled(title); break;
    case Outcome::Failed: emit failed(error); break;
    }
    emit finished();
}

}  // namespace ps::ui
