#include "ui/widgets/float_vs_quant_plot.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <cmath>
#include <qcustomplot.h>

namespace ps::ui {

FloatVsQuantPlot::FloatVsQuantPlot(QWidget* parent) : PlotView(parent) {
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    top_area()->addWidget(caption_);
    plot()->xAxis->setLabel("float reference (what the float model computes)");
    plot()->yAxis->setLabel("circuit value (dequantised)");
    residual_ = new QCPAxisRect(plot());
    plot()->plotLayout()->addElement(1, 0, residual_);
    plot()->plotLayout()->setRowStretchFactors({3.0, 1.2});
    residual_->axis(QCPAxis::atBottom)->setLabel("float reference");
    residual_->axis(QCPAxis::atLeft)->setLabel("circuit − float");
    auto* margins = new QCPMarginGroup(plot());
    plot()->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    residual_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    plot()->xAxis->setLabel("");
    show_empty("No layer selected.\nPick a layer in the layer list to compare the circuit's fixed-point "
               "values with the float model's.");
}

void FloatVsQuantPlot::set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row) {
    trace_ = std::move(trace);
    layer_ = (trace_ && layer_row >= 0 && size_t(layer_row) < trace_->layers.size())
                 ? &trace_->layers[size_t(layer_row)] : nullptr;
    if (layer_) set_base_name("float_vs_quantised_" + QString::fromStdString(layer_->name));
    rebuild();
}

void FloatVsQuantPlot::rebuild() {
    plot()->clearPlottables();
    plot()->clearItems();
    if (!layer_ || layer_->size() == 0) {
        show_empty("No layer selected.\nPick a layer in the layer list to compare the circuit's fixed-point "
                   "values with the float model's.");
        return;
    }
    if (!layer_->has_float_reference()) {
        show_empty("This witness has no float reference for this layer, so there is nothing to compare.\n"
                   "Regenerate the witness with a ProofScope build that records float references.");
        return;
    }
    const size_t n = layer_->size();
    const size_t stride = std::max<size_t>(1, (n + max_drawn_points - 1) / max_drawn_points);
    QVector<double> xs, ys, errors;
    xs.reserve(int(n / stride + 1));
    ys.reserve(int(n / stride + 1));
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i += stride) {
        xs.push_back(layer_->float_reference[i]);
        ys.push_back(layer_->dequantised(i));
        errors.push_back(layer_->dequantised(i) - layer_->float_reference[i]);
    }
    for (size_t i = 0; i < n; ++i) {
        lo = std::min({lo, layer_->float_reference[i], layer_->dequantised(i)});
        hi = std::max({hi, layer_->float_reference[i], layer_->dequantised(i)});
    }
    auto* diagonal = new QCPItemStraightLine(plot());
    diagonal->point1->setCoords(0, 0);
    diagonal->point2->setCoords(1, 1);
    diagonal->setPen(QPen(colours::reference(), 1, Qt::DashLine));

    auto* points = plot()->addGraph();
    points->setName("values");
    points->setLineStyle(QCPGraph::lsNone);
    points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colours::quantised(), n > 5000 ? 3 : 6));
    points->setData(xs, ys);  // keys unsorted: setData sorts (scatter, not a series)

    const double pad = std::max((hi - lo) * 0.05, 1e-9);
    plot()->xAxis->setRange(lo - pad, hi + pad);
    plot()->yAxis->setRange(lo - pad, hi + pad);
    const double step = 1.0 / double(int64_t(1) << layer_->scale);

    QCPAxis* rx = residual_->axis(QCPAxis::atBottom);
    QCPAxis* ry = residual_->axis(QCPAxis::atLeft);
    auto* residuals = plot()->addGraph(rx, ry);
    residuals->setLineStyle(QCPGraph::lsNone);
    residuals->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colours::error(), n > 5000 ? 3 : 5));
    residuals->setData(xs, errors);
    for (double y : {-step / 2, step / 2}) {
        auto* half_step = new QCPItemStraightLine(plot());
        half_step->setClipAxisRect(residual_);
        half_step->point1->setAxes(rx, ry);
        half_step->point2->setAxes(rx, ry);
        half_step->point1->setCoords(0, y);
        half_step->point2->setCoords(1, y);
        half_step->setPen(QPen(colours::reference(), 1, Qt::DotLine));
    }
    const double worst = std::max(layer_->max_abs_error, step / 2) * 1.15;
    rx->setRange(lo - pad, hi + pad);
    ry->setRange(-worst, worst);
    caption_->setText(QString("<b>%1</b> (%2): max |error| %3, mean |error| %4 · one quantisation step at "
                              "scale %5 is %6 (dotted lines below: ±½ step, the error rounding alone makes) · on the dashed diagonal the "
                              "circuit agrees with the float model%7")
                          .arg(QString::fromStdString(layer_->name), QString::fromStdString(layer_->op))
                          .arg(layer_->max_abs_error, 0, 'g', 3).arg(layer_->mean_abs_error, 0, 'g', 3)
                          .arg(layer_->scale).arg(step, 0, 'g', 3)
                          .arg(stride > 1 ? QString(" · every %1th of %2 values drawn").arg(stride).arg(n) : QString()));
    show_plot();
}

QString FloatVsQuantPlot::csv() const {
    QString out = "position,float_reference,dequantised,quantised,abs_error\n";
    if (!layer_ || !layer_->has_float_reference()) return out;
    for (size_t i = 0; i < layer_->size(); ++i)
        out += QString("%1,%2,%3,%4,%5\n")
                   .arg(i)
                   .arg(layer_->float_reference[i], 0, 'g', 9)
                   .arg(layer_->dequantised(i), 0, 'g', 9)
                   .arg(layer_->quantised[i])
                   .arg(std::abs(layer_->dequantised(i) - layer_->float_reference[i]), 0, 'g', 9);
    return out;
}

}  // namespace ps::ui
