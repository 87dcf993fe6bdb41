#include "ui/screenshot_tour.hpp"

#include "ui/main_window.hpp"
#include "ui/widgets/error_panel.hpp"
#include "ui/widgets/input_view.hpp"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

namespace ps::ui {

namespace {
// Lets queued signals, the plots' coalesced replots and layouts settle before a grab.
void settle(int msecs) {
    QEventLoop loop;
    QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
}
}  // namespace

ScreenshotTour::ScreenshotTour(MainWindow& window, QString out_dir, ProjectPaths project, bool run_missing,
                               QString sample_image)
    : window_(window), out_dir_(std::move(out_dir)), project_(std::move(project)), run_missing_(run_missing),
      sample_image_(std::move(sample_image)) {}

void ScreenshotTour::save(const QString& name) {
    settle(400);
    const QString path = QDir(out_dir_).filePath(name + ".png");
    if (window_.grab().save(path)) {
        saved_ << path;
        std::printf("%s\n", qPrintable(path));
    } else {
        std::fprintf(stderr, "proofscope: cannot write %s\n", qPrintable(path));
    }
}

void ScreenshotTour::start() {
    QDir().mkpath(out_dir_);
    QTimer::singleShot(300, this, [this] {
        save("00_start_empty");
        connect(&window_, &MainWindow::idle, this, &ScreenshotTour::after_project_loaded);
        window_.open_project(project_);
    });
}

void ScreenshotTour::after_project_loaded() {
    if (run_missing_ && !chained_ && !window_.trace()) {
        chained_ = true;
        window_.run_missing_steps();
        if (window_.busy()) return;  // idle fires again when the chain ends
    }
    disconnect(&window_, &MainWindow::idle, this, &ScreenshotTour::after_project_loaded);
    QTimer::singleShot(0, this, &ScreenshotTour::shoot_views);
}

void ScreenshotTour::shoot_views() {
    save("01_project");
    const char* names[] = {"02_heatmap", "03_histogram", "04_float_vs_quantised", "05_raw_values",
                           "06_error_growth", "07_value_ranges", "08_input"};
    for (int v = 0; v < int(MainWindow::View::Count); ++v) {
        window_.show_view(MainWindow::View(v));
        save(names[v]);
    }
    if (!sample_image_.isEmpty()) {
        auto* input = static_cast<InputView*>(window_.view_widget(MainWindow::View::Input));
        QString error;
        if (input->load_image(sample_image_, &error)) save("09_input_loaded_image");
        else std::fprintf(stderr, "proofscope: %s: %s\n", qPrintable(sample_image_), qPrintable(error));
    }
    emit done(window_.error_panel()->count() > 0 && !window_.trace() ? 1 : 0);
}

}  // namespace ps::ui
