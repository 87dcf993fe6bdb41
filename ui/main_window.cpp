#include "ui/main_window.hpp"

#include "ui/demo_project.hpp"
#include "ui/dialogs/about_dialog.hpp"
#include "ui/jobs/step_runner.hpp"
#include "ui/project_controller.hpp"
#include "ui/proving_view.hpp"
#include "ui/verify_panel.hpp"
#include "ui/widgets/error_panel.hpp"
#include "ui/widgets/exportable.hpp"
#include "ui/widgets/input_view.hpp"
#include "ui/widgets/layer_list_view.hpp"
#include "ui/widgets/project_panel.hpp"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace ps::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      project_(new ProjectController(this)),
      steps_(new StepRunner(*project_, this)),
      views_(new LayerViews(this)) {
    setWindowTitle("ProofScope");
    setAcceptDrops(true);
    setCentralWidget(views_->tabs());
    build_docks();
    build_proving_tabs();
    build_menus();
    build_status_bar();
    connect_steps();    // before connect_project: a chained step starts before the window says "idle"
    connect_project();
    resize(1400, 900);
    set_idle("Open a project (Ctrl+O), drop an artifact folder on the window, or try File ▸ Open demo project.");
}

MainWindow::~MainWindow() {
    steps_->jobs().cancel();
    steps_->jobs().wait();
}

ProjectPaths MainWindow::project() const { return project_->paths(); }
const ProjectStatus& MainWindow::status() const { return project_->status(); }
bool MainWindow::busy() const { return steps_->busy() || project_->loading(); }

void MainWindow::open_project(const ProjectPaths& paths) { project_->open(paths); }
void MainWindow::refresh_project() { project_->refresh(); }
void MainWindow::generate_witness() { steps_->generate_witness(); }
void MainWindow::run_step(const QString& command) {
    steps_->set_threads(proving_->threads());
    steps_->run(command);
}
void MainWindow::run_missing_steps() { steps_->run_missing_steps(); }

void MainWindow::cancel_job() {
    steps_->cancel();
    if (steps_->busy()) status_text_->setText("Cancelling…");
}

void MainWindow::report(const ErrorReport& e) { errors_->add(e); }

void MainWindow::build_docks() {
    setDockNestingEnabled(true);
    project_panel_ = new ProjectPanel;
    auto* project_dock = new QDockWidget("Project", this);
    project_dock->setObjectName("project_dock");
    project_dock->setWidget(project_panel_);
    addDockWidget(Qt::LeftDockWidgetArea, project_dock);

    auto* layers_dock = new QDockWidget("Layers", this);
    layers_dock->setObjectName("layers_dock");
    layers_dock->setWidget(views_->layer_list());
    addDockWidget(Qt::LeftDockWidgetArea, layers_dock);
    splitDockWidget(project_dock, layers_dock, Qt::Vertical);
    resizeDocks({project_dock}, {600}, Qt::Horizontal);
    resizeDocks({project_dock, layers_dock}, {430, 470}, Qt::Vertical);

    errors_ = new ErrorPanel;
    auto* errors_dock = new QDockWidget("Problems", this);
    errors_dock->setObjectName("problems_dock");
    errors_dock->setWidget(errors_);
    addDockWidget(Qt::BottomDockWidgetArea, errors_dock);
    resizeDocks({errors_dock}, {130}, Qt::Vertical);
    connect(errors_, &ErrorPanel::count_changed, this, [errors_dock](int n) {
        errors_dock->setWindowTitle(n ? QString("Problems (%1)").arg(n) : QString("Problems"));
        if (n) errors_dock->show();
    });

    connect(project_panel_, &ProjectPanel::paths_changed, project_, &ProjectController::open);
    connect(project_panel_, &ProjectPanel::refresh_requested, project_, &ProjectController::refresh);
    connect(project_panel_, &ProjectPanel::make_requested, steps_, &StepRunner::run);
    InputView* input = views_->input_view();
    connect(input, &InputView::problem, this, [this](const QString& where, const QString& what, const QString& fix) {
        report({"Input", where, what, fix});
    });
    connect(input, &InputView::saved, project_, &ProjectController::refresh);
    connect(input, &InputView::regenerate_requested, steps_, &StepRunner::generate_witness);
}

