#include "ui/widgets/range_plot.hpp"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <cmath>
#include <qcustomplot.h>

namespace ps::ui {

namespace {
const QString no_witness_message =
    "No witness loaded.\nOpen an artifact folder (Ctrl+O) or the demo project (Ctrl+D), then make its witness "
    "(Run ▸ Run all missing steps, Ctrl+R) to compare every layer's values with the range the circuit allows.";
}  // namespace

RangePlot::RangePlot(QWidget* parent) : PlotView(parent) {
    auto* row = new QHBoxLayout;
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    row->addWidget(caption_, 1);
    whole_range_ = new QCheckBox("Show the whole lookup range");
    whole_range_->setToolTip("Zoom out until the lookup range's red lines are in view, however wide");
    row->addWidget(whole_range_);
    top_area()->addLayout(row);
    set_base_name("value_ranges");
    plot()->yAxis->setLabel("quantised value (integer)");
    plot()->xAxis->setLabel("layer (execution order)");
    plot()->xAxis->setTickLabelRotation(40);
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    connect(whole_range_, &QCheckBox::toggled, this, [this] { rebuild(); });
    connect(plot(), &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable* p, int index, QMouseEvent*) {
        if (p && p->interface1D()) emit layer_clicked(int(std::lround(p->interface1D()->dataMainKey(index))));
    });
    show_empty(no_witness_message);
}

void RangePlot::set_trace(std::shared_ptr<const WitnessResult> trace) {
    trace_ = std::move(trace);
    rebuild();
}

void RangePlot::rebuild() {
    plot()->clearPlottables();
    plot()->clearItems();
    if (!trace_ || trace_->layers.empty()) {
        show_empty(no_witness_message);
        return;
    }
    const size_t n = trace_->layers.size();
    auto* centres = plot()->addGraph();
    centres->removeFromLegend();
    centres->setLineStyle(QCPGraph::lsNone);
    centres->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    auto* spans = new QCPErrorBars(plot()->xAxis, plot()->yAxis);
    spans->setName("values: min … max of each layer");
    spans->setDataPlottable(centres);
    spans->setSymbolGap(0);
    spans->setPen(QPen(colours::quantised(), 6, Qt::SolidLine, Qt::FlatCap));
    spans->setWhiskerWidth(10);
    auto* bounds = plot()->addGraph();
    bounds->setName("range the circuit allows this layer");
    bounds->setLineStyle(QCPGraph::lsNone);
    bounds->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, colours::bounds(), 12));

    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    double lo = 0, hi = 0, bound_lo = 0, bound_hi = 0;
    size_t saturated_layers = 0;
    for (size_t i = 0; i < n; ++i) {
        const LayerTrace& l = trace_->layers[i];
        if (n <= 40 || i % ((n + 39) / 40) == 0) ticker->addTick(double(i), QString::fromStdString(l.name).left(18));
        const double mid = (double(l.min) + double(l.max)) / 2, half = (double(l.max) - double(l.min)) / 2;
        centres->addData(double(i), mid);
        spans->addData(half);
        lo = std::min(lo, double(l.min));
        hi = std::max(hi, double(l.max));
        if (l.bounds) {
            bounds->addData(double(i), double(l.bounds->first));
            bounds->addData(double(i), double(l.bounds->second));
            bound_lo = std::min(bound_lo, double(l.bounds->first));
            bound_hi = std::max(bound_hi, double(l.bounds->second));
        }
        saturated_layers += l.saturated > 0;
    }
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setRange(-0.7, double(n) - 0.3);

    QString lookup_note;
    // (0, 0): a witness that recorded no lookup range.
    if (const auto range = trace_->lookup_range; range.first < range.second) {
        const auto [llo, lhi] = range;
        for (double y : {double(llo), double(lhi)}) {
            auto* line = new QCPItemStraightLine(plot());
            line->point1->setCoords(0, y);
            line->point2->setCoords(1, y);
            line->setPen(QPen(colours::bounds(), 1.5, Qt::DashLine));
        }
        bound_lo = std::min(bound_lo, double(llo));
        bound_hi = std::max(bound_hi, double(lhi));
        const double used = 100.0 * std::max(std::abs(lo), std::abs(hi)) /
                            std::max({std::abs(double(llo)), std::abs(double(lhi)), 1.0});
        lookup_note = QString("Lookup range [%1, %2] (red dashed lines); the values use up to %3% of it. ")
                          .arg(llo).arg(lhi).arg(used, 0, 'f', used < 1 ? 2 : 0);
    }
    const double data_span = std::max(hi - lo, 1.0);
    const bool show_bounds = whole_range_->isChecked() || (bound_hi - bound_lo) <= 8 * data_span;
    const double view_lo = show_bounds ? std::min(lo, bound_lo) : lo;
    const double view_hi = show_bounds ? std::max(hi, bound_hi) : hi;
    const double pad = (view_hi - view_lo) * 0.06 + 1;
    plot()->yAxis->setRange(view_lo - pad, view_hi + pad);
    caption_->setText(lookup_note +
                      (show_bounds ? QString() : QString("The allowed ranges are far wider than the values and are off the chart (tick the box to zoom out). ")) +
                      (saturated_layers ? QString("<span style='color:#c0392b'><b>%1 layer(s) have values outside their bounds.</b></span>").arg(saturated_layers)
                                        : QString("No layer has values outside its bounds.")));
    show_plot();
}

QString RangePlot::csv() const {
    QString out = "index,layer,op,scale,min,max,bound_low,bound_high,saturated\n";
    if (!trace_) return out;
    for (const auto& l : trace_->layers)
        out += QString("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
                   .arg(qulonglong(l.index)).arg(QString::fromStdString(l.name), QString::fromStdString(l.op))
                   .arg(l.scale).arg(l.min).arg(l.max)
                   .arg(l.bounds ? QString::number(l.bounds->first) : QString())
                   .arg(l.bounds ? QString::number(l.bounds->second) : QString())
                   .arg(l.saturated);
    return out;
}

}  // namespace ps::ui
