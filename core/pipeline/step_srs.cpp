#include "core/pipeline/step_srs.hpp"

#include "core/artifacts/settings.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/util/error.hpp"

namespace ps::pipeline {

const std::string_view development_srs_warning =
    "WARNING: DEVELOPMENT-ONLY SRS. This SRS comes from a single secret tau generated on this machine. "
    "Anyone who knows tau can forge proofs. Never use it for proofs that must convince anyone else: use the SRS "
    "of a public ceremony (e.g. the files EZKL distributes) instead.";

GenSrsResult gen_srs(const std::filesystem::path& srs_path, const GenSrsOptions& options, ProgressSink& progress) {
    if (options.logrows > SRS_MAX_K)
        throw Error("--logrows", "expected an integer in 0..28, found \"" + std::to_string(options.logrows) + "\"");
    StepRecorder rec("gen-srs", progress);
    SystemRandom system;
    std::optional<SeededRandom> seeded;
    if (options.seed) seeded.emplace(*options.seed);
    RandomSource& tau_source = seeded ? static_cast<RandomSource&>(*seeded) : system;
    const Srs srs = generate_srs(options.logrows, tau_source, rec);
    throw_if_cancelled(rec);
    run_stage(rec, write_stage_name(srs_path), [&] { write_srs(srs, srs_path); });
    GenSrsResult result;
    result.written.push_back(srs_path);
    result.k = srs.k;
    result.powers = srs.g.size();
    result.lagrange_points = srs.g_lagrange.size();
    result.file_size = srs_file_size(srs.k);
    result.seeded = seeded.has_value();
    rec.finish(result);
    return result;
}

GenSrsResult gen_srs(const Project& project, GenSrsOptions options, ProgressSink& progress) {
    if (options.logrows == 0) {
        const auto settings_path = project.path(Artifact::Settings);
        if (!project.exists(Artifact::Settings))
            throw Error(settings_path.string(), "is missing, so the SRS size (logrows) is unknown",
                        "run gen-settings first, or give gen-srs --logrows");
        options.logrows = read_settings(settings_path).run_args.logrows;
    }
    return gen_srs(project.path(Artifact::Srs), options, progress);
}

SrsInfoResult srs_info(const std::filesystem::path& srs_path, ProgressSink& progress) {
    StepRecorder rec("srs-info", progress);
    const Srs srs = run_stage(rec, "read " + srs_path.filename().string(), [&] { return read_srs(srs_path); });
    SystemRandom challenges;
    SrsInfoResult result;
    result.k = srs.k;
    result.powers = srs.g.size();
    result.lagrange_points = srs.g_lagrange.size();
    result.verdict = check_srs(srs, challenges, rec);
    rec.finish(result);
    return result;
}

DownsizeSrsResult downsize_srs(const std::filesystem::path& in, unsigned k, const std::filesystem::path& out,
                               ProgressSink& progress) {
    if (k > SRS_MAX_K)
        throw Error("--logrows", "expected an integer in 0..28, found \"" + std::to_string(k) + "\"");
    StepRecorder rec("downsize-srs", progress);
    const Srs srs = run_stage(rec, "read " + in.filename().string(), [&] { return read_srs(in); });
    const Srs small = ps::downsize_srs(srs, k, rec);
    throw_if_cancelled(rec);
    run_stage(rec, write_stage_name(out), [&] { write_srs(small, out); });
    DownsizeSrsResult result;
    result.written.push_back(out);
    result.from_k = srs.k;
    result.k = k;
    result.file_size = srs_file_size(k);
    rec.finish(result);
    return result;
}

}  // namespace ps::pipeline
