#pragma once
// The workbench window: project panel and layer list on the left, the layer and
// whole-model views as tabs in the middle, the Problems panel below, and a status bar
// with the running step, its progress and Cancel. The window only arranges and wires
// its collaborators, each with one concern:
//   ProjectController  which project is open and what its folder holds (read off-thread)
//   StepRunner         what happens when a step is run (core/pipeline on the QThreadPool)
//   LayerViews         the views of the witness, kept on one trace and one selected layer
#include "ui/jobs/error_report.hpp"
#include "ui/layer_views.hpp"
#include "ui/models/artifact_status.hpp"
#include "ui/models/recent_projects.hpp"

#include <QMainWindow>
#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;

namespace ps::ui {

class ErrorPanel;
class LayerListView;
class ProjectController;
class ProjectPanel;
class DemoFlow;
class OutputView;
class ProvingView;
class QueuePanel;
class RemotePanel;
class StepRunner;
class VerifyPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    using View = LayerViews::View;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void open_project(const ProjectPaths& paths);
    ProjectPaths project() const;
    std::shared_ptr<const WitnessResult> trace() const { return views_->trace(); }
    const ProjectStatus& status() const;
    bool busy() const;  // a step or a reload is running

    void show_view(View v) { views_->show_view(v); }
    QWidget* view_widget(View v) const { return views_->view_widget(v); }
    static QString view_title(View v) { return LayerViews::view_title(v); }
    LayerListView* layer_list() const { return views_->layer_list(); }
    ErrorPanel* error_panel() const { return errors_; }
    ProjectPanel* project_panel() const { return project_panel_; }
    ProvingView* proving_view() const { return proving_; }
    VerifyPanel* verify_panel() const { return verify_; }
    QueuePanel* queue_panel() const { return queue_; }
    RemotePanel* remote_panel() const { return remote_; }
    DemoFlow* demo_flow() const { return demo_; }
    OutputView* output_view() const { return output_; }
    enum class Page { Proving, Verify, Queue, Demo, Output, Remote };
    // The demo in one click: opens the demo project when none is open, runs every
    // missing step to proof.json, then verifies it on the Verify tab.
    void prove_demo_in_one_click();
    void show_page(Page p);

public slots:
    void refresh_project();
    void generate_witness();
    void run_step(const QString& command);
    void run_missing_steps();  // every missing step up to and including the witness
    void cancel_job();
    void select_layer(int row) { views_->select_layer(row); }

signals:
    void project_loaded();  // after every (re)load of the artifacts
    void idle();            // no step or reload running any more

protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void build_docks();
    void build_proving_tabs();
    void build_menus();
    void build_status_bar();
    void connect_project();
    void connect_steps();
    void on_project_loaded();
    void set_running(const QString& what);
    void set_idle(const QString& message);
    void report(const ErrorReport& e);
    void rebuild_recent_menu();
    void export_current_view();
    void export_layer_table();
    void open_folder_dialog();
    void open_input_dialog();
    void open_demo_project();

    ProjectController* project_;
    StepRunner* steps_;
    LayerViews* views_;
    ProvingView* proving_;
    VerifyPanel* verify_;
    QueuePanel* queue_;
    RemotePanel* remote_;
    DemoFlow* demo_;
    OutputView* output_;

    ProjectPanel* project_panel_;
    ErrorPanel* errors_;
    QLabel* status_text_;
    QProgressBar* progress_;
    QPushButton* cancel_button_;
    QMenu* recent_menu_;
    QAction* generate_action_;
    QAction* cancel_action_;
};

}  // namespace ps::ui