void MainWindow::build_menus() {
    QMenu* file = menuBar()->addMenu("&File");
    file->addAction("&Open artifact folder…", QKeySequence::Open, this, &MainWindow::open_folder_dialog)
        ->setToolTip("Pick the folder that holds network.onnx, settings.json, … (drag and drop works too)");
    file->addAction("Open &input.json…", QKeySequence("Ctrl+Shift+O"), this, &MainWindow::open_input_dialog);
    file->addAction("Open &demo project", QKeySequence("Ctrl+D"), this, &MainWindow::open_demo_project);
    file->addAction("&Prove and verify the demo in one click", this, &MainWindow::prove_demo_in_one_click);
    recent_menu_ = file->addMenu("&Recent projects");
    file->addSeparator();
    file->addAction("&Export current view…", QKeySequence("Ctrl+E"), this, &MainWindow::export_current_view);
    file->addAction("Export &layer table…", QKeySequence("Ctrl+Shift+E"), this, &MainWindow::export_layer_table);
    file->addSeparator();
    file->addAction("&Quit", QKeySequence::Quit, this, &QWidget::close);
    rebuild_recent_menu();

    QMenu* run = menuBar()->addMenu("&Run");
    generate_action_ = run->addAction("&Generate witness", QKeySequence("F5"), this, &MainWindow::generate_witness);
    run->addAction("Run all &missing steps", QKeySequence("Ctrl+R"), this, &MainWindow::run_missing_steps);
    run->addSeparator();
    run->setToolTipsVisible(true);  // a disabled step says why
    const StepAvailability steps = StepAvailability::built_in();
    for (const char* step : {"gen-settings", "calibrate-settings", "compile-circuit", "gen-srs", "setup", "prove", "verify"}) {
        QAction* action = run->addAction(QString("%1 (%2)").arg(step_title(step), step), this, [this, step] { run_step(step); });
        action->setEnabled(steps.available(step));
        if (!action->isEnabled()) action->setToolTip(steps.reason(step));
    }
    run->addSeparator();
    run->addAction("Re&fresh artifacts", QKeySequence("F6"), this, &MainWindow::refresh_project);
    cancel_action_ = run->addAction("&Cancel", QKeySequence("Esc"), this, &MainWindow::cancel_job);
    cancel_action_->setEnabled(false);

    QMenu* view = menuBar()->addMenu("&View");
    for (int v = 0; v < int(View::Count); ++v)
        view->addAction(view_title(View(v)), QKeySequence(QString("Ctrl+%1").arg(v + 1)), this,
                        [this, v] { show_view(View(v)); });
    view->addAction("Proving (stages, timings, history)", QKeySequence("Ctrl+9"), this, [this] { show_page(Page::Proving); });
    view->addAction("Verify (verdict, tamper demo)", QKeySequence("Ctrl+0"), this, [this] { show_page(Page::Verify); });
    view->addAction("Queue (prove several inputs)", this, [this] { show_page(Page::Queue); });
    view->addAction("Output (what the model predicted)", this, [this] { show_page(Page::Output); });
    view->addAction("Remote (steps on a Slurm cluster)", this, [this] { show_page(Page::Remote); });
    view->addAction("Demo (guided tour)", this, [this] { show_page(Page::Demo); });
    view->addSeparator();
    view->addAction("Filter layers", QKeySequence::Find, this, [this] { views_->layer_list()->focus_filter(); });
    view->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>()) view->addAction(d->toggleViewAction());

    QMenu* help = menuBar()->addMenu("&Help");
    help->addAction("&About ProofScope", QKeySequence::HelpContents, this, [this] { AboutDialog(this).exec(); });
    help->addAction("About &Qt", qApp, &QApplication::aboutQt);
}

