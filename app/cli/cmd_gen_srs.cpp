// proofscope-cli gen-srs --logrows K --srs-path FILE [--seed N]: a development SRS.
#include "cli_support.hpp"
#include "command.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/pipeline/step_srs.hpp"
#include "core/util/error.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

// Whoever knows τ can forge proofs: say so every time, on stderr, whatever else is printed.
void print_development_warning() {
    std::fprintf(stderr,
                 "\n"
                 "  ****************************************************************\n"
                 "  *  WARNING: DEVELOPMENT-ONLY SRS.                               *\n"
                 "  *  This SRS comes from a single secret tau generated on this    *\n"
                 "  *  machine. Anyone who knows tau can forge proofs. Never use it *\n"
                 "  *  for proofs that must convince anyone else: use the SRS of a  *\n"
                 "  *  public ceremony (e.g. the files EZKL distributes) instead.   *\n"
                 "  ****************************************************************\n\n");
}

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Generate a development KZG SRS (halo2/EZKL kzg.srs layout). "
                                     "For development only: whoever knows tau can forge proofs.");
    parser.addOption({"logrows", "log2 of the number of powers (0..28).", "K"});
    parser.addOption({"srs-path", "Where to write the SRS (default kzg.srs).", "FILE"});
    parser.addOption({"seed", "Derive tau from this seed (reproducible tests; even less secret).", "N"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    if (!require_option(parser, "logrows")) return 2;
    if (auto code = apply_threads(parser)) return *code;
    print_development_warning();
    try {
        bool ok = false;
        const uint k = parser.value("logrows").toUInt(&ok);
        if (!ok || k > SRS_MAX_K)
            throw Error("--logrows", "expected an integer in 0..28, found \"" + parser.value("logrows").toStdString() + "\"");
        const std::string path = parser.isSet("srs-path") ? parser.value("srs-path").toStdString() : "kzg.srs";
        pipeline::GenSrsOptions options;
        options.logrows = k;
        if (parser.isSet("seed")) {
            const qulonglong seed = parser.value("seed").toULongLong(&ok);
            if (!ok) throw Error("--seed", "expected a non-negative integer, found \"" + parser.value("seed").toStdString() + "\"");
            options.seed = uint64_t(seed);
        }
        TerminalProgress progress;
        const auto r = pipeline::gen_srs(path, options, progress);
        std::printf("wrote %s: k = %u, %zu G1 powers + %zu Lagrange points, %zu bytes, %.2f s%s\n", path.c_str(), k,
                    r.powers, r.lagrange_points, r.file_size, r.total_milliseconds / 1000.0,
                    r.seeded ? " (seeded: reproducible, NOT secret)" : "");
        return 0;
    } catch (const std::exception& e) {
        return report_error("gen-srs", e);
    }
}

const CommandRegistration registration{
    {"gen-srs", "Generate a development-only KZG SRS (kzg.srs)", run}};

}  // namespace
}  // namespace ps::cli
