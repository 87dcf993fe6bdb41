#include "cli_support.hpp"
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

void apply_threads(const QCommandLineParser& parser) {
    static std::unique_ptr<tbb::global_control> limit;
    if (parser.isSet("threads")) {
        bool ok = false;
        const int n = parser.value("threads").toInt(&ok);
        if (ok && n > 0)
            limit = std::make_unique<tbb::global_control>(
                tbb::global_control::max_allowed_parallelism, size_t(n));
    }
}

std::optional<int> parse_args(QCommandLineParser& parser, const QStringList& args) {
    parser.addHelpOption();
    if (!parser.parse(args)) {
        std::fprintf(stderr, "%s: %s\n(see --help)\n", qPrintable(args.value(0)),
                     qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet("help")) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
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
