#pragma once
// The "Proving" tab: Generate keys / Prove / Verify buttons, one progress bar per stage
// of the running job (StageProgressView, rows from core's stage plan), and below it the
// charts of the project's run history: the last run's stage times, prove time over runs,
// and two runs compared. File ▸ Export saves the chart on show; the run report (PDF)
// puts model, settings, layers, timings and verdict on one page.
#include "ui/jobs/job_runner.hpp"
#include "ui/models/artifact_status.hpp"
#include "ui/models/recent_projects.hpp"
#include "ui/widgets/exportable.hpp"

#include "core/pipeline/run_history.hpp"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace ps::ui {

class HistoryChart;
class ResourceChart;
class RunComparisonChart;
class StageProgress;
class StageProgressView;
class StageTimingChart;

class ProvingView : public QWidget, public Exportable {
    Q_OBJECT
public:
    explicit ProvingView(QWidget* parent = nullptr);

    // Follows `jobs`: every step that starts there gets its rows (begin_step first).
    void attach(JobRunner& jobs);
    void set_project(const ProjectPaths& paths, const ProjectStatus& status);
    // Called just before `step` starts: the plan from core, the weights from history.
    void begin_step(const QString& step);

    StageProgress& progress() const { return *progress_; }
    StageTimingChart* timing_chart() const { return timing_; }
    HistoryChart* history_chart() const { return history_chart_; }
    RunComparisonChart* comparison_chart() const { return comparison_; }
    ResourceChart* resource_chart() const { return resources_; }
    const pipeline::RunHistory& history() const { return history_; }
    enum class Chart { StageTimes, History, Comparison, Resources };
    void show_chart(Chart c);
    // Core threads for setup and prove (0: all cores); remembered in QSettings.
    unsigned threads() const;

    QString export_base_name() const override;
    QStringList export_formats() const override { return {"png", "pdf", "csv"}; }
    bool export_to(const QString& path, QString* error) const override;
    // The one-page run report: model, settings, layer summary, last timings and verdict.
    bool write_report(const QString& pdf_path, QString* error) const;

signals:
    void run_requested(const QString& step);
    void cancel_requested();
    void threads_changed(unsigned threads);

private:
    void reload_history();
    void set_buttons_busy(bool busy);

    ProjectPaths paths_;
    ProjectStatus status_;
    pipeline::RunHistory history_;
    StageProgress* progress_;
    StageProgressView* progress_view_;
    QLabel* hint_;
    QPushButton* setup_;
    QPushButton* prove_;
    QPushButton* verify_;
    QPushButton* cancel_;
    QPushButton* report_;
    QSpinBox* threads_;
    QTabWidget* charts_;
    StageTimingChart* timing_;
    HistoryChart* history_chart_;
    RunComparisonChart* comparison_;
    ResourceChart* resources_;
};

}  // namespace ps::ui
