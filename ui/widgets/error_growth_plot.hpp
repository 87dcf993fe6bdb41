#pragma once
// Whole model: max and mean |dequantised − float| per layer on a log scale, in execution
// order, so the layer where quantisation starts to hurt stands out. The layer with the
// largest jump over its inputs is marked.
#include "core/witness/generate.hpp"
#include "ui/widgets/plot_view.hpp"

#include <memory>

class QLabel;

namespace ps::ui {

// Row of the layer whose max error grows most (ratio) over the largest max error of the
// layers it reads; -1 when no layer has a float reference.
int layer_with_largest_error_jump(const WitnessResult& trace);

class ErrorGrowthPlot : public PlotView {
    Q_OBJECT
public:
    explicit ErrorGrowthPlot(QWidget* parent = nullptr);
    void set_trace(std::shared_ptr<const WitnessResult> trace);

signals:
    void layer_clicked(int layer_row);

protected:
    QString csv() const override;

private:
    void rebuild();
    std::shared_ptr<const WitnessResult> trace_;
    QLabel* caption_;
};

}  // namespace ps::ui
