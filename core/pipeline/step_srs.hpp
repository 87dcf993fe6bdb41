#pragma once
// The SRS steps: gen-srs (a development kzg.srs), srs-info (read and check one) and
// downsize-srs (keep the first 2^k powers). kzg.srs is halo2's ParamsKZG layout
// (core/kzg/srs_io.hpp), so ceremony files EZKL users hold work unchanged.
#include "core/kzg/srs_check.hpp"
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"
#include "core/util/random.hpp"

#include <optional>

namespace ps::pipeline {

// Whoever knows τ can forge proofs: every front end shows this when gen-srs runs.
extern const std::string_view development_srs_warning;

struct GenSrsOptions {
    unsigned logrows = 0;                // 0..SRS_MAX_K; the Project overload reads 0 as settings.json's logrows
    std::optional<uint64_t> seed;        // derive τ from a seed (reproducible, NOT secret)
};

struct GenSrsResult : StepResult {
    unsigned k = 0;
    size_t powers = 0, lagrange_points = 0, file_size = 0;
    bool seeded = false;
};

// τ comes from OpenSSL's CSPRNG unless options.seed is set.
GenSrsResult gen_srs(const std::filesystem::path& srs_path, const GenSrsOptions& options, ProgressSink& progress);
GenSrsResult gen_srs(const Project& project, GenSrsOptions options, ProgressSink& progress);

struct SrsInfoResult : StepResult {
    unsigned k = 0;
    size_t powers = 0, lagrange_points = 0;
    SrsVerdict verdict;  // the pairing checks of powers and Lagrange basis
};

// Reads (structure: lengths, coordinates, curves, subgroup) and checks (pairings) the file.
// Throws ps::Error for a structurally broken file; a failed pairing check is a verdict.
SrsInfoResult srs_info(const std::filesystem::path& srs_path, ProgressSink& progress);

struct DownsizeSrsResult : StepResult {
    unsigned from_k = 0, k = 0;
    size_t file_size = 0;
};

DownsizeSrsResult downsize_srs(const std::filesystem::path& in, unsigned k, const std::filesystem::path& out,
                               ProgressSink& progress);

}  // namespace ps::pipeline
