#pragma once
// One corpus model folder (network.onnx, input.json, reference_output.json) and the
// float-executor check against ONNX Runtime's reference outputs. Shared by the
// proofscope-corpus-report tool and the opt-in corpus test.
#include "core/model/graph.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ps::corpus {

struct ReferenceOutput {
    std::string name, type;
    model::Shape dims;
    std::vector<double> data;
};

struct CorpusCase {
    std::string name;
    std::filesystem::path dir;
    std::filesystem::path model() const { return dir / "network.onnx"; }
    std::filesystem::path input() const { return dir / "input.json"; }
    std::filesystem::path reference() const { return dir / "reference_output.json"; }
};

std::vector<CorpusCase> list_corpus(const std::filesystem::path& corpus_dir);  // sorted by name

// EZKL input.json: input_data, one (flat or nested) array per input; nested arrays are
// flattened row-major. Throws ps::Error naming the file.
std::vector<std::vector<float>> read_input_data(const std::filesystem::path& path);
std::vector<ReferenceOutput> read_reference(const std::filesystem::path& path);

// Agreement criterion for "float-exact": |ours − ref| ≤ rtol·|ref| + atol for every
// element of every output (numpy.allclose with rtol 1e-4, atol 1e-5).
constexpr double kRelTol = 1e-4, kAbsTol = 1e-5;

struct FloatCheck {
    bool loaded = false, ran = false, exact = false, has_reference = false;
    std::string error;                 // load/run error or mismatch description
    std::string note;                  // how the case was interpreted (extra input arrays, fallback reference)
    std::vector<std::string> ops;      // distinct ops of the ONNX file (before folding)
    std::vector<std::string> unsupported;
    double max_abs_error = 0, max_rel_error = 0, max_abs_reference = 0;
    double seconds = 0;                // load + run wall time
};

FloatCheck check_float(const CorpusCase& c);

// Distinct op types in the ONNX file, before constant folding.
std::vector<std::string> ops_in_file(const std::filesystem::path& onnx);

}  // namespace ps::corpus
