// proofscope-cli downsize-srs --srs-path IN --logrows K --output OUT
#include "cli_support.hpp"
#include "command.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/pipeline/step_srs.hpp"
#include "core/util/error.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Keep the first 2^K powers of a kzg.srs and re-derive the Lagrange basis for the 2^K domain "
        "(an inverse NTT in G1, as halo2's ParamsKZG::downsize).");
    parser.addOption({"srs-path", "The SRS to shrink.", "IN"});
    parser.addOption({"logrows", "Target log2 size K (at most the input's k).", "K"});
    parser.addOption({"output", "Where to write the smaller SRS.", "OUT"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    if (!require_option(parser, "srs-path") || !require_option(parser, "logrows") || !require_option(parser, "output"))
        return 2;
    if (auto code = apply_threads(parser)) return *code;
    try {
        bool ok = false;
        const uint k = parser.value("logrows").toUInt(&ok);
        if (!ok || k > SRS_MAX_K)
            throw Error("--logrows", "expected an integer in 0..28, found \"" + parser.value("logrows").toStdString() + "\"");
        const std::string in = parser.value("srs-path").toStdString();
        const std::string out = parser.value("output").toStdString();
        TerminalProgress progress;
        const auto r = pipeline::downsize_srs(in, k, out, progress);
        std::printf("wrote %s: k = %u (from k = %u in %s), %zu bytes\n", out.c_str(), k, r.from_k, in.c_str(),
                    r.file_size);
        return 0;
    } catch (const std::exception& e) {
        return report_error("downsize-srs", e);
    }
}

const CommandRegistration registration{
    {"downsize-srs", "Shrink a kzg.srs to a smaller logrows", run}};

}  // namespace
}  // namespace ps::cli
