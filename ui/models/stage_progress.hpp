#pragma once
// The progress of one job as rows of stages: the rows come from core's plan
// (pipeline::planned_stages) and from the stages the core reports as it runs; the overall
// fraction weighs each stage by its time in the last comparable run (equal weights
// without one), so the ETA follows where the time really goes. No widgets: the view
// (StageProgressView) shows it, tests read it.
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <map>
#include <vector>

namespace ps::ui {

struct StageRow {
    enum class State { Pending, Running, Done, Skipped };
    QString name;
    State state = State::Pending;
    int percent = 0;
    double milliseconds = 0;      // when done; elapsed while running
    double expected_ms = 0;       // from the last run (0: unknown)
    bool planned = true;          // false: reported by the core but not in the plan
};

class StageProgress : public QObject {
    Q_OBJECT
public:
    explicit StageProgress(QObject* parent = nullptr);

    // A new job: one row per planned stage; `expected_ms` by stage name (may be empty).
    void start(const QString& title, const std::vector<std::string>& plan, const std::map<std::string, double>& expected_ms);

    void reset();  // no job: no rows (another project was opened)

    const std::vector<StageRow>& rows() const { return rows_; }
    QString title() const { return title_; }
    bool running() const { return running_; }
    int overall_percent() const { return overall_; }
    double elapsed_seconds() const;
    // Seconds left by the weighted fraction; negative while too little is known.
    double eta_seconds() const;

public slots:
    void stage_started(const QString& stage, int depth);
    void stage_progress(int percent);  // of the innermost running stage
    void stage_finished(const QString& stage, int depth, double milliseconds);
    void finish(bool success);         // success: every row done; else rows stay as they were

signals:
    void changed();  // rows or overall moved
    void overall_changed(int percent);

private:
    int row_of(const QString& stage) const;
    void update_overall();

    QString title_;
    std::vector<StageRow> rows_;
    int current_ = -1;  // the running top-level row
    int depth_ = 0;     // open stages, including nested ones
    int overall_ = 0;
    bool running_ = false;
    QElapsedTimer clock_;
    double final_seconds_ = 0;
};

}  // namespace ps::ui
