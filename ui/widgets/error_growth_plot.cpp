#include "ui/widgets/error_growth_plot.hpp"

#include <QLabel>
#include <cmath>
#include <map>
#include <qcustomplot.h>

namespace ps::ui {

namespace {
// Log axes cannot show 0: exact layers sit on this floor (and the caption says so).
constexpr double error_floor = 1e-9;
const QString no_witness_message =
    "No witness loaded.\nOpen an artifact folder (Ctrl+O) or the demo project (Ctrl+D), then make its witness "
    "(Run ▸ Run all missing steps, Ctrl+R) to see how the quantisation error grows through the model.";
}  // namespace

int layer_with_largest_error_jump(const WitnessResult& trace) {
    std::map<std::string, double> error_of_value;
    int best = -1;
    double best_ratio = 0;
    for (size_t i = 0; i < trace.layers.size(); ++i) {
        const LayerTrace& l = trace.layers[i];
        if (!l.has_float_reference()) continue;
        double input_error = 0;
        for (const auto& in : l.inputs)
            if (auto it = error_of_value.find(in); it != error_of_value.end()) input_error = std::max(input_error, it->second);
        error_of_value[l.output.empty() ? l.name : l.output] = l.max_abs_error;
        if (l.op == "Input") continue;
        const double ratio = (l.max_abs_error + error_floor) / (input_error + error_floor);
        if (ratio > best_ratio) {
            best_ratio = ratio;
            best = int(i);
        }
    }
    return best;
}

ErrorGrowthPlot::ErrorGrowthPlot(QWidget* parent) : PlotView(parent) {
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    top_area()->addWidget(caption_);
    set_base_name("error_growth");
    plot()->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot()->yAxis->setNumberFormat("eb");
    plot()->yAxis->setNumberPrecision(0);
    plot()->yAxis->setLabel("|dequantised − float reference| (log scale)");
    plot()->xAxis->setLabel("layer (execution order)");
    plot()->xAxis->setTickLabelRotation(40);
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    connect(plot(), &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable* p, int index, QMouseEvent*) {
        if (p && p->interface1D()) emit layer_clicked(int(std::lround(p->interface1D()->dataMainKey(index))));
    });
    show_empty(no_witness_message);
}

void ErrorGrowthPlot::set_trace(std::shared_ptr<const WitnessResult> trace) {
    trace_ = std::move(trace);
    rebuild();
}

void ErrorGrowthPlot::rebuild() {
    plot()->clearPlottables();
    plot()->clearItems();
    if (!trace_ || trace_->layers.empty()) {
        show_empty(no_witness_message);
        return;
    }
    auto* max_graph = plot()->addGraph();
    auto* mean_graph = plot()->addGraph();
    max_graph->setName("max |error|");
    mean_graph->setName("mean |error|");
    max_graph->setPen(QPen(colours::bounds(), 2));
    mean_graph->setPen(QPen(colours::error(), 2, Qt::DashLine));
    max_graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    mean_graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    double top = error_floor * 10, bottom = INFINITY;
    size_t exact = 0;
    const size_t n = trace_->layers.size();
    for (size_t i = 0; i < n; ++i) {
        const LayerTrace& l = trace_->layers[i];
        if (n <= 40 || i % ((n + 39) / 40) == 0)
            ticker->addTick(double(i), QString::fromStdString(l.name).left(18));
        if (!l.has_float_reference()) continue;
        if (l.max_abs_error == 0) ++exact;
        max_graph->addData(double(i), std::max(l.max_abs_error, error_floor));
        mean_graph->addData(double(i), std::max(l.mean_abs_error, error_floor));
        top = std::max(top, l.max_abs_error);
        if (l.mean_abs_error > 0) bottom = std::min(bottom, l.mean_abs_error);
    }
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setRange(-0.5, double(n) - 0.5);
    // Down to the floor only when a layer is exact; else just below the smallest error.
    plot()->yAxis->setRange(exact || !std::isfinite(bottom) ? error_floor / 2 : bottom / 5, top * 5);

    const int worst = layer_with_largest_error_jump(*trace_);
    QString worst_text;
    if (worst >= 0) {
        const LayerTrace& l = trace_->layers[size_t(worst)];
        auto* arrow = new QCPItemText(plot());
        arrow->position->setCoords(double(worst), std::max(l.max_abs_error, error_floor) * 2.2);
        arrow->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        arrow->setTextAlignment(Qt::AlignHCenter);
        arrow->setText("largest jump\n▼");
        arrow->setColor(colours::bounds());
        worst_text = QString("The error grows most at <b>%1</b> (%2): max |error| %3.")
                         .arg(QString::fromStdString(l.name), QString::fromStdString(l.op))
                         .arg(l.max_abs_error, 0, 'g', 3);
    }
    caption_->setText(QString("Quantisation error per layer: the circuit's fixed-point value against the float "
                              "model. %1%2 Click a point to inspect that layer.")
                          .arg(worst_text)
                          .arg(exact ? QString(" %1 layer(s) are exact and sit on the floor %2.").arg(exact).arg(error_floor)
                                     : QString()));
    show_plot();
}

QString ErrorGrowthPlot::csv() const {
    QString out = "index,layer,op,max_abs_error,mean_abs_error\n";
    if (!trace_) return out;
    for (const auto& l : trace_->layers)
        out += QString("%1,%2,%3,%4,%5\n").arg(qulonglong(l.index)).arg(QString::fromStdString(l.name), QString::fromStdString(l.op))
                   .arg(l.max_abs_error, 0, 'g', 9).arg(l.mean_abs_error, 0, 'g', 9);
    return out;
}

}  // namespace ps::ui
