#include "ui/widgets/layer_heatmap.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "ui/models/tensor_text.hpp"

namespace ps::ui {

namespace {

const QString no_layer_message =
    "No layer selected.\nOpen an artifact folder (Ctrl+O) or the demo project (Ctrl+D); once it has a witness, "
    "pick a layer in the Layers list.";

// Blue for negative, white at zero, red for positive: signed activations read at a glance.
QCPColorGradient diverging() {
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x08, 0x30, 0x6b));
    g.setColorStopAt(0.25, QColor(0x42, 0x92, 0xc6));
    g.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
    g.setColorStopAt(0.75, QColor(0xef, 0x65, 0x48));
    g.setColorStopAt(1.0, QColor(0x67, 0x00, 0x0d));
    return g;
}

}  // namespace

LayerHeatmap::LayerHeatmap(QWidget* parent) : PlotView(parent) {
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel("Slice:"));
    slice_box_ = new QComboBox;
    slice_box_->setToolTip("Leading indices (batch, channel, …) of the 2-D slice shown; "
                           "rows and columns are the last two dimensions");
    slice_box_->setMinimumContentsLength(14);
    row->addWidget(slice_box_);
    row->addSpacing(12);
    row->addWidget(new QLabel("Show:"));
    quantity_box_ = new QComboBox;
    quantity_box_->addItems({"Quantised value (dequantised)", "Float reference", "|Error|"});
    quantity_box_->setToolTip("What the colour encodes");
    row->addWidget(quantity_box_);
    row->addStretch(1);
    caption_ = new QLabel;
    row->addWidget(caption_);
    top_area()->addLayout(row);

    map_ = new QCPColorMap(plot()->xAxis, plot()->yAxis);
    scale_ = new QCPColorScale(plot());
    plot()->plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    map_->setColorScale(scale_);
    map_->setInterpolate(false);
    auto* margins = new QCPMarginGroup(plot());
    plot()->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    plot()->yAxis->setRangeReversed(true);  // row 0 at the top, as images are read
    // Ticks on whole rows and columns only (a 1×10 vector must not show row "-0.4").
    for (QCPAxis* axis : {plot()->xAxis, plot()->yAxis}) {
        auto ticker = QSharedPointer<QCPAxisTickerFixed>(new QCPAxisTickerFixed);
        ticker->setTickStep(1);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        axis->setTicker(ticker);
    }
    plot()->xAxis->setLabel("column");
    plot()->yAxis->setLabel("row");

    connect(slice_box_, &QComboBox::currentIndexChanged, this, [this](int i) { set_slice(i); });
    connect(quantity_box_, &QComboBox::currentIndexChanged, this,
            [this](int i) { set_quantity(Quantity(i)); });
    show_empty(no_layer_message);
}

size_t LayerHeatmap::rows() const {
    if (!layer_ || layer_->shape.size() < 2) return 1;
    return size_t(layer_->shape[layer_->shape.size() - 2]);
}

size_t LayerHeatmap::cols() const {
    if (!layer_ || layer_->shape.empty()) return 1;
    return size_t(std::max<int64_t>(layer_->shape.back(), 1));
}

int LayerHeatmap::slice_count() const {
    if (!layer_) return 0;
    const size_t plane = rows() * cols();
    return plane ? int(layer_->size() / plane) : 0;
}

void LayerHeatmap::set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row) {
    trace_ = std::move(trace);
    layer_ = (trace_ && layer_row >= 0 && size_t(layer_row) < trace_->layers.size())
                 ? &trace_->layers[size_t(layer_row)] : nullptr;
    slice_ = 0;
    const QSignalBlocker block(slice_box_);
    slice_box_->clear();
    if (layer_) {
        // Leading dimensions as "[n, c]" labels; "channel c" when only one is > 1.
        std::vector<int64_t> lead(layer_->shape.begin(),
                                  layer_->shape.end() - std::min<ptrdiff_t>(2, ptrdiff_t(layer_->shape.size())));
        // N×C×H×W with N = 1 reads best as "channel c"; other ranks as an index.
        const bool channels = lead.size() == 2 && lead[0] == 1;
        for (int s = 0; s < slice_count(); ++s)
            slice_box_->addItem(lead.empty()  ? QString("whole tensor")
                                : channels    ? QString("channel %1 of %2").arg(s).arg(lead[1])
                                              : QString::fromStdString(multi_index_text(lead, size_t(s))));
        set_base_name("heatmap_" + QString::fromStdString(layer_->name));
    }
    slice_box_->setEnabled(slice_count() > 1);
    rebuild();
}

