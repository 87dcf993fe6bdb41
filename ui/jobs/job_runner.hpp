#pragma once
// Runs one long job at a time on a QThreadPool and adapts core's ps::ProgressSink to Qt
// signals (delivered queued to the GUI thread), so the window never freezes. Cancel sets
// a flag the core checks between chunks; the job then throws ps::Cancelled and, because
// every artifact is written atomically, leaves no half-written file.
#include "ui/jobs/error_report.hpp"

#include "core/util/progress.hpp"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <functional>

namespace ps::ui {

class JobRunner : public QObject {
    Q_OBJECT
public:
    using Work = std::function<void(ProgressSink&)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;  // cancels and waits: no job outlives the window

    // False (and nothing started) when a job is already running.
    bool start(const QString& title, Work work);
    bool busy() const { return busy_.load(); }
    QString current_title() const { return title_; }
    // Waits for the running job (tests, shutdown); true when none is left.
    bool wait(int msecs = -1);

public slots:
    void cancel();

signals:
    void started(const QString& title);
    void stage_changed(const QString& stage);
    // Every stage the core reports, with its nesting depth (0: a stage of the step itself)
    // and, when it ends, its wall time.
    void stage_started(const QString& stage, int depth);
    void stage_finished(const QString& stage, int depth, double milliseconds);
    void progress(int percent);  // of the current stage, 0..100; 100 once more at success
    void succeeded(const QString& title, double seconds);
    void failed(const ps::ui::ErrorReport& error);
    void cancelled(const QString& title);
    void finished();  // after any of the three above

private:
    class Sink;
    void run_job(Work work);

    QThreadPool pool_;
    std::atomic<bool> busy_{false};
    std::atomic<bool> cancel_requested_{false};
    QString title_;
    QElapsedTimer clock_;
};

}  // namespace ps::ui
