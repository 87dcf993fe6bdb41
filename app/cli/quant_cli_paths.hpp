#pragma once
// Paths and run_args options shared by gen-settings, calibrate-settings, compile-circuit,
// table and gen-witness. A folder given where a file is expected means the file of
// EZKL's default name inside it (the project's table in core/pipeline/project.hpp).
#include "core/artifacts/settings.hpp"
#include "core/pipeline/project.hpp"
#include "core/util/error.hpp"
#include <QCommandLineParser>
#include <filesystem>
#include <string>

namespace ps::cli {

inline std::filesystem::path resolve_path(const QCommandLineParser& parser, const QString& option,
                                          pipeline::Artifact artifact) {
    return pipeline::resolve_path(parser.isSet(option) ? std::filesystem::path(parser.value(option).toStdString())
                                                       : std::filesystem::path(),
                                  artifact);
}

// --input-scale, --param-scale, --scale-rebase-multiplier, --lookup-range, --logrows,
// --num-inner-cols, --input/output/param-visibility, --check-mode: EZKL's flag names.
inline void add_run_args_options(QCommandLineParser& parser) {
    parser.addOption({"input-scale", "Fixed-point scale of the inputs: x ↦ round(x·2^N) (default 7).", "N"});
    parser.addOption({"param-scale", "Fixed-point scale of the parameters (default 7).", "N"});
    parser.addOption({"scale-rebase-multiplier", "Rebase products once their scale exceeds input-scale × M (default 1).", "M"});
    parser.addOption({"lookup-range", "Input range of lookup tables, as lo,hi (default -32768,32768).", "lo,hi"});
    parser.addOption({"logrows", "log2 of the circuit's rows (default: the smallest that fits).", "N"});
    parser.addOption({"num-inner-cols", "Advice columns per op (default 2).", "N"});
    parser.addOption({"input-visibility", "private | public | fixed | hashed (default private).", "V"});
    parser.addOption({"output-visibility", "private | public | fixed | hashed (default public).", "V"});
    parser.addOption({"param-visibility", "private | public | fixed | hashed (default fixed).", "V"});
    parser.addOption({"check-mode", "SAFE (saturation is an error) | UNSAFE (default SAFE).", "MODE"});
    parser.addOption({"decomp-base", "Base of the range-check decomposition: limbs are looked up in a table of this many rows (default 16384).", "B"});
    parser.addOption({"decomp-legs", "Limbs per range check: values within ±B^legs/2 (default 2).", "L"});
}

inline int to_int(const QCommandLineParser& parser, const QString& option) {
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok) throw Error("--" + option.toStdString(), "expected an integer, found \"" + parser.value(option).toStdString() + "\"");
    return v;
}

// run_args from the options over EZKL's defaults; `logrows_given` tells whether --logrows was set.
inline RunArgs run_args_from_options(const QCommandLineParser& parser, bool& logrows_given) {
    RunArgs a;
    if (parser.isSet("input-scale")) a.input_scale = to_int(parser, "input-scale");
    if (parser.isSet("param-scale")) a.param_scale = to_int(parser, "param-scale");
    if (parser.isSet("scale-rebase-multiplier")) a.scale_rebase_multiplier = uint32_t(std::max(1, to_int(parser, "scale-rebase-multiplier")));
    if (parser.isSet("num-inner-cols")) a.num_inner_cols = uint32_t(std::max(1, to_int(parser, "num-inner-cols")));
    if (parser.isSet("lookup-range")) {
        const QStringList parts = parser.value("lookup-range").split(',');
        bool ok1 = false, ok2 = false;
        if (parts.size() == 2) {
            a.lookup_range_lo = parts[0].trimmed().toLongLong(&ok1);
            a.lookup_range_hi = parts[1].trimmed().toLongLong(&ok2);
        }
        if (!ok1 || !ok2 || a.lookup_range_lo > a.lookup_range_hi)
            throw Error("--lookup-range", "expected lo,hi with lo <= hi, found \"" + parser.value("lookup-range").toStdString() + "\"");
    }
    logrows_given = parser.isSet("logrows");
    if (logrows_given) a.logrows = uint32_t(to_int(parser, "logrows"));
    if (parser.isSet("input-visibility")) a.input_visibility = parse_visibility(parser.value("input-visibility").toStdString(), "--input-visibility");
    if (parser.isSet("output-visibility")) a.output_visibility = parse_visibility(parser.value("output-visibility").toStdString(), "--output-visibility");
    if (parser.isSet("param-visibility")) a.param_visibility = parse_visibility(parser.value("param-visibility").toStdString(), "--param-visibility");
    if (parser.isSet("decomp-base")) a.decomp_base = uint32_t(std::max(2, to_int(parser, "decomp-base")));
    if (parser.isSet("decomp-legs")) a.decomp_legs = uint32_t(std::max(1, to_int(parser, "decomp-legs")));
    if (parser.isSet("check-mode")) a.check_mode = parse_check_mode(parser.value("check-mode").toStdString(), "--check-mode");
    if (a.input_scale < 0 || a.input_scale > 30 || a.param_scale < 0 || a.param_scale > 30)
        throw Error("--input-scale / --param-scale", "scales must lie in 0..30");
    return a;
}

}  // namespace ps::cli
