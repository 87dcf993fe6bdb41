#pragma once
// The "Output" tab: what the model predicted for the witness's input — the last layer's
// values as class scores, the circuit's (fixed point, dequantised) beside the float
// model's, the predicted class of each named above the chart.
#include "core/witness/generate.hpp"

#include "ui/widgets/exportable.hpp"

#include <QWidget>
#include <memory>

class QLabel;

namespace ps::ui {

class ClassScoresChart;

class OutputView : public QWidget, public Exportable {
    Q_OBJECT
public:
    // File ▸ Export saves the class-score chart (PNG, PDF, CSV).
    QString export_base_name() const override;
    QStringList export_formats() const override { return {"png", "pdf", "csv"}; }
    bool export_to(const QString& path, QString* error) const override;
    explicit OutputView(QWidget* parent = nullptr);
    void set_trace(std::shared_ptr<const WitnessResult> trace);
    ClassScoresChart* chart() const { return chart_; }
    QString caption() const;

private:
    QLabel* caption_;
    ClassScoresChart* chart_;
};

}  // namespace ps::ui
