#include "ui/widgets/plot_view.hpp"

#include "ui/atomic_export.hpp"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace ps::ui {

namespace colours {
QColor quantised() { return QColor(0x1f, 0x77, 0xb4); }
QColor reference() { return QColor(0x33, 0x33, 0x33); }
QColor bounds() { return QColor(0xc0, 0x39, 0x2b); }
QColor saturated() { return QColor(0xe7, 0x4c, 0x3c); }
QColor error() { return QColor(0xe6, 0x7e, 0x22); }
}  // namespace colours

PlotView::PlotView(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    top_ = new QVBoxLayout;
    outer->addLayout(top_);

    auto* holder = new QWidget(this);
    stack_ = new QStackedLayout(holder);
    empty_ = new QLabel(holder);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setStyleSheet("color: #666; font-size: 11pt; padding: 24px;");
    plot_ = new QCustomPlot(holder);
    plot_->setMinimumSize(200, 160);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    stack_->addWidget(empty_);
    stack_->addWidget(plot_);
    outer->addWidget(holder, 1);

    replot_timer_.setSingleShot(true);
    replot_timer_.setInterval(50);
    connect(&replot_timer_, &QTimer::timeout, plot_, [this] { plot_->replot(); });
}

bool PlotView::showing_empty_state() const { return stack_->currentWidget() == empty_; }
QString PlotView::empty_message() const { return empty_->text(); }

void PlotView::show_empty(const QString& message) {
    empty_->setText(message);
    stack_->setCurrentWidget(empty_);
}

void PlotView::show_plot() {
    stack_->setCurrentWidget(plot_);
    schedule_replot();
}

void PlotView::schedule_replot() { replot_timer_.start(); }

bool PlotView::export_to(const QString& path, QString* error) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "csv") {
        return export_atomically(path, csv().toUtf8(), error);
    }
    if (showing_empty_state()) {
        if (error) *error = "this view is empty: open a project with a witness first";
        return false;
    }
    plot_->replot(QCustomPlot::rpImmediateRefresh);
    const int w = std::max(plot_->width(), 800), h = std::max(plot_->height(), 500);
    if (suffix != "png" && suffix != "pdf") {
        if (error) *error = QString("%1: unknown format .%2 (use .png, .pdf or .csv)").arg(path, suffix);
        return false;
    }
    return export_atomically(path, [&](const QString& temp) {
        return suffix == "png" ? plot_->savePng(temp, w, h, 2.0) : plot_->savePdf(temp, w, h);
    }, error);
}

}  // namespace ps::ui
