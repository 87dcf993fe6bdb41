#include "cli_support.hpp"
#include "app/help_text.hpp"
#include <tbb/global_control.h>
#include <cstdio>
#include <memory>

namespace ps::cli {

using Clock = std::chrono::steady_clock;

void TerminalProgress::begin_stage(std::string_view name, uint64_t total) {
    stage_ = std::string(name);
    total_ = total;
    start_ = Clock::now();
    last_draw_ = start_;
    drawn_ = false;
}

void TerminalProgress::advance(uint64_t done) {
    const auto now = Clock::now();
    // Only long stages get a bar: nothing is drawn in the first second.
    if (now - start_ < std::chrono::seconds(1) || now - last_draw_ < std::chrono::milliseconds(200))
        return;
    last_draw_ = now;
    drawn_ = true;
    const double frac = total_ ? double(done) / double(total_) : 0.0;
    const int width = 30;
    const int filled = int(frac * width);
    std::fprintf(stderr, "\r%-24s [%.*s%*s] %5.1f%%", stage_.c_str(), filled,
                 "##############################", width - filled, "", frac * 100.0);
    std::fflush(stderr);
}

void TerminalProgress::end_stage() {
    const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
    if (drawn_ || secs >= 1.0)
        std::fprintf(stderr, "\r%-24s done in %.2f s%*s\n", stage_.c_str(), secs, 30, "");
}

void add_threads_option(QCommandLineParser& parser) {
    parser.addOption({"threads", "Worker threads (default: all cores).", "N"});
}

std::optional<int> apply_threads(const QCommandLineParser& parser) {
    static std::unique_ptr<tbb::global_control> limit;
    if (!parser.isSet("threads")) return std::nullopt;
    bool ok = false;
    const int n = parser.value("threads").toInt(&ok);
    if (!ok || n <= 0) {
        std::fprintf(stderr, "--threads: expected a positive integer, found \"%s\"\n", qPrintable(parser.value("threads")));
        return 2;
    }
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, size_t(n));
    return std::nullopt;
}

std::optional<int> parse_args(QCommandLineParser& parser, const QStringList& args) {
    // Not addHelpOption(): it also adds Qt's --help-all, which only QCommandLineParser::process()
    // acts on. Under parse() that flag was accepted and ignored, so `cmd --help-all` ran the
    // command. --help-all stays accepted (hidden) as a plain synonym of --help.
    const QCommandLineOption help({"h", "help"}, "Show this help and exit.");
    QCommandLineOption help_all("help-all", "Same as --help.");
    help_all.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(help);
    parser.addOption(help_all);
    const QString program = args.value(0);
    if (!parser.parse(args)) {
        std::fprintf(stderr, "%s: %s (see %s --help)\n", qPrintable(program), qPrintable(parser.errorText()),
                     qPrintable(program));
        return 2;
    }
    if (parser.isSet(help) || parser.isSet(help_all)) {
        std::printf("%s", qPrintable(ps::app::help_text(parser, program)));
        return 0;
    }
    // No command takes positional arguments (nor does EZKL's): a stray word is most likely a
    // file meant for an option, and running on the defaults instead would read or overwrite
    // the wrong files.
    if (const QStringList extra = parser.positionalArguments(); !extra.isEmpty()) {
        std::fprintf(stderr, "%s: unexpected argument '%s': files are given with options such as -M FILE (see %s --help)\n",
                     qPrintable(program), qPrintable(extra.first()), qPrintable(program));
        return 2;
    }
    return std::nullopt;
}

bool require_option(const QCommandLineParser& parser, const QString& name) {
    if (parser.isSet(name) && !parser.value(name).isEmpty()) return true;
    std::fprintf(stderr, "missing required option --%s (see --help)\n", qPrintable(name));
    return false;
}

int report_error(const std::string& command, const std::exception& e) {
    std::fprintf(stderr, "proofscope-cli %s: %s\n", command.c_str(), e.what());
    return 1;
}

}  // namespace ps::cli
