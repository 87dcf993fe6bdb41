#pragma once
// Whole model: the span [min, max] of every layer's quantised values as a bar, the range
// the circuit constrains each layer to as red ticks and the lookup range as red dashed
// lines. A layer whose bar touches a red mark saturates; one far inside wastes range.
#include "core/witness/generate.hpp"
#include "ui/widgets/plot_view.hpp"

#include <memory>

class QCheckBox;
class QLabel;

namespace ps::ui {

class RangePlot : public PlotView {
    Q_OBJECT
public:
    explicit RangePlot(QWidget* parent = nullptr);
    void set_trace(std::shared_ptr<const WitnessResult> trace);

signals:
    void layer_clicked(int layer_row);

protected:
    QString csv() const override;

private:
    void rebuild();
    std::shared_ptr<const WitnessResult> trace_;
    QLabel* caption_;
    QCheckBox* whole_range_;
};

}  // namespace ps::ui
