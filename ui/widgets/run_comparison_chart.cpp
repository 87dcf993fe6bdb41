#include "ui/widgets/run_comparison_chart.hpp"

#include "ui/widgets/stage_timing_chart.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <algorithm>
#include <qcustomplot.h>

namespace ps::ui {

namespace {
const QString no_runs_message =
    "Two prove runs are needed to compare.\nProve again (for example with another input or another thread count): "
    "the two runs then appear side by side, stage by stage.";

// The stages of a run in order, top level only.
std::vector<std::string> stage_names(const pipeline::RunRecord& r) {
    std::vector<std::string> names;
    for (const auto& s : r.stages)
        if (s.depth == 0 && std::find(names.begin(), names.end(), s.stage) == names.end()) names.push_back(s.stage);
    return names;
}
}  // namespace

RunComparisonChart::RunComparisonChart(QWidget* parent) : PlotView(parent) {
    auto* row = new QHBoxLayout;
    a_ = new QComboBox;
    b_ = new QComboBox;
    row->addWidget(new QLabel("Run A (grey):"));
    row->addWidget(a_, 1);
    row->addWidget(new QLabel("Run B (blue):"));
    row->addWidget(b_, 1);
    top_area()->addLayout(row);
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);
    top_area()->addWidget(caption_);
    set_base_name("run_comparison");
    // Horizontal bars: the stage names read level on the left, first stage on top.
    plot()->xAxis->setLabel("wall time (ms)");
    plot()->yAxis->setLabel("stage");
    connect(a_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(b_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    show_empty(no_runs_message);
}

void RunComparisonChart::set_history(const pipeline::RunHistory& history) {
    proves_.clear();
    for (const auto& r : history.runs)
        if (r.step == "prove") proves_.push_back(r);
    const QSignalBlocker block_a(a_), block_b(b_);
    a_->clear();
    b_->clear();
    for (size_t i = 0; i < proves_.size(); ++i) {
        const auto& r = proves_[i];
        const QString label = QString("#%1  %2  (%3)").arg(i + 1).arg(date_text(r.date), duration_text(r.total_milliseconds));
        a_->addItem(label);
        b_->addItem(label);
    }
    const int n = int(proves_.size());
    a_->setCurrentIndex(std::max(0, n - 2));
    b_->setCurrentIndex(n - 1);
    rebuild();
}

void RunComparisonChart::compare(int run_a, int run_b) {
    a_->setCurrentIndex(run_a);
    b_->setCurrentIndex(run_b);
    rebuild();
}

QString RunComparisonChart::verdict_text() const { return caption_->text(); }

void RunComparisonChart::rebuild() {
    plot()->clearPlottables();
    const int ia = a_->currentIndex(), ib = b_->currentIndex();
    if (proves_.size() < 2 || ia < 0 || ib < 0) {
        caption_->clear();
        show_empty(no_runs_message);
        return;
    }
    const auto &ra = proves_[size_t(ia)], &rb = proves_[size_t(ib)];
    std::vector<std::string> names = stage_names(ra);
    for (const auto& s : stage_names(rb))
        if (std::find(names.begin(), names.end(), s) == names.end()) names.push_back(s);
    auto* group = new QCPBarsGroup(plot());
    auto* bars_a = new QCPBars(plot()->yAxis, plot()->xAxis);
    bars_a->setName(QString("A: run #%1").arg(ia + 1));
    bars_a->setBrush(QColor(0xaa, 0xaa, 0xaa));
    bars_a->setPen(Qt::NoPen);
    auto* bars_b = new QCPBars(plot()->yAxis, plot()->xAxis);
    bars_b->setName(QString("B: run #%1").arg(ib + 1));
    bars_b->setBrush(colours::quantised());
    bars_b->setPen(Qt::NoPen);
    for (auto* b : {bars_a, bars_b}) {
        b->setWidth(0.38);
        b->setBarsGroup(group);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    double top = 1;
    struct Change {
        std::string stage;
        double delta_ms, ratio;
    };
    std::vector<Change> changes;
    const size_t n = names.size();
    for (size_t i = 0; i < n; ++i) {
        const double ta = ra.stage_milliseconds(names[i]), tb = rb.stage_milliseconds(names[i]);
        const double key = double(n - 1 - i);
        // B above A within each stage's pair, as the caption names B first.
        bars_a->addData(key, ta);
        bars_b->addData(key, tb);
        ticker->addTick(key, QString::fromStdString(names[i]));
        top = std::max({top, ta, tb});
        changes.push_back({names[i], tb - ta, ta > 0 ? tb / ta : 0});
    }
    plot()->yAxis->setTicker(ticker);
    plot()->yAxis->setRange(-0.7, double(n) - 0.3);
    plot()->xAxis->setRange(0, top * 1.12);

    // Named when it moved by more than 10 % and 20 ms: noise on a shared machine is smaller.
    std::sort(changes.begin(), changes.end(), [](const Change& x, const Change& y) { return x.delta_ms > y.delta_ms; });
    QStringList slower;
    for (const auto& c : changes)
        if (c.delta_ms > 20 && c.ratio > 1.1 && slower.size() < 3)
            slower << QString("%1 (+%2, ×%3)").arg(QString::fromStdString(c.stage), duration_text(c.delta_ms)).arg(c.ratio, 0, 'f', 2);
    const double total_delta = rb.total_milliseconds - ra.total_milliseconds;
    caption_->setText(QString("<span style='color:#aaaaaa'>■</span> A: run #%4 &nbsp; <span style='color:#1f77b4'>■</span> B: run #%5. "
                              "B took %1 %2 than A in total. %3")
                          .arg(duration_text(std::abs(total_delta)), total_delta >= 0 ? "more" : "less",
                               slower.isEmpty() ? QString("No stage got noticeably slower.")
                                                : "<b>Slower in B:</b> " + slower.join(", ") + ".")
                          .arg(ia + 1)
                          .arg(ib + 1));
    show_plot();
}

QString RunComparisonChart::csv() const {
    QString out = "stage,run_a_ms,run_b_ms\n";
    const int ia = a_->currentIndex(), ib = b_->currentIndex();
    if (ia < 0 || ib < 0 || size_t(std::max(ia, ib)) >= proves_.size()) return out;
    const auto &ra = proves_[size_t(ia)], &rb = proves_[size_t(ib)];
    std::vector<std::string> names = stage_names(ra);
    for (const auto& s : stage_names(rb))
        if (std::find(names.begin(), names.end(), s) == names.end()) names.push_back(s);
    for (const auto& s : names)
        out += QString("\"%1\",%2,%3\n").arg(QString::fromStdString(s)).arg(ra.stage_milliseconds(s), 0, 'f', 3).arg(rb.stage_milliseconds(s), 0, 'f', 3);
    return out;
}

}  // namespace ps::ui
