#include "ui/widgets/class_scores_chart.hpp"

#include <algorithm>
#include <qcustomplot.h>

namespace ps::ui {

ClassScoresChart::ClassScoresChart(QWidget* parent) : PlotView(parent) {
    set_base_name("class_scores");
    plot()->xAxis->setLabel("class");
    plot()->yAxis->setLabel("score (dequantised output)");
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot()->setInteractions({});
    clear("No outputs to show yet.");
}

void ClassScoresChart::clear(const QString& message) {
    scores_.clear();
    reference_.clear();
    predicted_ = -1;
    show_empty(message);
}

void ClassScoresChart::set_scores(const std::vector<double>& scores, const QString& what,
                                  const std::vector<double>& reference, const QString& reference_what, bool proven) {
    scores_ = scores;
    reference_ = reference;
    plot()->clearPlottables();
    plot()->clearItems();
    if (scores.empty()) {
        clear("The proof has no public outputs (output_visibility is not public).");
        return;
    }
    predicted_ = int(std::max_element(scores.begin(), scores.end()) - scores.begin());
    auto* group = reference.empty() ? nullptr : new QCPBarsGroup(plot());
    auto* bars = new QCPBars(plot()->xAxis, plot()->yAxis);
    bars->setName(what);
    bars->setBrush(proven ? colours::quantised() : QColor(0xcc, 0xcc, 0xcc));
    bars->setPen(Qt::NoPen);
    auto* winner = new QCPBars(plot()->xAxis, plot()->yAxis);
    winner->setName(proven ? QString("predicted class: %1").arg(predicted_)
                           : QString("claimed class: %1 — NOT proven").arg(predicted_));
    winner->setBrush(proven ? QColor(0x1e, 0x84, 0x49) : QColor(0xe6, 0xa0, 0x9a));
    winner->setPen(Qt::NoPen);
    double lo = 0, hi = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
        (int(i) == predicted_ ? winner : bars)->addData(double(i), scores[i]);
        lo = std::min(lo, scores[i]);
        hi = std::max(hi, scores[i]);
    }
    const double width = group ? 0.4 : 0.7;
    bars->setWidth(width);
    winner->setWidth(width);
    if (group) {
        // A bars group gives each series its own slot: the predicted class joins the
        // others and is named by a label above it instead of by colour.
        for (const auto& d : *winner->data()) bars->addData(d.key, d.value);
        plot()->removePlottable(winner);
        bars->setBarsGroup(group);
        auto* label = new QCPItemText(plot());
        label->position->setCoords(double(predicted_), scores[size_t(predicted_)]);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setText(QString("predicted: %1").arg(predicted_));
        label->setColor(QColor(0x1e, 0x84, 0x49));
        auto* ref = new QCPBars(plot()->xAxis, plot()->yAxis);
        ref->setName(reference_what);
        ref->setBrush(QColor(0xaa, 0xaa, 0xaa));
        ref->setPen(Qt::NoPen);
        ref->setWidth(width);
        ref->setBarsGroup(group);
        for (size_t i = 0; i < reference.size(); ++i) {
            ref->addData(double(i), reference[i]);
            lo = std::min(lo, reference[i]);
            hi = std::max(hi, reference[i]);
        }
    }
    auto ticker = QSharedPointer<QCPAxisTickerFixed>(new QCPAxisTickerFixed);
    ticker->setTickStep(1);
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setRange(-0.7, double(scores.size()) - 0.3);
    const double pad = (hi - lo) * 0.1 + 1e-6;
    plot()->yAxis->setRange(lo - (lo < 0 ? pad : 0), hi + pad * 2.5);
    show_plot();
}

QString ClassScoresChart::csv() const {
    QString out = reference_.empty() ? "class,score\n" : "class,score,reference\n";
    for (size_t i = 0; i < scores_.size(); ++i) {
        out += QString("%1,%2").arg(i).arg(scores_[i], 0, 'g', 10);
        if (!reference_.empty()) out += QString(",%1").arg(i < reference_.size() ? reference_[i] : 0.0, 0, 'g', 10);
        out += "\n";
    }
    return out;
}

}  // namespace ps::ui
