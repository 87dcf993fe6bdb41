#pragma once
// Prove time over the project's runs (runs.jsonl, oldest left): each run a point, red
// when its proof did not verify, so a slowdown or a broken run stands out.
#include "ui/widgets/plot_view.hpp"

#include "core/pipeline/run_history.hpp"

class QLabel;

namespace ps::ui {

class HistoryChart : public PlotView {
    Q_OBJECT
public:
    explicit HistoryChart(QWidget* parent = nullptr);
    void set_history(const pipeline::RunHistory& history);
    int plotted_runs() const { return int(proves_.size()); }

protected:
    QString csv() const override;

private:
    std::vector<pipeline::RunRecord> proves_;
    QLabel* caption_;
};

}  // namespace ps::ui
