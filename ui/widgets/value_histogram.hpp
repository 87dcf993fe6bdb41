#pragma once
// Histogram of one layer's quantised values with the range the circuit allows drawn as
// red lines and the bins holding values strictly outside it filled red (saturation). When the allowed range
// dwarfs the values, the lines would squash the bars: the plot then keeps to the values
// and says how much of the range they use.
#include "core/witness/generate.hpp"
#include "ui/widgets/plot_view.hpp"

#include <memory>

class QLabel;

namespace ps::ui {

struct HistogramBins {
    double first_edge = 0, width = 1;
    std::vector<double> counts;
};

// Integer-aligned bins over [lo, hi] (at most max_bins; one per integer when the range
// is small, since quantised values are integers).
HistogramBins histogram_bins(const std::vector<int64_t>& values, int max_bins);

class ValueHistogram : public PlotView {
    Q_OBJECT
public:
    explicit ValueHistogram(QWidget* parent = nullptr);
    void set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row);
    const HistogramBins& bins() const { return bins_; }
    // Whether bin i is drawn as saturated: it holds a value strictly outside the bounds.
    bool bin_saturated(size_t i) const { return i < saturated_bins_.size() && saturated_bins_[i]; }

protected:
    QString csv() const override;

private:
    void rebuild();

    std::shared_ptr<const WitnessResult> trace_;
    const LayerTrace* layer_ = nullptr;
    HistogramBins bins_;
    std::vector<bool> saturated_bins_;
    QLabel* caption_;
};

}  // namespace ps::ui
