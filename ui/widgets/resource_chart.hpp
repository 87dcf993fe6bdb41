#pragma once
// While a job runs: this process's resident memory (MB, left axis) and CPU use (% of one
// core, right axis) every half second, from core's sample_process_usage(); the caption
// names the peak and the memory still free on the machine.
#include "ui/widgets/plot_view.hpp"

#include <QElapsedTimer>
#include <QTimer>
#include <vector>

class QLabel;

namespace ps::ui {

class ResourceChart : public PlotView {
    Q_OBJECT
public:
    explicit ResourceChart(QWidget* parent = nullptr);
    int samples() const { return int(samples_.size()); }

public slots:
    void job_started(const QString& title);  // a new recording unless one is running
    void jobs_idle();                        // stop sampling; the chart stays
    void sample();                           // one point now (the timer calls it)

protected:
    QString csv() const override;

private:
    struct Sample {
        double seconds, rss_mb, cpu_percent;
    };
    std::vector<Sample> samples_;
    QTimer timer_;
    QElapsedTimer clock_;
    double last_cpu_ = 0, last_t_ = 0;
    QString title_;
    QLabel* caption_;
};

}  // namespace ps::ui
