#pragma once
// `proofscope --screenshots DIR`: opens a project, optionally runs the missing pipeline
// steps, then saves a PNG of the window on each main view (and the empty start state),
// then generates keys, proves twice and verifies (genuine and tampered) for the Proving
// and Verify tabs,
// so anyone can look at the GUI as a stranger would without clicking through it.
#include "ui/models/recent_projects.hpp"

#include <QObject>
#include <QStringList>

namespace ps::ui {

class MainWindow;

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(MainWindow& window, QString out_dir, ProjectPaths project, bool run_missing,
                   QString sample_image = {});
    void start();
    QStringList saved() const { return saved_; }

signals:
    void done(int exit_code);

private:
    void save(const QString& name);
    void after_project_loaded();
    void shoot_views();
    void shoot_proving();  // setup, prove (mid-run and after), history, verify and tamper
    bool run_and_wait(const QString& step);

    MainWindow& window_;
    QString out_dir_;
    ProjectPaths project_;
    bool run_missing_;
    QString sample_image_;
    QStringList saved_;
    bool chained_ = false;
};

}  // namespace ps::ui
