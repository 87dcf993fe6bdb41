#pragma once
// Float reference against the circuit's (dequantised) value for every element of one
// layer: a scatter around the diagonal y = x (perfect agreement) and, below it, the
// error of each value with ±½ quantisation step marked (the error rounding alone makes). Large tensors are thinned evenly for drawing (the caption says so); the CSV
// export always holds every value.
#include "core/witness/generate.hpp"
#include "ui/widgets/plot_view.hpp"

#include <memory>

class QLabel;
class QCPAxisRect;

namespace ps::ui {

class FloatVsQuantPlot : public PlotView {
    Q_OBJECT
public:
    static constexpr size_t max_drawn_points = 50'000;

    explicit FloatVsQuantPlot(QWidget* parent = nullptr);
    void set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row);

protected:
    QString csv() const override;

private:
    void rebuild();

    std::shared_ptr<const WitnessResult> trace_;
    const LayerTrace* layer_ = nullptr;
    QLabel* caption_;
    QCPAxisRect* residual_;  // below the scatter: circuit − float against the float value
};

}  // namespace ps::ui
