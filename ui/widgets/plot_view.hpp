#pragma once
// Base of every plot: a QCustomPlot with axis titles, an empty state that says what to
// do next, a coalescing replot timer (updates within ~50 ms become one replot), and
// export to PNG / PDF (the plot) and CSV (the plotted data, from csv()).
#include "ui/widgets/exportable.hpp"

#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QStackedLayout;
class QVBoxLayout;

namespace ps::ui {

class PlotView : public QWidget, public Exportable {
    Q_OBJECT
public:
    explicit PlotView(QWidget* parent = nullptr);

    QStringList export_formats() const override { return {"png", "pdf", "csv"}; }
    bool export_to(const QString& path, QString* error) const override;
    QString export_base_name() const override { return base_name_; }

    QCustomPlot* plot() const { return plot_; }
    bool showing_empty_state() const;
    QString empty_message() const;

protected:
    // The data behind the plot as CSV text (a header line, then rows).
    virtual QString csv() const = 0;

    void show_empty(const QString& message);
    void show_plot();
    void schedule_replot();
    void set_base_name(const QString& name) { base_name_ = name; }
    // Controls (selectors, legends) above the plot.
    QVBoxLayout* top_area() const { return top_; }

private:
    QCustomPlot* plot_;
    QLabel* empty_;
    QStackedLayout* stack_;
    QVBoxLayout* top_;
    QTimer replot_timer_;
    QString base_name_ = "plot";
};

// The palette of meaning shared by all plots.
namespace colours {
QColor quantised();  // blue
QColor reference();  // grey-black
QColor bounds();     // red: lookup range / constrained range
QColor saturated();  // red, lighter fill
QColor error();      // orange
}  // namespace colours

}  // namespace ps::ui
