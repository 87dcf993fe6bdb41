// proofscope-cli srs-info --srs-path FILE: k, sizes and the consistency verdict.
#include "cli_support.hpp"
#include "command.hpp"
#include "core/pipeline/step_srs.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Read a kzg.srs (halo2/EZKL layout), check every point and the pairing consistency of the powers "
        "and the Lagrange basis. Exit code 0 when the SRS is valid, 1 with the reason otherwise.");
    parser.addOption({"srs-path", "The SRS file (default kzg.srs).", "FILE"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    if (auto code = apply_threads(parser)) return *code;
    const std::string path = parser.isSet("srs-path") ? parser.value("srs-path").toStdString() : "kzg.srs";
    try {
        TerminalProgress progress;
        const auto info = pipeline::srs_info(path, progress);
        std::printf("file:            %s\n", path.c_str());
        std::printf("k (logrows):     %u\n", info.k);
        std::printf("G1 powers:       %zu\n", info.powers);
        std::printf("Lagrange points: %zu\n", info.lagrange_points);
        std::printf("G2 points:       2 (generator, [tau]G2)\n");
        std::printf("structure:       every coordinate < p, every point on its curve, G2 in the r-subgroup\n");
        const SrsVerdict& verdict = info.verdict;
        const double secs = info.total_milliseconds / 1000.0;
        std::printf("consistency:     %s\n", verdict.ok ? "OK" : "FAILED");
        std::printf("                 %s\n", verdict.reason.c_str());
        std::printf("checked in %.2f s\n", secs);
        if (!verdict.ok) {
            std::fprintf(stderr, "proofscope-cli srs-info: %s: %s\n", path.c_str(), verdict.reason.c_str());
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        return report_error("srs-info", e);
    }
}

const CommandRegistration registration{
    {"srs-info", "Show a kzg.srs's size and check its consistency", run}};

}  // namespace
}  // namespace ps::cli
