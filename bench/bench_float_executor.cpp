// Float reference executor: load_onnx (parse + shape inference + constant folding) and
// run_float on the corpus's largest models, with their own input.json.
// Usage: bench_float_executor [corpus dir]   (default ../shared/corpus)
#include "bench_common.hpp"

#include "core/model/executor.hpp"
#include "core/model/graph.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace {

void flatten(const nlohmann::json& j, std::vector<float>& out) {
    if (j.is_array()) for (const auto& v : j) flatten(v, out);
    else out.push_back(j.is_boolean() ? (j.get<bool>() ? 1.0f : 0.0f) : j.get<float>());
}

std::vector<ps::model::FloatTensor> read_inputs(const std::filesystem::path& file, size_t count) {
    std::ifstream in(file);
    const nlohmann::json j = nlohmann::json::parse(in);
    std::vector<ps::model::FloatTensor> inputs;
    for (const auto& arr : j.at("input_data")) {
        if (inputs.size() == count) break;
        std::vector<float> v;
        flatten(arr, v);
        inputs.push_back(ps::model::FloatTensor({static_cast<int64_t>(v.size())}, v));
    }
    return inputs;
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path corpus = argc > 1 ? argv[1] : "../shared/corpus";
    ps::bench::print_header("float executor: load_onnx and run_float (median of 9 runs)");
    std::printf("%-22s %10s %8s %12s %12s\n", "model", "onnx KiB", "nodes", "load ms", "run ms");
    for (const char* name : {"mnist_gan", "multihead_attention", "large_mlp", "lenet_5", "lstm"}) {
        const auto dir = corpus / name;
        if (!std::filesystem::exists(dir / "network.onnx")) {
            std::printf("%-22s (missing)\n", name);
            continue;
        }
        ps::model::Graph graph;
        const double load = ps::bench::median_ns(9, [&] { graph = ps::model::load_onnx(dir / "network.onnx"); });
        const auto inputs = read_inputs(dir / "input.json", graph.inputs.size());
        size_t values = 0;
        const double run = ps::bench::median_ns(9, [&] { values = ps::model::run_float(graph, inputs).size(); });
        std::printf("%-22s %10.0f %8zu %12.3f %12.3f\n", name, std::filesystem::file_size(dir / "network.onnx") / 1024.0,
                    graph.nodes.size(), load / 1e6, run / 1e6);
        (void)values;
    }
    std::printf("# peak RSS %.1f MiB\n", ps::bench::peak_rss_mib());
    return 0;
}
