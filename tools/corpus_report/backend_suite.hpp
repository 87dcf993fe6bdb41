#pragma once
// ONNX's per-operator backend conformance tests (Debian libonnx-testdata:
// /usr/include/onnx/backend/test/data/node/<test>/{model.onnx, test_data_set_0/*.pb}),
// run through the float executor.
#include <filesystem>
#include <string>
#include <vector>

namespace ps::corpus {

inline const std::filesystem::path kBackendNodeTests = "/usr/include/onnx/backend/test/data/node";

// numpy.testing.assert_allclose defaults of ONNX's backend runner.
constexpr double kBackendRelTol = 1e-3, kBackendAbsTol = 1e-7;

struct BackendResult {
    std::string test;     // folder name, e.g. "test_conv_with_strides_padding"
    std::string op;       // the op under test (the model's single or last node)
    bool expanded = false;  // a function-body expansion test (several primitive nodes)
    bool supported = false;  // every op of the model has a float kernel
    bool passed = false;
    std::string detail;   // why it failed
};

BackendResult run_backend_test(const std::filesystem::path& test_dir);
std::vector<BackendResult> run_backend_suite(const std::filesystem::path& node_dir = kBackendNodeTests);

}  // namespace ps::corpus
