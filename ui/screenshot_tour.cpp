#include "ui/screenshot_tour.hpp"

#include "ui/dialogs/about_dialog.hpp"
#include "ui/main_window.hpp"
#include "ui/models/stage_progress.hpp"
#include "ui/proving_view.hpp"
#include "ui/remote_panel.hpp"
#include "ui/verify_panel.hpp"
#include "ui/widgets/error_panel.hpp"
#include "ui/widgets/drawing_pad.hpp"
#include "ui/widgets/input_view.hpp"
#include "ui/widgets/layer_list_view.hpp"

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
        // The drawing pad with a "7" on it (the Demo tab's "Draw or pick a digit…").
        input->open_drawing_pad();
        DrawingPad* pad = input->drawing_pad();
        pad->resize(280, 280);
        pad->stroke({70, 60}, {210, 60});
        pad->stroke({210, 60}, {120, 230});
        settle(200);
        const QString pad_path = QDir(out_dir_).filePath("08b_input_drawing_pad.png");
        if (pad->window()->grab().save(pad_path)) saved_ << pad_path;
        pad->window()->hide();
        QString error;
        if (input->load_image(sample_image_, &error)) {
            save("09_input_loaded_image");
            // Save, regenerate the witness for the new input, and show the logits.
            QEventLoop wait;
            QTimer::singleShot(120'000, &wait, &QEventLoop::quit);
            connect(&window_, &MainWindow::idle, &wait, &QEventLoop::quit);
            if (input->save(&error)) {
                window_.generate_witness();
                if (window_.busy()) wait.exec();
            }
            if (window_.trace() && !window_.trace()->layers.empty()) {
                const int last = int(window_.trace()->layers.size()) - 1;
                window_.layer_list()->select_layer(last);
                window_.show_view(MainWindow::View::Heatmap);
                save("11_regenerated_output_heatmap");
            }
        } else {
            std::fprintf(stderr, "proofscope: %s: %s\n", qPrintable(sample_image_), qPrintable(error));
        }
    }
    shoot_proving();
    AboutDialog about(&window_);
    about.show();
    settle(300);
    const QString about_path = QDir(out_dir_).filePath("10_about.png");
    if (about.grab().save(about_path)) saved_ << about_path;
    emit done(window_.error_panel()->count() > 0 && !window_.trace() ? 1 : 0);
}

bool ScreenshotTour::run_and_wait(const QString& step) {
    QEventLoop wait;
    QTimer::singleShot(300'000, &wait, &QEventLoop::quit);
    connect(&window_, &MainWindow::idle, &wait, &QEventLoop::quit);
    window_.run_step(step);
    if (window_.busy()) wait.exec();
    return !window_.busy();
}

void ScreenshotTour::shoot_proving() {
    ProvingView* proving = window_.proving_view();
    window_.show_page(MainWindow::Page::Output);
    save("22_output_prediction");
    window_.show_page(MainWindow::Page::Demo);
    save("23_demo_step2_witness");
    window_.show_page(MainWindow::Page::Proving);
    if (!window_.status().find("kzg.srs") || window_.status().find("kzg.srs")->state != ArtifactState::Present)
        run_and_wait("gen-srs");
    save("12_proving_before_keys");
    if (!run_and_wait("setup")) return;
    // Mid-run: once the permutation round is under way, while the job goes on.
    bool shot = false;
    auto hook = connect(&proving->progress(), &StageProgress::changed, this, [this, proving, &shot] {
        for (const auto& r : proving->progress().rows())
            if (!shot && r.name == "lookup accumulators" && r.state == StageRow::State::Running) {
                shot = true;
                QTimer::singleShot(0, this, [this] { save("13_proving_mid_run"); });
            }
    });
    run_and_wait("prove");
    disconnect(hook);
    save("14_proving_after_stage_times");
    window_.show_page(MainWindow::Page::Demo);
    save("24_demo_step3_proved");
    window_.show_page(MainWindow::Page::Proving);
    run_and_wait("prove");  // a second run: the history and the comparison have two points
    proving->show_chart(ProvingView::Chart::History);
    save("15_proving_history");
    proving->show_chart(ProvingView::Chart::Comparison);
    save("16_proving_compare_runs");
    proving->show_chart(ProvingView::Chart::StageTimes);

    VerifyPanel* verify = window_.verify_panel();
    window_.show_page(MainWindow::Page::Verify);
    auto verdict = [this, verify](const QString& name, auto&& action) {
        QEventLoop wait;
        QTimer::singleShot(120'000, &wait, &QEventLoop::quit);
        connect(verify, &VerifyPanel::verdict_shown, &wait, &QEventLoop::quit);
        action();
        wait.exec();
        save(name);
    };
    verdict("17_verify_valid", [verify] { verify->verify(); });
    verdict("18_verify_tampered_proof_byte", [verify] { verify->tamper(pipeline::Tamper::ProofByte); });
    verdict("19_verify_tampered_output", [verify] { verify->tamper(pipeline::Tamper::ClaimedOutput); });
    verdict("20_verify_other_model_key", [verify] { verify->tamper(pipeline::Tamper::OtherModelKey); });
    verdict("21_verify_restored", [verify] { verify->restore(); });
    window_.show_page(MainWindow::Page::Demo);
    save("25_demo_step4_verified");

    // The Remote tab asks the scheduler when it comes on screen: its jobs for this folder
    // when SLURM_CONF names a cluster (installer/slurm-dev.sh), else what to set up.
    {
        QEventLoop wait;
        QTimer::singleShot(20'000, &wait, &QEventLoop::quit);
        connect(window_.remote_panel(), &RemotePanel::updated, &wait, &QEventLoop::quit);
        window_.show_page(MainWindow::Page::Remote);
        wait.exec();
        save("26_remote_jobs");
    }
}

}  // namespace ps::ui
