#pragma once
// One progress bar per stage of the running job (the core's stage names), each with its
// time, and an overall bar with elapsed time and ETA on top. Reads a StageProgress model;
// ticks every 250 ms while a job runs so the clocks move between core reports.
#include <QTimer>
#include <QWidget>
#include <vector>

class QGridLayout;
class QLabel;
class QProgressBar;

namespace ps::ui {

class StageProgress;

class StageProgressView : public QWidget {
    Q_OBJECT
public:
    explicit StageProgressView(StageProgress& model, QWidget* parent = nullptr);

    QString overall_text() const;  // "Prove: 43 % · 6.1 s elapsed · about 8 s left"

private:
    void rebuild();
    void refresh();

    struct RowWidgets {
        QLabel* name;
        QProgressBar* bar;
        QLabel* time;
    };
    StageProgress& model_;
    QLabel* title_;
    QProgressBar* overall_;
    QLabel* overall_text_;
    QGridLayout* grid_;
    QLabel* empty_;
    std::vector<RowWidgets> rows_;
    QTimer tick_;
};

}  // namespace ps::ui
