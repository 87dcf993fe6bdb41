// gen-witness on corpus models: median wall time of the CLI's path (read network.ezkl and
// input.json, fixed-point + float execution, per-layer trace, write witness.json), its
// parts, reading the witness back with nlohmann/json, and peak RSS.
// Usage: bench_witness [model ...]   (default: 1l_mlp and the largest corpus model, mnist_gan)
#include "bench_common.hpp"
#include "core/artifacts/compiled_circuit.hpp"
#include "core/model/graph.hpp"
#include "core/util/atomic_file.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/witness/generate.hpp"
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace ps;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    bench::print_header("witness generation (gen-witness)");
    // $PROOFSCOPE_SHARED_DIR, else ../shared beside the checkout (as the tests' default).
    const char* env = std::getenv("PROOFSCOPE_SHARED_DIR");
    const fs::path shared = env ? fs::path(env) : fs::path(__FILE__).parent_path().parent_path().parent_path() / "shared";
    const fs::path corpus = shared / "corpus";
    std::vector<std::string> models;
    for (int i = 1; i < argc; ++i) models.push_back(argv[i]);
    if (models.empty()) models = {"1l_mlp", "mnist_gan"};
    const fs::path tmp = fs::temp_directory_path() / "proofscope_bench_witness";
    fs::create_directories(tmp);
    for (const std::string& name : models) {
        const fs::path dir = corpus / name;
        if (!fs::exists(dir / "network.onnx")) {
            std::printf("%s: not found under %s, skipped\n", name.c_str(), corpus.string().c_str());
            continue;
        }
        const model::Graph graph = model::load_onnx(dir / "network.onnx");
        const CircuitPlan plan = plan_circuit(graph, RunArgs{}, false);
        const fs::path circuit_path = tmp / (name + ".ezkl"), witness_path = tmp / (name + ".witness.json");
        write_compiled_circuit(compile_circuit(graph, plan.settings, "settings.json"), circuit_path);
        NullProgress quiet;

        const double end_to_end = bench::median_ns(7, [&] {
            const CompiledCircuit c = read_compiled_circuit(circuit_path);
            const InputData in = read_input_json(dir / "input.json", input_shapes(c.graph));
            write_witness_json(generate_witness(c, in, quiet), witness_path);
        });
        const CompiledCircuit c = read_compiled_circuit(circuit_path);
        const InputData in = read_input_json(dir / "input.json", input_shapes(c.graph));
        const double generate = bench::median_ns(7, [&] { generate_witness(c, in, quiet); });
        WitnessOptions fixed_only;
        fixed_only.float_reference = false;
        const double generate_fixed = bench::median_ns(7, [&] { generate_witness(c, in, quiet, fixed_only); });
        const WitnessResult result = generate_witness(c, in, quiet);
        const double write = bench::median_ns(7, [&] { write_witness_json(result, witness_path); });
        const double read_back = bench::median_ns(5, [&] { read_witness_json(witness_path); });
        const double parse_only = bench::median_ns(5, [&] { const auto j = nlohmann::json::parse(read_file_text(witness_path)); if (j.is_null()) std::abort(); });
        size_t values = 0;
        for (const auto& l : result.layers) values += l.quantised.size();
        std::printf("%-12s %3zu nodes, %8zu traced values, witness.json %.2f MiB\n", name.c_str(), graph.nodes.size(),
                    values, double(fs::file_size(witness_path)) / 1048576.0);
        std::printf("  gen-witness end to end (read ezkl+input, run, write json): %10.3f ms\n", end_to_end / 1e6);
        std::printf("  generate_witness (fixed + float reference + trace):         %10.3f ms\n", generate / 1e6);
        std::printf("  generate_witness without float reference:                  %10.3f ms\n", generate_fixed / 1e6);
        std::printf("  write_witness_json (atomic: temp file, fsync, rename):     %10.3f ms\n", write / 1e6);
        std::printf("  read_witness_json:                                         %10.3f ms\n", read_back / 1e6);
        std::printf("  nlohmann::json::parse of witness.json:                     %10.3f ms\n", parse_only / 1e6);
    }
    std::printf("peak RSS of this process: %.1f MiB\n", bench::peak_rss_mib());
    fs::remove_all(tmp);
    return 0;
}
