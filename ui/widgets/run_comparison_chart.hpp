#pragma once
// Two prove runs side by side, stage by stage (run A grey, run B blue), with the stages
// that got slower named above the chart: which round to look at after a change.
#include "ui/widgets/plot_view.hpp"

#include "core/pipeline/run_history.hpp"

class QComboBox;
class QLabel;

namespace ps::ui {

class RunComparisonChart : public PlotView {
    Q_OBJECT
public:
    explicit RunComparisonChart(QWidget* parent = nullptr);
    // Picks the last two prove runs (A: the one before, B: the last).
    void set_history(const pipeline::RunHistory& history);
    void compare(int run_a, int run_b);  // indices into the prove runs
    QString verdict_text() const;        // "Slower in B: …"

protected:
    QString csv() const override;

private:
    void rebuild();

    std::vector<pipeline::RunRecord> proves_;
    QComboBox* a_;
    QComboBox* b_;
    QLabel* caption_;
};

}  // namespace ps::ui