void LayerHeatmap::set_quantity(Quantity q) {
    quantity_ = q;
    const QSignalBlocker block(quantity_box_);
    quantity_box_->setCurrentIndex(int(q));
    rebuild();
}

void LayerHeatmap::set_slice(int slice) {
    slice_ = std::clamp(slice, 0, std::max(0, slice_count() - 1));
    const QSignalBlocker block(slice_box_);
    slice_box_->setCurrentIndex(slice_);
    rebuild();
}

double LayerHeatmap::value_at(size_t i) const {
    switch (quantity_) {
    case Quantity::Dequantised: return layer_->dequantised(i);
    case Quantity::FloatReference: return layer_->float_reference[i];
    case Quantity::AbsError: return std::abs(layer_->dequantised(i) - layer_->float_reference[i]);
    }
    return 0;
}

void LayerHeatmap::rebuild() {
    if (!layer_ || layer_->size() == 0) {
        show_empty(layer_ ? "This layer has no values." :
                   no_layer_message);
        return;
    }
    if (quantity_ != Quantity::Dequantised && !layer_->has_float_reference()) {
        show_empty("This witness has no float reference for this layer.\nShow the quantised value instead.");
        return;
    }
    const size_t r = rows(), c = cols(), base = size_t(slice_) * r * c;
    // QCPColorMap spreads n cells over [lower, upper] by their centres, which needs n ≥ 2:
    // a single row or column (a 1×10 logits vector) is drawn as two half-cells.
    const size_t cells_x = std::max<size_t>(c, 2), cells_y = std::max<size_t>(r, 2);
    map_->data()->setSize(int(cells_x), int(cells_y));
    map_->data()->setRange(c == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, double(c - 1)),
                           r == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, double(r - 1)));
    double lo = INFINITY, hi = -INFINITY;
    for (size_t y = 0; y < cells_y; ++y)
        for (size_t x = 0; x < cells_x; ++x) {
            const double v = value_at(base + std::min(y, r - 1) * c + std::min(x, c - 1));
            map_->data()->setCell(int(x), int(y), v);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (quantity_ == Quantity::AbsError) {
        map_->setGradient(QCPColorGradient(QCPColorGradient::gpThermal));
        map_->setDataRange(QCPRange(0, hi > 0 ? hi : 1e-12));
        scale_->axis()->setLabel("|dequantised − float|");
    } else {
        // Symmetric around zero so white always means 0.
        const double m = std::max({std::abs(lo), std::abs(hi), 1e-12});
        map_->setGradient(diverging());
        map_->setDataRange(QCPRange(-m, m));
        scale_->axis()->setLabel(quantity_ == Quantity::Dequantised ? "value (dequantised)" : "float reference");
    }
    plot()->xAxis->setRange(-0.5, double(c) - 0.5);
    plot()->yAxis->setRange(-0.5, double(r) - 0.5);
    caption_->setText(QString("%1 (%2) · %3 · scale %4")
                          .arg(QString::fromStdString(layer_->name), QString::fromStdString(layer_->op),
                               QString::fromStdString(layer_->shape_text()))
                          .arg(layer_->scale));
    show_plot();
}

QString LayerHeatmap::csv() const {
    if (!layer_ || layer_->size() == 0) return "row,column,value\n";
    QString out = "row,column,value\n";
    const size_t r = rows(), c = cols(), base = size_t(slice_) * r * c;
    for (size_t y = 0; y < r; ++y)
        for (size_t x = 0; x < c; ++x) {
            const bool has = quantity_ == Quantity::Dequantised || layer_->has_float_reference();
            out += QString("%1,%2,%3\n").arg(y).arg(x).arg(has ? QString::number(value_at(base + y * c + x), 'g', 9) : "");
        }
    return out;
}

}  // namespace ps::ui
