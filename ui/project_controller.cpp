#include "ui/project_controller.hpp"

#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace ps::ui {

ProjectController::ProjectController(QObject* parent) : QObject(parent) {
    connect(&loader_, &QFutureWatcher<ProjectStatus>::finished, this, &ProjectController::on_read);
}

ProjectController::~ProjectController() { loader_.waitForFinished(); }

void ProjectController::open(const ProjectPaths& paths) {
    if (paths.folder.isEmpty()) return;
    paths_ = paths;
    QSettings settings;
    RecentProjects(settings).add(paths);
    reported_.clear();
    emit opened(paths_);
    refresh();
}

void ProjectController::refresh() {
    if (!is_open()) return;
    if (loader_.isRunning()) {
        read_again_ = true;  // the files changed while reading: read once more after
        return;
    }
    emit loading_started();
    const ProjectPaths p = paths_;
    loader_.setFuture(QtConcurrent::run([p] { return inspect_project(p.folder, p.input_json); }));
}

void ProjectController::on_read() {
    if (read_again_) {
        read_again_ = false;
        refresh();
        return;
    }
    status_ = loader_.result();
    for (const auto& a : status_.artifacts) {
        const QString key = a.path + '|' + a.problem;
        if (a.state == ArtifactState::Invalid && !reported_.contains(key)) {
            reported_.insert(key);
            emit artifact_problem({"Read " + a.file, a.path, a.problem, a.fix});
        }
    }
    emit loaded();
}

}  // namespace ps::ui
