// proofscope: the desktop workbench. Wiring only: the window lives in ui/.
//   proofscope [FOLDER] [--input input.json] [--demo] [--run-missing] [--screenshots DIR]
#include "ui/demo_project.hpp"
#include "ui/main_window.hpp"
#include "ui/screenshot_tour.hpp"
#include "app/help_text.hpp"
#include "app/version_text.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ProofScope");
    QApplication::setApplicationName("ProofScope");
    QApplication::setApplicationVersion(PROOFSCOPE_VERSION);
    // Matches the installed .desktop entry (installer/), so Wayland compositors and docks
    // show its name and icon for the window.
    QGuiApplication::setDesktopFileName("io.github.proofscope.ProofScope");

    QCommandLineParser parser;
    parser.setApplicationDescription("ProofScope: inspect zero-knowledge ML circuits layer by layer.");
    // Help and version by hand rather than process(): the help must name the program as a
    // user types it (for the man page too), not by the path it was started from.
    const QCommandLineOption help({"h", "help"}, "Show this help and exit.");
    QCommandLineOption help_all("help-all", "Same as --help.");
    help_all.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption version({"v", "version"}, "Show the version and licence and exit.");
    parser.addOptions({help, help_all, version});
    parser.addPositionalArgument("folder", "Artifact folder to open (network.onnx, settings.json, ...).", "[folder]");
    const QCommandLineOption input({"i", "input"}, "The input.json to use (default: <folder>/input.json).", "file");
    const QCommandLineOption demo("demo", "Open the built-in demo project (written to the app data folder, or to <folder> when given).");
    const QCommandLineOption screenshots("screenshots", "Save a PNG of every main view into <dir>, then quit.", "dir");
    const QCommandLineOption run_missing("run-missing", "Run the missing pipeline steps up to the witness (gen-settings, compile-circuit, gen-witness) on opening.");
    const QCommandLineOption sample("sample-image", "With --screenshots: also load this image in the Input view.", "png");
    parser.addOptions({input, demo, screenshots, run_missing, sample});
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "proofscope: %s (see proofscope --help)\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(help) || parser.isSet(help_all)) {
        std::printf("%s", qPrintable(ps::app::help_text(parser, "proofscope")));
        return 0;
    }
    if (parser.isSet(version)) {
        ps::app::print_version("proofscope", PROOFSCOPE_VERSION);
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        std::fprintf(stderr, "proofscope: unexpected argument '%s': give one folder (see proofscope --help)\n",
                     qPrintable(parser.positionalArguments().at(1)));
        return 2;
    }

    ps::ui::MainWindow window;
    const bool tour = parser.isSet(screenshots);
    if (!tour) {
        QSettings settings;
        window.restoreGeometry(settings.value("window/geometry").toByteArray());
        window.restoreState(settings.value("window/state").toByteArray());
    }
    window.show();

    QString folder = parser.positionalArguments().value(0);
    if (parser.isSet(demo)) {
        if (folder.isEmpty()) folder = ps::ui::default_demo_folder();
        QString error;
        if (!QFileInfo::exists(folder + "/network.onnx") && !ps::ui::write_demo_project(folder, &error)) {
            std::fprintf(stderr, "proofscope: %s\n", qPrintable(error));
            return 1;
        }
    }
    ps::ui::ProjectPaths project;
    if (!folder.isEmpty()) {
        project = ps::ui::project_for_folder(folder);
        if (parser.isSet(input)) project.input_json = QFileInfo(parser.value(input)).absoluteFilePath();
    }

    if (tour) {
        if (project.folder.isEmpty()) {
            std::fprintf(stderr, "proofscope: --screenshots needs a folder or --demo\n");
            return 2;
        }
        auto* t = new ps::ui::ScreenshotTour(window, parser.value(screenshots), project, parser.isSet(run_missing),
                                             parser.value(sample));
        QObject::connect(t, &ps::ui::ScreenshotTour::done, &app, [](int code) { QApplication::exit(code); });
        t->start();
    } else if (!project.folder.isEmpty()) {
        if (parser.isSet(run_missing))
            QObject::connect(&window, &ps::ui::MainWindow::project_loaded, &window,
                             &ps::ui::MainWindow::run_missing_steps, Qt::SingleShotConnection);
        window.open_project(project);
    }
    return app.exec();
}
