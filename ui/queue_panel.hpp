#pragma once
// The "Queue" tab: prove several inputs in one go. Add input files (or the project
// folder's input*.json), choose how many run at once, Run; each row shows its input,
// state, bar, current stage, time and verdict. The cores are shared between the parallel
// jobs (JobQueue), and every finished job is a line of the run history.
#include "ui/models/recent_projects.hpp"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ps::ui {

class JobQueue;

class QueuePanel : public QWidget {
    Q_OBJECT
public:
    explicit QueuePanel(QWidget* parent = nullptr);
    JobQueue& queue() const { return *queue_; }
    void set_project(const ProjectPaths& paths);
    void set_threads(unsigned per_job);  // the Proving tab's Threads box

private:
    void refresh();

    JobQueue* queue_;
    QTableWidget* table_;
    QSpinBox* parallel_;
    QLabel* summary_;
    QPushButton* run_;
    QPushButton* cancel_;
};

}  // namespace ps::ui
