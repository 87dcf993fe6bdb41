#include "ui/widgets/stage_progress_view.hpp"

#include "ui/models/stage_progress.hpp"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <algorithm>

namespace ps::ui {

namespace {
QString seconds_text(double s) {
    if (s < 10) return QString("%1 s").arg(s, 0, 'f', 1);
    if (s < 120) return QString("%1 s").arg(int(s + 0.5));
    return QString("%1 min %2 s").arg(int(s) / 60).arg(int(s) % 60);
}
}  // namespace

StageProgressView::StageProgressView(StageProgress& model, QWidget* parent) : QWidget(parent), model_(model) {
    auto* outer = new QVBoxLayout(this);
    title_ = new QLabel;
    title_->setStyleSheet("font-weight: bold;");
    overall_ = new QProgressBar;
    overall_->setRange(0, 100);
    overall_->setToolTip("The whole job, each stage weighted by its time in the last run of this project");
    overall_text_ = new QLabel;
    empty_ = new QLabel("No job has run yet. Press Generate keys (once per model), then Prove: one row per stage "
                        "of the proof system will show its progress and time here.");
    empty_->setWordWrap(true);
    empty_->setStyleSheet("color: #666;");
    grid_ = new QGridLayout;
    grid_->setHorizontalSpacing(8);
    grid_->setVerticalSpacing(1);
    outer->addWidget(title_);
    outer->addWidget(overall_);
    outer->addWidget(overall_text_);
    outer->addWidget(empty_);
    outer->addLayout(grid_);
    outer->addStretch(1);
    title_->hide();
    overall_->hide();
    overall_text_->hide();

    connect(&model_, &StageProgress::changed, this, &StageProgressView::refresh);
    tick_.setInterval(250);
    connect(&tick_, &QTimer::timeout, this, &StageProgressView::refresh);
}

QString StageProgressView::overall_text() const {
    QString s = QString("%1 % · %2 elapsed").arg(model_.overall_percent()).arg(seconds_text(model_.elapsed_seconds()));
    if (model_.running()) {
        const double eta = model_.eta_seconds();
        s += eta < 0 ? QString(" · estimating time left…") : QString(" · about %1 left").arg(seconds_text(eta));
    }
    return s;
}

void StageProgressView::rebuild() {
    for (auto& r : rows_) {
        delete r.name;
        delete r.bar;
        delete r.time;
    }
    rows_.clear();
    const auto& rows = model_.rows();
    // Past eight stages, two columns (read down, then on): the charts below keep their room.
    const int per_column = rows.size() > 8 ? int((rows.size() + 1) / 2) : int(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        RowWidgets w{new QLabel(rows[i].name), new QProgressBar, new QLabel};
        w.bar->setRange(0, 100);
        w.bar->setMaximumHeight(12);
        w.bar->setTextVisible(false);
        w.time->setMinimumWidth(120);
        const int row = int(i) % std::max(per_column, 1), column = 3 * (int(i) / std::max(per_column, 1));
        grid_->addWidget(w.name, row, column);
        grid_->addWidget(w.bar, row, column + 1);
        grid_->addWidget(w.time, row, column + 2);
        rows_.push_back(w);
    }
    for (int c = 0; c < 6; ++c) grid_->setColumnStretch(c, c % 3 == 1 ? 1 : 0);
}

void StageProgressView::refresh() {
    const auto& rows = model_.rows();
    const bool started = !rows.empty() || model_.running();
    empty_->setVisible(!started);
    title_->setVisible(started);
    overall_->setVisible(started);
    overall_text_->setVisible(started);
    if (model_.running() && !tick_.isActive()) tick_.start();
    if (!model_.running()) tick_.stop();
    if (rows.size() != rows_.size()) rebuild();
    title_->setText(model_.title());
    overall_->setValue(model_.overall_percent());
    overall_text_->setText(overall_text());
    for (size_t i = 0; i < rows.size(); ++i) {
        const StageRow& r = rows[i];
        RowWidgets& w = rows_[i];
        w.name->setText(r.planned ? r.name : r.name + " (extra)");
        // A stage the core reports no finer than start and end moves as "busy" while it runs.
        const bool busy = r.state == StageRow::State::Running && r.percent == 0;
        w.bar->setRange(0, busy ? 0 : 100);
        w.bar->setValue(r.percent);
        QString time;
        switch (r.state) {
        case StageRow::State::Pending:
            time = r.expected_ms > 0 ? QString("waiting · last %1").arg(seconds_text(r.expected_ms / 1000)) : "waiting";
            break;
        case StageRow::State::Running: time = "running…"; break;
        case StageRow::State::Done: time = QString("%1 ms").arg(r.milliseconds, 0, 'f', r.milliseconds < 10 ? 1 : 0); break;
        case StageRow::State::Skipped: time = "not needed"; break;
        }
        w.time->setText(time);
        w.name->setStyleSheet(r.state == StageRow::State::Running ? "font-weight: bold;" : "");
    }
}

}  // namespace ps::ui
