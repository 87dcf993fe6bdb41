#pragma once
// A 2-D slice of one layer's output as a heatmap: the last two dimensions are rows and
// columns, every leading index (batch, channel) is chosen in the slice selector. Shows
// the dequantised value, the float reference or the error, with a colour scale legend.
#include "core/witness/generate.hpp"
#include "ui/widgets/plot_view.hpp"

#include <memory>

class QComboBox;
class QCPColorMap;
class QCPColorScale;
class QLabel;

namespace ps::ui {

class LayerHeatmap : public PlotView {
    Q_OBJECT
public:
    enum class Quantity { Dequantised, FloatReference, AbsError };

    explicit LayerHeatmap(QWidget* parent = nullptr);
    void set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row);
    void set_quantity(Quantity q);
    void set_slice(int slice);
    int slice_count() const;

protected:
    QString csv() const override;

private:
    void rebuild();
    double value_at(size_t flat) const;
    size_t rows() const, cols() const;

    std::shared_ptr<const WitnessResult> trace_;
    const LayerTrace* layer_ = nullptr;
    Quantity quantity_ = Quantity::Dequantised;
    int slice_ = 0;
    QComboBox* slice_box_;
    QComboBox* quantity_box_;
    QLabel* caption_;
    QCPColorMap* map_;
    QCPColorScale* scale_;
};

}  // namespace ps::ui
