#include "ui/models/witness_trace.hpp"

#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"

#include <nlohmann/json.hpp>

namespace ps::ui {

namespace {

using nlohmann::json;

const json& require(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end())
        throw Error(where, std::string("field \"") + key + "\" is missing",
                    "regenerate the witness with gen-witness");
    return *it;
}

template <class T>
std::vector<T> number_array(const json& value, const std::string& where) {
    if (!value.is_array())
        throw Error(where, "expected an array of numbers, found " + std::string(value.type_name()),
                    "regenerate the witness with gen-witness");
    std::vector<T> out;
    out.reserve(value.size());
    for (const json& v : value) {
        if (!v.is_number())
            throw Error(where, "expected a number, found " + std::string(v.type_name()),
                        "regenerate the witness with gen-witness");
        out.push_back(v.get<T>());
    }
    return out;
}

std::optional<IntRange> optional_range(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    auto pair = number_array<int64_t>(*it, where + "." + key);
    if (pair.size() != 2)
        throw Error(where + "." + key, "expected [lo, hi], found " + std::to_string(pair.size()) +
                                           " numbers");
    return IntRange{pair[0], pair[1]};
}

size_t element_count(const json& doc, const char* key) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_array()) return 0;
    size_t n = 0;
    for (const json& per_input : *it) n += per_input.is_array() ? per_input.size() : 1;
    return n;
}

LayerTrace parse_layer(const json& l, const std::string& where) {
    if (!l.is_object()) throw Error(where, "expected an object");
    LayerTrace t;
    t.index = require(l, "index", where).get<int>();
    t.name = require(l, "name", where).get<std::string>();
    t.op = require(l, "op", where).get<std::string>();
    if (auto it = l.find("inputs"); it != l.end() && it->is_array())
        for (const json& s : *it) t.inputs.push_back(s.get<std::string>());
    if (auto it = l.find("output"); it != l.end() && it->is_string()) t.output = it->get<std::string>();
    t.shape = number_array<int64_t>(require(l, "shape", where), where + ".shape");
    t.scale = require(l, "scale", where).get<int>();
    t.quantised = number_array<int64_t>(require(l, "quantised", where), where + ".quantised");
    t.dequantised = number_array<double>(require(l, "dequantised", where), where + ".dequantised");
    if (auto it = l.find("float_reference"); it != l.end() && !it->is_null())
        t.float_reference = number_array<double>(*it, where + ".float_reference");

    size_t expected = 1;
    for (int64_t d : t.shape) expected *= size_t(std::max<int64_t>(d, 0));
    auto check_len = [&](size_t n, const char* field) {
        if (n != expected)
            throw Error(where + "." + field,
                        std::to_string(n) + " values but shape " + t.shape_text() + " holds " +
                            std::to_string(expected),
                        "the file is corrupted or was cut short: regenerate the witness");
    };
    check_len(t.quantised.size(), "quantised");
    check_len(t.dequantised.size(), "dequantised");
    if (t.has_float_reference()) check_len(t.float_reference.size(), "float_reference");

    t.min = l.value("min", int64_t(0));
    t.max = l.value("max", int64_t(0));
    t.bounds = optional_range(l, "bounds", where);
    t.saturated = l.value("saturated", int64_t(0));
    t.max_abs_error = l.value("max_abs_error", 0.0);
    t.mean_abs_error = l.value("mean_abs_error", 0.0);
    if (auto it = l.find("kind"); it != l.end() && it->is_string()) t.kind = it->get<std::string>();
    return t;
}

}  // namespace

std::string LayerTrace::shape_text() const {
    std::string s;
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? "×" : "") + std::to_string(shape[i]);
    return s.empty() ? "scalar" : s;
}

std::string multi_index_text(const std::vector<int64_t>& shape, size_t flat) {
    std::vector<int64_t> idx(shape.size(), 0);
    for (size_t i = shape.size(); i-- > 0;) {
        const int64_t d = std::max<int64_t>(shape[i], 1);
        idx[i] = int64_t(flat % size_t(d));
        flat /= size_t(d);
    }
    std::string s = "[";
    for (size_t i = 0; i < idx.size(); ++i) s += (i ? ", " : "") + std::to_string(idx[i]);
    return s + "]";
}

WitnessTrace parse_witness_trace(const json& doc, const std::string& file_label) {
    if (!doc.is_object()) throw Error(file_label, "expected a JSON object at the top level");
    WitnessTrace w;
    w.lookup_range = optional_range(doc, "lookup_range", file_label);
    w.min_lookup_inputs = doc.value("min_lookup_inputs", int64_t(0));
    w.max_lookup_inputs = doc.value("max_lookup_inputs", int64_t(0));
    w.max_range_size = doc.value("max_range_size", int64_t(0));
    if (auto it = doc.find("version"); it != doc.end() && it->is_string()) w.version = *it;
    w.input_count = element_count(doc, "inputs");
    w.output_count = element_count(doc, "outputs");
    const json& layers = require(doc, "layers", file_label);
    if (!layers.is_array()) throw Error(file_label + ": layers", "expected an array");
    w.layers.reserve(layers.size());
    for (size_t i = 0; i < layers.size(); ++i)
        w.layers.push_back(parse_layer(layers[i], file_label + ": layers[" + std::to_string(i) + "]"));
    return w;
}

WitnessTrace load_witness_trace(const std::filesystem::path& path) {
    const std::string label = path.filename().string();
    const std::string text = read_file_text(path);
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(path.string(), std::string("not valid JSON (") + e.what() + ")",
                    "the file is corrupted or was cut short: regenerate the witness");
    } catch (const json::exception& e) {
        throw Error(path.string(), std::string("unreadable JSON (") + e.what() + ")");
    }
    try {
        return parse_witness_trace(doc, label);
    } catch (const json::exception& e) {
        throw Error(path.string(), std::string("a field has the wrong type (") + e.what() + ")",
                    "regenerate the witness with gen-witness");
    }
}

}  // namespace ps::ui
