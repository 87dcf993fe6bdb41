#pragma once
// The workbench window: project panel and layer list on the left, the layer and
// whole-model views as tabs in the middle, the Problems panel below, and a status bar
// with the running job, its progress and Cancel. Everything slow (reading artifacts,
// every pipeline step) runs off the GUI thread.
#include "ui/jobs/job_runner.hpp"
#include "ui/models/artifact_status.hpp"
#include "ui/models/recent_projects.hpp"
#include "core/witness/generate.hpp"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QSet>
#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace ps::ui {

class ErrorGrowthPlot;
class ErrorPanel;
class FloatVsQuantPlot;
class InputView;
class LayerHeatmap;
class LayerListView;
class ProjectPanel;
class RangePlot;
class RawValuesView;
class ValueHistogram;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class View { Heatmap, Histogram, FloatVsQuant, RawValues, ErrorGrowth, Ranges, Input, Count };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void open_project(const ProjectPaths& paths);
    ProjectPaths project() const { return project_; }
    std::shared_ptr<const WitnessResult> trace() const { return trace_; }
    const ProjectStatus& status() const { return status_; }
    bool busy() const;  // a step or a reload is running

    void show_view(View v);
    QWidget* view_widget(View v) const;
    static QString view_title(View v);
    LayerListView* layer_list() const { return layers_; }
    ErrorPanel* error_panel() const { return errors_; }
    ProjectPanel* project_panel() const { return project_panel_; }

public slots:
    void refresh_project();
    void generate_witness();
    void run_step(const QString& command);
    void run_missing_steps();  // every missing step up to and including the witness
    void cancel_job();
    void select_layer(int row);

signals:
    void project_loaded();  // after every (re)load of the artifacts
    void idle();            // no job, step or reload running any more

protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    struct Loaded {
        ProjectStatus status;
    };
    void build_views();
    void build_docks();
    void build_menus();
    void build_status_bar();
    void connect_jobs();
    void on_loaded();
    void set_running(const QString& what);
    void set_idle(const QString& message);
    void report(const ErrorReport& e);
    void rebuild_recent_menu();
    void export_current_view();
    void export_layer_table();
    void open_folder_dialog();
    void open_input_dialog();
    void open_demo_project();
    void continue_chain();

    ProjectPaths project_;
    ProjectStatus status_;
    std::shared_ptr<const WitnessResult> trace_;
    int selected_layer_ = -1;
    bool chain_to_witness_ = false;
    bool reload_again_ = false;
    QSet<QString> reported_;  // artifact problems already in the Problems panel

    JobRunner jobs_;
    QFutureWatcher<Loaded> loader_;

    ProjectPanel* project_panel_;
    LayerListView* layers_;
    ErrorPanel* errors_;
    QTabWidget* tabs_;
    LayerHeatmap* heatmap_;
    ValueHistogram* histogram_;
    FloatVsQuantPlot* float_vs_quant_;
    RawValuesView* raw_values_;
    ErrorGrowthPlot* error_growth_;
    RangePlot* ranges_;
    InputView* input_view_;
    QLabel* status_text_;
    QProgressBar* progress_;
    QPushButton* cancel_button_;
    QMenu* recent_menu_;
    QAction* generate_action_;
    QAction* cancel_action_;
};

}  // namespace ps::ui
