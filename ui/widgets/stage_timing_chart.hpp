#pragma once
// After a run: where the time went, one horizontal bar per stage the core reported
// (proof-system rounds in blue, reading/laying out/writing in grey), with the proof's
// size, the run's peak memory, the verify time and the verdict above the chart.
#include "ui/widgets/plot_view.hpp"

#include "core/pipeline/run_history.hpp"

#include <optional>

class QLabel;

namespace ps::ui {

class StageTimingChart : public PlotView {
    Q_OBJECT
public:
    explicit StageTimingChart(QWidget* parent = nullptr);

    void show_run(const pipeline::RunRecord& run);
    void clear();
    QString caption() const;

protected:
    QString csv() const override;

private:
    std::optional<pipeline::RunRecord> run_;
    QLabel* caption_;
};

// Shared by the timing views: "1.9 s", "64 ms"; "78 MB".
QString duration_text(double milliseconds);
QString bytes_text(uint64_t bytes);
// "412 MB", or "412 MB (shared with 1 other job)" when the run overlapped others.
QString peak_memory_text(const pipeline::RunRecord& run);
QString date_text(const std::string& iso_utc);  // "2026-12-01 14:03:11 UTC"

}  // namespace ps::ui
