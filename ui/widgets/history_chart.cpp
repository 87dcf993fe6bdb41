#include "ui/widgets/history_chart.hpp"

#include "ui/widgets/stage_timing_chart.hpp"

#include <QLabel>
#include <qcustomplot.h>

namespace ps::ui {

namespace {
const QString no_runs_message =
    "No prove runs recorded yet.\nEvery Prove adds a line to runs.jsonl in the project folder (date, settings, "
    "timings, peak memory, proof size, verdict); this chart then shows prove time over runs.";
}

HistoryChart::HistoryChart(QWidget* parent) : PlotView(parent) {
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    top_area()->addWidget(caption_);
    set_base_name("prove_history");
    plot()->xAxis->setLabel("run (oldest left)");
    plot()->yAxis->setLabel("prove time (s)");
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    show_empty(no_runs_message);
}

void HistoryChart::set_history(const pipeline::RunHistory& history) {
    proves_.clear();
    for (const auto& r : history.runs)
        if (r.step == "prove") proves_.push_back(r);
    plot()->clearGraphs();
    if (proves_.empty()) {
        caption_->setText(history.problems.empty() ? QString() : QString("%1 unreadable line(s) in runs.jsonl skipped.").arg(history.problems.size()));
        show_empty(no_runs_message);
        return;
    }
    auto* valid = plot()->addGraph();
    valid->setName("proof verified");
    valid->setPen(QPen(colours::quantised(), 1.5));
    valid->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colours::quantised(), colours::quantised(), 7));
    auto* invalid = plot()->addGraph();
    invalid->setName("proof did not verify");
    invalid->setLineStyle(QCPGraph::lsNone);
    invalid->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, colours::bounds(), 11));
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    const size_t n = proves_.size();
    double top = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto& r = proves_[i];
        const double s = r.total_milliseconds / 1000;
        valid->addData(double(i + 1), s);
        if (r.verdict != "valid") invalid->addData(double(i + 1), s);
        top = std::max(top, s);
        if (n <= 20 || i % ((n + 19) / 20) == 0)
            ticker->addTick(double(i + 1), QString("#%1\n%2").arg(i + 1).arg(QString::fromStdString(r.date).mid(5, 11).replace('T', ' ')));
    }
    if (invalid->dataCount() == 0) invalid->removeFromLegend();
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setRange(0.5, double(n) + 0.5);
    plot()->yAxis->setRange(0, top * 1.15 + 0.01);
    const auto& last = proves_.back();
    caption_->setText(QString("%1 prove run(s) recorded in runs.jsonl. Last: %2 (%3), proof %4, peak memory %5.%6")
                          .arg(n).arg(duration_text(last.total_milliseconds), QString::fromStdString(last.verdict),
                                      bytes_text(last.proof_bytes), peak_memory_text(last))
                          .arg(history.problems.empty() ? QString() : QString(" %1 unreadable line(s) skipped.").arg(history.problems.size())));
    show_plot();
}

QString HistoryChart::csv() const {
    QString out = "run,date,total_ms,verify_ms,proof_bytes,peak_rss_bytes,overlapping_jobs,threads,verdict,settings_digest,input_digest\n";
    for (size_t i = 0; i < proves_.size(); ++i) {
        const auto& r = proves_[i];
        out += QString("%1,%2,%3,%4,%5,%6,%7,%8,\"%9\",%10,%11\n")
                   .arg(i + 1).arg(QString::fromStdString(r.date)).arg(r.total_milliseconds, 0, 'f', 1)
                   .arg(r.verify_milliseconds, 0, 'f', 1).arg(r.proof_bytes).arg(r.peak_rss_bytes)
                   .arg(r.overlapping_jobs).arg(r.threads)
                   .arg(QString::fromStdString(r.verdict), QString::fromStdString(r.settings_digest),
                        QString::fromStdString(r.input_digest));
    }
    return out;
}

}  // namespace ps::ui
