#include "core/artifacts/input_data.hpp"
#include "core/artifacts/json_fields.hpp"
#include "core/util/atomic_file.hpp"
#include <cmath>
#include <nlohmann/json.hpp>

namespace ps {

std::string format_shape(const std::vector<int64_t>& shape) {
    if (shape.empty()) return "scalar";
    std::string s;
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? "×" : "") + std::to_string(shape[i]);
    return s;
}

static int64_t element_count(const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

// Flattens nested arrays row-major; `path` is e.g. "input 0" and grows with indices.
static void flatten(const nlohmann::json& v, std::vector<double>& out, const std::string& where,
                    const std::string& path) {
    if (v.is_array()) {
        for (size_t i = 0; i < v.size(); ++i) flatten(v[i], out, where, path);
        return;
    }
    if (v.is_number()) {
        const double x = v.get<double>();
        if (!std::isfinite(x))
            throw Error(where, path + ", value " + std::to_string(out.size()) + " is not finite");
        out.push_back(x);
        return;
    }
    if (v.is_boolean()) {
        out.push_back(v.get<bool>() ? 1.0 : 0.0);
        return;
    }
    throw Error(where,
                path + ", value " + std::to_string(out.size()) + ": expected a number, found " +
                    json_fields::describe(v),
                "input.json holds plain numbers (floats), one array per model input");
}

static std::vector<std::vector<double>> read_arrays(const nlohmann::json& field, const std::string& where,
                                                    const std::string& name, const char* noun) {
    if (!field.is_array())
        throw Error(where + ": " + name, "expected an array of arrays, found " + json_fields::describe(field),
                    "write {\"" + name + "\": [[x0, x1, ...]]} with one array per model " + noun);
    std::vector<std::vector<double>> out;
    // EZKL also accepts a single flat array for a single input.
    const bool single_flat = !field.empty() && !field[0].is_array();
    if (single_flat) {
        out.emplace_back();
        flatten(field, out.back(), where, std::string(noun) + " 0");
        return out;
    }
    for (size_t i = 0; i < field.size(); ++i) {
        out.emplace_back();
        flatten(field[i], out.back(), where, std::string(noun) + " " + std::to_string(i));
    }
    return out;
}

InputData parse_input_json(const std::string& text, const std::string& where,
                           const std::vector<std::vector<int64_t>>& expected_shapes) {
    nlohmann::json j = json_fields::parse_document(
        text, where, "EZKL's format is {\"input_data\": [[x0, x1, ...]]}, one array per model input");
    if (!j.is_object() || !j.contains("input_data"))
        throw Error(where, "missing field \"input_data\"",
                    "EZKL's format is {\"input_data\": [[x0, x1, ...]]}, one array per model input");
    InputData data;
    data.source = where;
    data.inputs = read_arrays(j["input_data"], where, "input_data", "input");
    if (j.contains("output_data") && !j["output_data"].is_null())
        data.outputs = read_arrays(j["output_data"], where, "output_data", "output");
    while (data.inputs.size() > expected_shapes.size() && !data.inputs.empty() && data.inputs.back().empty())
        data.inputs.pop_back();
    if (!expected_shapes.empty()) {
        check_input_shapes(data.inputs, expected_shapes, where);
    }
    return data;
}

void check_input_shapes(const std::vector<std::vector<double>>& inputs,
                        const std::vector<std::vector<int64_t>>& expected_shapes, const std::string& where) {
    if (inputs.size() != expected_shapes.size())
        throw Error(where + ": input_data",
                    "the model has " + std::to_string(expected_shapes.size()) + " input(s), found " +
                        std::to_string(inputs.size()) + " array(s)",
                    "give one array per model input, in the model's input order");
    for (size_t i = 0; i < expected_shapes.size(); ++i) {
        const int64_t want = element_count(expected_shapes[i]);
        if (int64_t(inputs[i].size()) != want)
            throw Error(where + ": input_data[" + std::to_string(i) + "]",
                        "input " + std::to_string(i) + " expects " + format_shape(expected_shapes[i]) + " = " +
                            std::to_string(want) + " values, found " + std::to_string(inputs[i].size()),
                        "one value per element of the model's input, row-major");
    }
}

InputData read_input_json(const std::filesystem::path& path,
                          const std::vector<std::vector<int64_t>>& expected_shapes) {
    return parse_input_json(read_file_text(path), path.string(), expected_shapes);
}

std::string input_json_text(const InputData& data) {
    nlohmann::ordered_json j;
    j["input_data"] = data.inputs;
    if (!data.outputs.empty()) j["output_data"] = data.outputs;
    return j.dump() + "\n";
}

void write_input_json(const InputData& data, const std::filesystem::path& path) {
    write_file_atomically(path, input_json_text(data));
}

}  // namespace ps
