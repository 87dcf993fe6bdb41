#pragma once
// Which project is open and what its folder holds: opening one (remembered in the recent
// list), reading its artifacts off the GUI thread through core's inventory, reading
// again when a step or the user changed files, and reporting each broken file once.
#include "ui/jobs/error_report.hpp"
#include "ui/models/artifact_status.hpp"
#include "ui/models/recent_projects.hpp"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>

namespace ps::ui {

class ProjectController : public QObject {
    Q_OBJECT
public:
    explicit ProjectController(QObject* parent = nullptr);
    ~ProjectController() override;  // waits for a running read

    const ProjectPaths& paths() const { return paths_; }
    const ProjectStatus& status() const { return status_; }
    bool is_open() const { return !paths_.folder.isEmpty(); }
    bool loading() const { return loader_.isRunning(); }

public slots:
    void open(const ps::ui::ProjectPaths& paths);  // then reads it
    void refresh();                                // reads the artifacts again

signals:
    void opened(const ps::ui::ProjectPaths& paths);
    void loading_started();
    void loaded();  // status() holds the new inventory
    void artifact_problem(const ps::ui::ErrorReport& error);  // an invalid file, once per file and reason

private:
    void on_read();

    ProjectPaths paths_;
    ProjectStatus status_;
    QFutureWatcher<ProjectStatus> loader_;
    bool read_again_ = false;
    QSet<QString> reported_;
};

}  // namespace ps::ui
