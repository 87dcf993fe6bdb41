#pragma once
// Shared pieces for subcommands: a terminal progress bar over core's ProgressSink,
// the --threads option, and printing errors the way the CLI prints them.
#include "core/util/progress.hpp"
#include <QCommandLineParser>
#include <QString>
#include <chrono>
#include <optional>
#include <string>

namespace ps::cli {

// Progress on stderr: redraws a bar for long stages, stays silent for quick ones.
class TerminalProgress final : public ps::ProgressSink {
public:
    void begin_stage(std::string_view name, uint64_t total) override;
    void advance(uint64_t done) override;
    void end_stage() override;
    bool cancelled() const override { return false; }

private:
    std::string stage_;
    uint64_t total_ = 0;
    std::chrono::steady_clock::time_point start_{};
    std::chrono::steady_clock::time_point last_draw_{};
    bool drawn_ = false;
};

// Adds --threads N to a parser; apply_threads() sets the TBB limit for the command, or
// returns exit code 2 (reported on stderr) when N is not a positive integer.
void add_threads_option(QCommandLineParser& parser);
std::optional<int> apply_threads(const QCommandLineParser& parser);

// Parses args (adding -h/--help; args[0] is "proofscope-cli <command>"). Returns an exit
// code when the command must stop now: help printed, 0; an unknown option, a missing value
// or any positional argument reported on stderr, 2. Nothing when the command may run.
std::optional<int> parse_args(QCommandLineParser& parser, const QStringList& args);

// Fails with a message naming the missing option when a required value is absent.
bool require_option(const QCommandLineParser& parser, const QString& name);

int report_error(const std::string& command, const std::exception& e);

}  // namespace ps::cli
