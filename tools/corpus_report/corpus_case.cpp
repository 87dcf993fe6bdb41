#include "tools/corpus_report/corpus_case.hpp"

#include "core/model/executor.hpp"
#include "core/util/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

namespace ps::corpus {
namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(path.string(), "cannot open the file", "check the corpus folder");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path.string(), std::string("invalid JSON: ") + e.what(), "fix or regenerate the file");
    }
}

void flatten_into(const nlohmann::json& j, std::vector<float>& out, const std::string& where) {
    if (j.is_array()) {
        for (const auto& v : j) flatten_into(v, out, where);
    } else if (j.is_number()) {
        out.push_back(j.get<float>());
    } else if (j.is_boolean()) {
        out.push_back(j.get<bool>() ? 1.0f : 0.0f);
    } else {
        throw Error(where, "expected numbers, found " + std::string(j.type_name()), "input_data holds one numeric array per input");
    }
}

// Without an ONNX Runtime reference, input.json's output_data (EZKL's quantised outputs)
// is a weaker check: agreement within EZKL's quantisation tolerance 0.05·max(1, |ref|).
void check_against_output_data(const CorpusCase& c, const model::Graph& graph,
                               const std::map<std::string, model::FloatTensor>& values, FloatCheck& r) {
    const nlohmann::json j = read_json(c.input());
    if (!j.contains("output_data")) return;
    std::vector<float> expected, ours;
    flatten_into(j["output_data"], expected, c.input().string());
    for (const auto& o : graph.outputs) {
        const auto& v = values.at(o.name).data;
        ours.insert(ours.end(), v.begin(), v.end());
    }
    if (expected.size() != ours.size()) return;
    double worst = 0, scale = 1;
    for (size_t k = 0; k < expected.size(); ++k) {
        worst = std::max(worst, std::fabs(static_cast<double>(ours[k]) - expected[k]));
        scale = std::max(scale, std::fabs(static_cast<double>(expected[k])));
    }
    r.note = std::string("no ONNX Runtime reference; input.json output_data ") + (worst <= 0.05 * scale ? "agrees" : "disagrees") +
             " (max-abs " + std::to_string(worst) + ")";
}

}  // namespace

std::vector<CorpusCase> list_corpus(const std::filesystem::path& corpus_dir) {
    std::vector<CorpusCase> cases;
    if (!std::filesystem::is_directory(corpus_dir)) return cases;
    for (const auto& entry : std::filesystem::directory_iterator(corpus_dir))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "network.onnx"))
            cases.push_back({entry.path().filename().string(), entry.path()});
    std::sort(cases.begin(), cases.end(), [](const CorpusCase& a, const CorpusCase& b) { return a.name < b.name; });
    return cases;
}

std::vector<std::vector<float>> read_input_data(const std::filesystem::path& path) {
    const nlohmann::json j = read_json(path);
    if (!j.contains("input_data") || !j["input_data"].is_array())
        throw Error(path.string() + ": input_data", "missing or not an array", "write {\"input_data\": [[...], ...]}");
    std::vector<std::vector<float>> inputs;
    size_t i = 0;
    for (const auto& arr : j["input_data"]) {
        inputs.emplace_back();
        flatten_into(arr, inputs.back(), path.string() + ": input_data[" + std::to_string(i++) + "]");
    }
    return inputs;
}

std::vector<ReferenceOutput> read_reference(const std::filesystem::path& path) {
    const nlohmann::json j = read_json(path);
    std::vector<ReferenceOutput> outs;
    for (const auto& o : j.at("outputs")) {
        ReferenceOutput r;
        r.name = o.value("name", "");
        r.type = o.value("type", "float32");
        r.dims = o.at("dims").get<model::Shape>();
        std::vector<float> flat;
        flatten_into(o.at("data"), flat, path.string());
        r.data.assign(flat.begin(), flat.end());
        outs.push_back(std::move(r));
    }
    return outs;
}

std::vector<std::string> ops_in_file(const std::filesystem::path& onnx) {
    model::LoadOptions options;
    options.reject_unsupported = false;
    options.fold_constants = false;
    const model::Graph g = model::load_onnx(onnx, options);
    std::set<std::string> ops;
    for (const auto& n : g.nodes) ops.insert(n.op);
    return {ops.begin(), ops.end()};
}

FloatCheck check_float(const CorpusCase& c) {
    FloatCheck r;
    const auto start = std::chrono::steady_clock::now();
    try {
        r.ops = ops_in_file(c.model());
        model::LoadOptions options;
        options.reject_unsupported = false;
        const model::Graph graph = model::load_onnx(c.model(), options);
        r.unsupported = model::unsupported_nodes(graph);
        r.loaded = true;
        if (!r.unsupported.empty()) {
            r.error = "unsupported: " + r.unsupported.front();
            return r;
        }
        std::vector<std::vector<float>> data = read_input_data(c.input());
        while (data.size() > graph.inputs.size() && data.back().empty()) data.pop_back();  // "[[]]" for input-less models
        if (data.size() > graph.inputs.size()) {
            // PyTorch prunes unused inputs from the graph but the exporter's input.json keeps
            // them; ONNX Runtime was fed the first ones, in order.
            r.note = "input.json has " + std::to_string(data.size()) + " arrays for " + std::to_string(graph.inputs.size()) +
                     " model inputs: the first " + std::to_string(graph.inputs.size()) + " are used";
            data.resize(graph.inputs.size());
        }
        std::vector<model::FloatTensor> inputs;
        for (auto& d : data) inputs.push_back(model::FloatTensor({static_cast<int64_t>(d.size())}, std::move(d)));
        const auto values = model::run_float(graph, inputs);
        r.ran = true;
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!std::filesystem::exists(c.reference())) {
            r.error = "no reference_output.json";
            check_against_output_data(c, graph, values, r);
            return r;
        }
        r.has_reference = true;
        const auto refs = read_reference(c.reference());
        bool ok = refs.size() == graph.outputs.size();
        if (!ok) r.error = "model has " + std::to_string(graph.outputs.size()) + " outputs, reference " + std::to_string(refs.size());
        for (size_t i = 0; i < refs.size() && i < graph.outputs.size(); ++i) {
            const auto& ours = values.at(graph.outputs[i].name);
            const auto& ref = refs[i];
            if (ours.data.size() != ref.data.size()) {
                ok = false;
                r.error = "output " + std::to_string(i) + ": " + std::to_string(ours.data.size()) + " values, reference " + std::to_string(ref.data.size());
                continue;
            }
            for (size_t k = 0; k < ref.data.size(); ++k) {
                const double diff = std::fabs(static_cast<double>(ours.data[k]) - ref.data[k]);
                const double mag = std::fabs(ref.data[k]);
                r.max_abs_reference = std::max(r.max_abs_reference, mag);
                if (std::isnan(diff) && !(std::isnan(ours.data[k]) && std::isnan(ref.data[k]))) ok = false;
                if (std::isnan(diff)) continue;
                r.max_abs_error = std::max(r.max_abs_error, diff);
                if (mag > 0) r.max_rel_error = std::max(r.max_rel_error, diff / mag);
                if (diff > kRelTol * mag + kAbsTol) {
                    if (ok) r.error = "output " + std::to_string(i) + "[" + std::to_string(k) + "] = " + std::to_string(ours.data[k]) + ", reference " + std::to_string(ref.data[k]);
                    ok = false;
                }
            }
        }
        r.exact = ok;
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    if (r.seconds == 0) r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

}  // namespace ps::corpus
