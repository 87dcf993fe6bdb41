#include "ui/widgets/stage_timing_chart.hpp"

#include "core/pipeline/stage_plan.hpp"

#include <QLabel>
#include <algorithm>
#include <qcustomplot.h>

namespace ps::ui {

QString duration_text(double ms) {
    if (ms < 1000) return QString("%1 ms").arg(ms, 0, 'f', ms < 10 ? 1 : 0);
    return QString("%1 s").arg(ms / 1000, 0, 'f', ms < 10'000 ? 2 : 1);
}

QString date_text(const std::string& iso_utc) {
    return QString::fromStdString(iso_utc).replace('T', ' ').replace("Z", " UTC");
}

QString bytes_text(uint64_t bytes) {
    if (bytes == 0) return "unknown";
    if (bytes < 10'000) return QString("%1 bytes").arg(bytes);
    if (bytes < 10'000'000) return QString("%1 kB").arg(double(bytes) / 1e3, 0, 'f', 1);
    return QString("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 0);
}

QString peak_memory_text(const pipeline::RunRecord& run) {
    const QString peak = bytes_text(run.peak_rss_bytes);
    if (run.overlapping_jobs == 0) return peak;
    return QString("%1 (shared with %2 other job%3)").arg(peak).arg(run.overlapping_jobs).arg(run.overlapping_jobs == 1 ? "" : "s");
}

namespace {
const QString no_runs_message =
    "No proof made yet in this project.\nPress Prove (after Generate keys): this chart then shows how long each "
    "stage of the proof system took, with the proof's size, the peak memory and the verify time.";

bool is_round(const std::string& stage) {
    for (const auto* rounds : {&pipeline::prover_rounds(), &pipeline::keygen_rounds()})
        if (std::find(rounds->begin(), rounds->end(), stage) != rounds->end()) return true;
    return false;
}
}  // namespace

StageTimingChart::StageTimingChart(QWidget* parent) : PlotView(parent) {
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);
    top_area()->addWidget(caption_);
    set_base_name("stage_times");
    plot()->xAxis->setLabel("wall time (ms)");
    plot()->yAxis->setLabel("stage (top: first)");
    // The colours are explained in the caption: a legend inside the plot would cover bars.
    clear();
}

void StageTimingChart::clear() {
    run_.reset();
    caption_->clear();
    show_empty(no_runs_message);
}

QString StageTimingChart::caption() const { return caption_->text(); }

void StageTimingChart::show_run(const pipeline::RunRecord& run) {
    run_ = run;
    plot()->clearPlottables();
    std::vector<const pipeline::StageTiming*> stages;
    for (const auto& s : run.stages)
        if (s.depth == 0) stages.push_back(&s);
    if (stages.empty()) {
        show_empty(no_runs_message);
        return;
    }
    auto* rounds = new QCPBars(plot()->yAxis, plot()->xAxis);
    rounds->setName("proof-system round");
    rounds->setBrush(colours::quantised());
    rounds->setPen(Qt::NoPen);
    auto* other = new QCPBars(plot()->yAxis, plot()->xAxis);
    other->setName("reading, laying out, writing files");
    other->setBrush(QColor(0xaa, 0xaa, 0xaa));
    other->setPen(Qt::NoPen);
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    const int n = int(stages.size());
    double longest = 1;
    for (int i = 0; i < n; ++i) {
        const double key = double(n - 1 - i);  // first stage at the top
        (is_round(stages[size_t(i)]->stage) ? rounds : other)->addData(key, stages[size_t(i)]->milliseconds);
        ticker->addTick(key, QString::fromStdString(stages[size_t(i)]->stage));
        longest = std::max(longest, stages[size_t(i)]->milliseconds);
    }
    rounds->setWidth(0.7);
    other->setWidth(0.7);
    plot()->yAxis->setTicker(ticker);
    plot()->yAxis->setRange(-0.7, double(n) - 0.3);
    plot()->xAxis->setRange(0, longest * 1.08);

    const bool prove = run.step == "prove";
    QString text = QString("<b>%1</b> on %2: %3 in total")
                       .arg(prove ? "Prove" : "Setup (keys)", date_text(run.date), duration_text(run.total_milliseconds));
    if (prove) {
        const bool valid = run.verdict == "valid";
        text += QString(" · proof %1 · peak memory %2 · verified in %3 · <span style='color:%4'><b>%5</b></span>")
                    .arg(bytes_text(run.proof_bytes), peak_memory_text(run), duration_text(run.verify_milliseconds),
                         valid ? "#1e8449" : "#c0392b", valid ? "valid" : QString::fromStdString(run.verdict).toHtmlEscaped());
    } else {
        text += QString(" · peak memory %1").arg(peak_memory_text(run));
    }
    text += "<br><span style='color:#1f77b4'>■</span> proof-system round &nbsp; "
            "<span style='color:#aaaaaa'>■</span> reading, laying out, writing files";
    caption_->setText(text);
    show_plot();
}

QString StageTimingChart::csv() const {
    QString out = "step,date,stage,depth,milliseconds\n";
    if (!run_) return out;
    for (const auto& s : run_->stages)
        out += QString("%1,%2,\"%3\",%4,%5\n")
                   .arg(QString::fromStdString(run_->step), QString::fromStdString(run_->date),
                        QString::fromStdString(s.stage)).arg(s.depth).arg(s.milliseconds, 0, 'f', 3);
    return out;
}

}  // namespace ps::ui
