#include "ui/widgets/resource_chart.hpp"

#include "core/util/process_usage.hpp"

#include <QLabel>
#include <algorithm>
#include <qcustomplot.h>

namespace ps::ui {

ResourceChart::ResourceChart(QWidget* parent) : PlotView(parent) {
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);
    top_area()->addWidget(caption_);
    set_base_name("memory_cpu");
    plot()->xAxis->setLabel("time since the job started (s)");
    plot()->yAxis->setLabel("resident memory (MB)");
    plot()->yAxis2->setVisible(true);
    plot()->yAxis2->setLabel("CPU (% of one core)");
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    timer_.setInterval(500);
    connect(&timer_, &QTimer::timeout, this, &ResourceChart::sample);
    show_empty("Memory and CPU are charted live while a job runs (setup, prove, a queue …).\nStart one from the buttons above.");
}

void ResourceChart::job_started(const QString& title) {
    if (timer_.isActive()) return;  // a chain or queue goes on: one recording
    samples_.clear();
    title_ = title;
    clock_.start();
    last_cpu_ = sample_process_usage().cpu_seconds;
    last_t_ = 0;
    sample();
    timer_.start();
}

void ResourceChart::jobs_idle() {
    if (!timer_.isActive()) return;
    sample();
    timer_.stop();
}

void ResourceChart::sample() {
    if (!clock_.isValid()) return;
    const ProcessUsage u = sample_process_usage();
    const double t = double(clock_.nsecsElapsed()) / 1e9;
    const double cpu = t > last_t_ ? 100 * (u.cpu_seconds - last_cpu_) / (t - last_t_) : 0;
    last_cpu_ = u.cpu_seconds;
    last_t_ = t;
    samples_.push_back({t, double(u.rss_bytes) / 1e6, std::max(0.0, cpu)});

    plot()->clearGraphs();
    auto* rss = plot()->addGraph(plot()->xAxis, plot()->yAxis);
    rss->setName("resident memory (MB)");
    rss->setPen(QPen(colours::quantised(), 2));
    auto* cpu_graph = plot()->addGraph(plot()->xAxis, plot()->yAxis2);
    cpu_graph->setName("CPU (% of one core)");
    cpu_graph->setPen(QPen(colours::error(), 1.5));
    double top_mb = 1, top_cpu = 100;
    for (const auto& s : samples_) {
        rss->addData(s.seconds, s.rss_mb);
        cpu_graph->addData(s.seconds, s.cpu_percent);
        top_mb = std::max(top_mb, s.rss_mb);
        top_cpu = std::max(top_cpu, s.cpu_percent);
    }
    const double free_mb = double(available_memory_bytes()) / 1e6;
    plot()->xAxis->setRange(0, std::max(5.0, t * 1.05));
    plot()->yAxis->setRange(0, top_mb * 1.25);
    plot()->yAxis2->setRange(0, top_cpu * 1.15);
    caption_->setText(QString("<b>%1</b>: %2 MB resident now, peak %3 MB · CPU %4 % of one core · %5 MB of memory free on the machine")
                          .arg(title_)
                          .arg(samples_.back().rss_mb, 0, 'f', 0)
                          .arg(double(u.peak_rss_bytes) / 1e6, 0, 'f', 0)
                          .arg(samples_.back().cpu_percent, 0, 'f', 0)
                          .arg(free_mb, 0, 'f', 0));
    show_plot();
}

QString ResourceChart::csv() const {
    QString out = "seconds,rss_mb,cpu_percent_of_one_core\n";
    for (const auto& s : samples_) out += QString("%1,%2,%3\n").arg(s.seconds, 0, 'f', 2).arg(s.rss_mb, 0, 'f', 1).arg(s.cpu_percent, 0, 'f', 1);
    return out;
}

}  // namespace ps::ui
