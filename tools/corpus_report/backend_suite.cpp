#include "tools/corpus_report/backend_suite.hpp"

#include "core/model/executor.hpp"
#include "core/model/tensor_io.hpp"

#include <algorithm>
#include <cmath>

namespace ps::corpus {

BackendResult run_backend_test(const std::filesystem::path& dir) {
    BackendResult r;
    r.test = dir.filename().string();
    r.expanded = r.test.find("_expanded") != std::string::npos;
    try {
        model::LoadOptions options;
        options.reject_unsupported = false;
        options.fold_constants = false;
        const model::Graph raw = model::load_onnx(dir / "model.onnx", options);
        if (!raw.nodes.empty()) r.op = raw.nodes.back().op;
        const auto missing = model::unsupported_nodes(raw);
        if (!missing.empty()) {
            r.detail = "unsupported " + missing.front();
            return r;
        }
        r.supported = true;
        options.fold_constants = true;
        const model::Graph graph = model::load_onnx(dir / "model.onnx", options);
        const auto data = dir / "test_data_set_0";
        std::vector<model::FloatTensor> inputs;
        for (size_t i = 0; std::filesystem::exists(data / ("input_" + std::to_string(i) + ".pb")); ++i)
            inputs.push_back(model::read_tensor_proto_file(data / ("input_" + std::to_string(i) + ".pb")).tensor);
        // Tests may pass fewer arrays than the graph declares (trailing optional inputs).
        if (inputs.size() != graph.inputs.size()) {
            r.detail = "test gives " + std::to_string(inputs.size()) + " inputs, model declares " + std::to_string(graph.inputs.size());
            return r;
        }
        const auto values = model::run_float(graph, inputs);
        r.passed = true;
        for (size_t i = 0; i < graph.outputs.size(); ++i) {
            const auto expected = model::read_tensor_proto_file(data / ("output_" + std::to_string(i) + ".pb"));
            const auto& ours = values.at(graph.outputs[i].name);
            if (ours.shape != expected.tensor.shape) {
                r.passed = false;
                r.detail = "output " + std::to_string(i) + " shape " + model::shape_to_string(ours.shape) + ", expected " + model::shape_to_string(expected.tensor.shape);
                break;
            }
            for (size_t k = 0; k < ours.size(); ++k) {
                const double a = ours.data[k], e = expected.tensor.data[k];
                if (std::isnan(a) && std::isnan(e)) continue;
                if (std::isinf(a) && a == e) continue;
                if (!(std::fabs(a - e) <= kBackendRelTol * std::fabs(e) + kBackendAbsTol)) {
                    r.passed = false;
                    r.detail = "output " + std::to_string(i) + "[" + std::to_string(k) + "] = " + std::to_string(a) + ", expected " + std::to_string(e);
                    break;
                }
            }
            if (!r.passed) break;
        }
    } catch (const std::exception& e) {
        r.passed = false;
        r.detail = e.what();
    }
    return r;
}

std::vector<BackendResult> run_backend_suite(const std::filesystem::path& node_dir) {
    std::vector<std::filesystem::path> dirs;
    if (std::filesystem::is_directory(node_dir))
        for (const auto& e : std::filesystem::directory_iterator(node_dir))
            if (e.is_directory() && std::filesystem::exists(e.path() / "model.onnx")) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    std::vector<BackendResult> results;
    for (const auto& d : dirs) results.push_back(run_backend_test(d));
    return results;
}

}  // namespace ps::corpus