void MainWindow::build_status_bar() {
    status_text_ = new QLabel;
    progress_ = new QProgressBar;
    progress_->setMaximumWidth(220);
    progress_->setRange(0, 100);
    progress_->hide();
    cancel_button_ = new QPushButton("Cancel");
    cancel_button_->setToolTip("Stop the running job (Esc); no half-written file is left behind");
    cancel_button_->hide();
    statusBar()->addWidget(status_text_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_button_);
    connect(cancel_button_, &QPushButton::clicked, this, &MainWindow::cancel_job);
}

void MainWindow::rebuild_recent_menu() {
    recent_menu_->clear();
    QSettings settings;
    const auto list = RecentProjects(settings).list();
    for (const auto& p : list)
        recent_menu_->addAction(p.display_name(), this, [this, p] { open_project(p); })->setToolTip(p.folder);
    if (list.empty()) recent_menu_->addAction("(none yet)")->setEnabled(false);
    else {
        recent_menu_->addSeparator();
        recent_menu_->addAction("Clear list", this, [this] {
            QSettings s;
            RecentProjects(s).clear();
            rebuild_recent_menu();
        });
    }
}

void MainWindow::open_folder_dialog() {
    const QString dir = QFileDialog::getExistingDirectory(this, "Artifact folder", project_->paths().folder);
    if (!dir.isEmpty()) open_project(project_for_folder(dir));
}

void MainWindow::open_input_dialog() {
    const QString file = QFileDialog::getOpenFileName(this, "Input (input.json)", project_->paths().folder, "JSON (*.json)");
    if (file.isEmpty()) return;
    ProjectPaths p = project_->paths();
    p.input_json = file;
    if (p.folder.isEmpty()) p.folder = QFileInfo(file).absolutePath();
    open_project(p);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    ProjectPaths p = project_->paths();
    for (const QUrl& url : e->mimeData()->urls()) {
        const QFileInfo fi(url.toLocalFile());
        if (fi.isDir()) p = project_for_folder(fi.absoluteFilePath());
        else if (fi.suffix().compare("json", Qt::CaseInsensitive) == 0) {
            p.input_json = fi.absoluteFilePath();
            if (p.folder.isEmpty()) p.folder = fi.absolutePath();
        }
    }
    if (!p.folder.isEmpty()) open_project(p);
    e->acceptProposedAction();
}

void MainWindow::export_current_view() {
    QTabWidget* tabs = views_->tabs();
    auto* target = dynamic_cast<Exportable*>(tabs->currentWidget());
    if (!target) return;
    QStringList filters;
    for (const QString& f : target->export_formats()) filters << QString("%1 (*.%2)").arg(f.toUpper(), f);
    QSettings settings;
    const QString dir = settings.value("export_dir", project_->paths().folder).toString();
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, "Export " + tabs->tabText(tabs->currentIndex()),
                                                      dir + "/" + target->export_base_name() + "." + target->export_formats().first(),
                                                      filters.join(";;"), &selected);
    if (path.isEmpty()) return;
    settings.setValue("export_dir", QFileInfo(path).absolutePath());
    QString error;
    if (target->export_to(path, &error)) statusBar()->showMessage("Saved " + path, 6000);
    else report({"Export", path, error, "pick another folder or format (.png, .pdf, .csv)"});
}

void MainWindow::export_layer_table() {
    const QString path = QFileDialog::getSaveFileName(this, "Export layer table", project_->paths().folder + "/layers.csv", "CSV (*.csv)");
    if (path.isEmpty()) return;
    QString error;
    if (views_->layer_list()->export_to(path, &error)) statusBar()->showMessage("Saved " + path, 6000);
    else report({"Export", path, error, "pick another folder"});
}

void MainWindow::closeEvent(QCloseEvent* e) {
    steps_->cancel();
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    e->accept();
}

}  // namespace ps::ui
