#include "ui/widgets/value_histogram.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace ps::ui {

HistogramBins histogram_bins(const std::vector<int64_t>& values, int max_bins) {
    HistogramBins b;
    if (values.empty()) return b;
    const auto [lo_it, hi_it] = std::minmax_element(values.begin(), values.end());
    const double lo = double(*lo_it), hi = double(*hi_it);
    const double span = hi - lo + 1;
    b.width = std::max(1.0, std::ceil(span / max_bins));
    b.first_edge = lo - 0.5;
    const size_t n = size_t(std::ceil(span / b.width));
    b.counts.assign(std::max<size_t>(n, 1), 0.0);
    for (int64_t v : values) {
        const size_t i = std::min(b.counts.size() - 1, size_t((double(v) - b.first_edge) / b.width));
        b.counts[i] += 1;
    }
    return b;
}

namespace {

void add_bound_line(QCustomPlot* plot, double x, const QString& label) {
    auto* line = new QCPItemStraightLine(plot);
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    line->setPen(QPen(colours::bounds(), 1.5, Qt::DashLine));
    auto* text = new QCPItemText(plot);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(x, 0.02);
    text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
    text->setText(label);
    text->setColor(colours::bounds());
    text->setBrush(QBrush(QColor(255, 255, 255, 220)));
}

}  // namespace

ValueHistogram::ValueHistogram(QWidget* parent) : PlotView(parent) {
    auto* row = new QHBoxLayout;
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    row->addWidget(caption_, 1);
    top_area()->addLayout(row);
    plot()->yAxis->setLabel("number of values");
    show_empty("No layer selected.\nPick a layer in the layer list to see how its values are spread "
               "and whether any fall outside the bounds of the circuit's range.");
}

void ValueHistogram::set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row) {
    trace_ = std::move(trace);
    layer_ = (trace_ && layer_row >= 0 && size_t(layer_row) < trace_->layers.size())
                 ? &trace_->layers[size_t(layer_row)] : nullptr;
    if (layer_) set_base_name("histogram_" + QString::fromStdString(layer_->name));
    rebuild();
}

void ValueHistogram::rebuild() {
    plot()->clearPlottables();
    plot()->clearItems();
    if (!layer_ || layer_->size() == 0) {
        show_empty(layer_ ? "This layer has no values." :
                   "No layer selected.\nPick a layer in the layer list to see how its values are spread "
                   "and whether any fall outside the bounds of the circuit's range.");
        return;
    }
    bins_ = histogram_bins(layer_->quantised, 80);
    saturated_bins_.assign(bins_.counts.size(), false);
    using Range = std::pair<int64_t, int64_t>;
    const std::optional<Range> lookup =
        trace_->lookup_range.first < trace_->lookup_range.second ? std::optional<Range>(trace_->lookup_range) : std::nullopt;
    const std::optional<Range> bounds = layer_->bounds ? layer_->bounds : lookup;

    auto* inside = new QCPBars(plot()->xAxis, plot()->yAxis);
    auto* at_bounds = new QCPBars(plot()->xAxis, plot()->yAxis);
    inside->setName("values");
    at_bounds->setName("outside the bounds (saturated)");
    inside->setPen(Qt::NoPen);
    inside->setBrush(colours::quantised());
    at_bounds->setPen(Qt::NoPen);
    at_bounds->setBrush(colours::saturated());
    inside->setWidth(bins_.width * 0.9);
    at_bounds->setWidth(bins_.width * 0.9);
    for (size_t i = 0; i < bins_.counts.size(); ++i) {
        const double lo_edge = bins_.first_edge + double(i) * bins_.width;
        const double centre = lo_edge + bins_.width / 2;
        // A bin is saturated when it holds an integer strictly outside the bounds: a value
        // at a bound is in range (core counts LayerTrace::saturated the same way).
        const bool saturated = bounds && (lo_edge + 0.5 < double(bounds->first) ||
                                          lo_edge + bins_.width - 0.5 > double(bounds->second));
        saturated_bins_[i] = saturated && bins_.counts[i] > 0;
        (saturated ? at_bounds : inside)->addData(centre, bins_.counts[i]);
    }
    const double data_lo = bins_.first_edge, data_hi = bins_.first_edge + bins_.width * double(bins_.counts.size());
    double view_lo = data_lo, view_hi = data_hi;
    QString range_note;
    if (bounds) {
        const double blo = double(bounds->first), bhi = double(bounds->second);
        const double data_span = std::max(data_hi - data_lo, 1.0);
        // Draw the bounds when they are near enough not to squash the bars.
        const bool near = (bhi - blo) <= 8 * data_span;
        if (near) {
            view_lo = std::min(view_lo, blo);
            view_hi = std::max(view_hi, bhi);
            add_bound_line(plot(), blo, QString("lo %1").arg(bounds->first));
            add_bound_line(plot(), bhi, QString("hi %1").arg(bounds->second));
        }
        const double used = 100.0 * double(std::max(std::abs(layer_->min), std::abs(layer_->max))) /
                            std::max(std::abs(blo), std::abs(bhi));
        range_note = QString(" · allowed range [%1, %2]%3, %4% used")
                         .arg(bounds->first).arg(bounds->second)
                         .arg(near ? " (red lines)" : " (off the chart)")
                         .arg(used, 0, 'f', used < 1 ? 2 : 0);
    }
    const double pad = (view_hi - view_lo) * 0.04 + 0.5;
    plot()->xAxis->setRange(view_lo - pad, view_hi + pad);
    plot()->xAxis->setLabel(QString("quantised value (integer; real value = integer / 2^%1)").arg(layer_->scale));
    double top = 1;
    for (double c : bins_.counts) top = std::max(top, c);
    plot()->yAxis->setRange(0, top * 1.12);
    plot()->legend->setVisible(layer_->saturated > 0);
    // Top centre: the bound labels sit in the top corners.
    if (layer_->saturated > 0) plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    caption_->setText(QString("<b>%1</b> (%2): %3 values in [%4, %5]%6%7")
                          .arg(QString::fromStdString(layer_->name), QString::fromStdString(layer_->op))
                          .arg(layer_->size()).arg(layer_->min).arg(layer_->max).arg(range_note)
                          .arg(layer_->saturated > 0
                                   ? QString(" · <span style='color:#c0392b'><b>%1 saturated</b></span>").arg(layer_->saturated)
                                   : QString(" · none saturated")));
    show_plot();
}

QString ValueHistogram::csv() const {
    QString out = "bin_low,bin_high,count\n";
    for (size_t i = 0; i < bins_.counts.size(); ++i) {
        const double lo = bins_.first_edge + double(i) * bins_.width;
        out += QString("%1,%2,%3\n").arg(lo + 0.5).arg(lo + bins_.width - 0.5).arg(bins_.counts[i]);
    }
    return out;
}

}  // namespace ps::ui
