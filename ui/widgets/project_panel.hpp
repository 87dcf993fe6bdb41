#pragma once
// The project panel: the artifact folder and input.json (Browse buttons, or drop a
// folder / .json file anywhere on the panel), every artifact with its state and key
// facts, whether the set is consistent, and the step that makes the selected artifact.
#include "ui/models/artifact_list_model.hpp"
#include "ui/models/recent_projects.hpp"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ps::ui {

class ProjectPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectPanel(QWidget* parent = nullptr);
    ArtifactListModel* model() const { return model_; }
    ProjectPaths paths() const { return paths_; }
    void set_paths(const ProjectPaths& p);  // does not emit paths_changed
    void set_status(ProjectStatus status);
    void set_busy(bool busy);  // disables the make buttons while a job runs

signals:
    void paths_changed(const ps::ui::ProjectPaths& paths);
    void make_requested(const QString& command);  // "gen-settings", "gen-witness", ...
    void refresh_requested();

protected:
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void update_action();
    void browse_folder();
    void browse_input();

    ArtifactListModel* model_;
    ProjectPaths paths_;
    QLineEdit* folder_edit_;
    QLineEdit* input_edit_;
    QTableView* table_;
    QLabel* summary_;
    QPushButton* make_button_;
    QPushButton* next_button_;
    bool busy_ = false;
};

// The next pipeline step for a project: the first artifact that is missing, invalid or
// inconsistent, has a make command this version can run and is needed by a step it can
// run; "" when everything this version can make is in place.
QString next_step(const ProjectStatus& status);

// True when next_step() is "" but some artifacts need steps this version lacks
// (pk.key, vk.key, proof.json today): the workbench is complete for this release.
bool complete_for_this_release(const ProjectStatus& status);

}  // namespace ps::ui
