// witness.json: EZKL's fields (src/graph/mod.rs GraphWitness: inputs/outputs as field
// elements in little-endian hex without 0x, pretty_elements with 0x big-endian hex and
// rescaled floats) plus the per-layer trace ("layers") that the GUI reads.
#include "core/artifacts/json_fields.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/sha256.hpp"
#include "core/witness/generate.hpp"
#include "core/witness/quantize.hpp"
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace ps {

using nlohmann::json;
using nlohmann::ordered_json;
namespace jf = json_fields;

double LayerTrace::dequantised(size_t i) const { return quant::dequantize(quantised[i], scale); }

std::string LayerTrace::shape_text() const { return format_shape(shape); }

double WitnessResult::output_max_abs_error() const {
    double worst = 0;
    for (size_t i : output_layers)
        if (i < layers.size()) worst = std::max(worst, layers[i].max_abs_error);
    return worst;
}

static std::string le_hex(int64_t v) { return to_hex(quant::to_field(v).to_bytes_le()); }
static std::string be_hex(int64_t v) { return "0x" + to_hex(quant::to_field(v).to_bytes_be()); }

static std::string shortest(double x) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
}

static ordered_json field_arrays(const std::vector<std::vector<int64_t>>& values, std::string (*enc)(int64_t)) {
    ordered_json out = ordered_json::array();
    for (const auto& v : values) {
        ordered_json row = ordered_json::array();
        for (int64_t x : v) row.push_back(enc(x));
        out.push_back(std::move(row));
    }
    return out;
}

static ordered_json rescaled(const std::vector<std::vector<int64_t>>& values, const std::vector<Scale>& scales) {
    ordered_json out = ordered_json::array();
    for (size_t i = 0; i < values.size(); ++i) {
        ordered_json row = ordered_json::array();
        const Scale s = i < scales.size() ? scales[i] : 0;
        for (int64_t x : values[i]) row.push_back(shortest(quant::dequantize(x, s)));
        out.push_back(std::move(row));
    }
    return out;
}

static ordered_json layer_json(const LayerTrace& l) {
    ordered_json j;
    j["index"] = l.index;
    j["name"] = l.name;
    j["op"] = l.op;
    j["kind"] = l.kind ? fixed::proof_kind_name(*l.kind) : "";
    j["inputs"] = l.inputs;
    j["output"] = l.output;
    j["shape"] = l.shape;
    j["scale"] = l.scale;
    j["quantised"] = l.quantised;
    std::vector<double> deq(l.quantised.size());
    for (size_t i = 0; i < deq.size(); ++i) deq[i] = l.dequantised(i);
    j["dequantised"] = std::move(deq);
    ordered_json ref = ordered_json::array();
    for (double x : l.float_reference) ref.push_back(std::isfinite(x) ? ordered_json(x) : ordered_json(nullptr));
    j["float_reference"] = std::move(ref);
    j["min"] = l.min;
    j["max"] = l.max;
    if (l.bounds) j["bounds"] = {l.bounds->first, l.bounds->second};
    else j["bounds"] = nullptr;
    j["saturated"] = l.saturated;
    j["max_abs_error"] = l.max_abs_error;
    j["mean_abs_error"] = l.mean_abs_error;
    return j;
}

std::string witness_json_text(const WitnessResult& w) {
    ordered_json j;
    j["inputs"] = field_arrays(w.inputs, le_hex);
    j["pretty_elements"] = {
        {"rescaled_inputs", rescaled(w.inputs, w.input_scales)},
        {"inputs", field_arrays(w.inputs, be_hex)},
        {"processed_inputs", ordered_json::array()},
        {"processed_params", ordered_json::array()},
        {"processed_outputs", ordered_json::array()},
        {"rescaled_outputs", rescaled(w.outputs, w.output_scales)},
        {"outputs", field_arrays(w.outputs, be_hex)},
    };
    j["outputs"] = field_arrays(w.outputs, le_hex);
    j["processed_inputs"] = nullptr;
    j["processed_params"] = nullptr;
    j["processed_outputs"] = nullptr;
    j["max_lookup_inputs"] = w.max_lookup_input;
    j["min_lookup_inputs"] = w.min_lookup_input;
    j["max_range_size"] = w.max_range_size;
    j["version"] = w.version;
    j["input_scales"] = w.input_scales;
    j["output_scales"] = w.output_scales;
    j["lookup_range"] = {w.lookup_range.first, w.lookup_range.second};
    j["output_layers"] = w.output_layers;
    ordered_json layers = ordered_json::array();
    for (const auto& l : w.layers) layers.push_back(layer_json(l));
    j["layers"] = std::move(layers);
    return j.dump() + "\n";
}

void write_witness_json(const WitnessResult& w, const std::filesystem::path& path) {
    write_file_atomically(path, witness_json_text(w));
}

static std::vector<std::vector<int64_t>> read_field_arrays(const json& j, const std::string& where,
                                                           const std::string& field) {
    const json& arr = jf::member(j, field, where, "");
    if (!arr.is_array()) throw Error(where + ": " + field, "expected an array of arrays, found " + jf::describe(arr));
    std::vector<std::vector<int64_t>> out;
    for (size_t i = 0; i < arr.size(); ++i) {
        out.emplace_back();
        if (!arr[i].is_array())
            throw Error(where + ": " + field + "[" + std::to_string(i) + "]", "expected an array of hex strings");
        for (size_t k = 0; k < arr[i].size(); ++k) {
            const std::string at = where + ": " + field + "[" + std::to_string(i) + "][" + std::to_string(k) + "]";
            const json& e = arr[i][k];
            if (!e.is_string() || e.get<std::string>().size() != 64)
                throw Error(at, "expected 64 hex digits (a little-endian field element), found " + jf::describe(e));
            const std::string hex = e.get<std::string>();
            std::array<uint8_t, 32> bytes{};
            for (size_t b = 0; b < 32; ++b) {
                unsigned v = 0;
                auto r = std::from_chars(hex.data() + 2 * b, hex.data() + 2 * b + 2, v, 16);
                if (r.ec != std::errc() || r.ptr != hex.data() + 2 * b + 2)
                    throw Error(at, "bad hex digit in \"" + hex + "\"");
                bytes[b] = uint8_t(v);
            }
            auto f = Fr::from_bytes_le(bytes);
            if (!f) throw Error(at, "value is not below the BN254 scalar field modulus");
            auto v = quant::from_field(*f);
            if (!v) throw Error(at, "field element is not a small signed integer (|v| >= 2^63)");
            out.back().push_back(*v);
        }
    }
    return out;
}

static LayerTrace layer_from_json(const json& j, const std::string& where) {
    LayerTrace l;
    l.index = jf::get<uint64_t>(j, "index", where, "");
    l.name = jf::get<std::string>(j, "name", where, "");
    l.op = jf::get<std::string>(j, "op", where, "");
    if (const auto kind = jf::get_or<std::string>(j, "kind", "", where, ""); !kind.empty()) {
        l.kind = fixed::proof_kind_from_name(kind);
        if (!l.kind)
            throw Error(where + ".kind", "unknown proof kind \"" + kind + "\"",
                        "expected input, linear, lookup, range, copy or float-fallback; regenerate it with gen-witness");
    }
    l.output = jf::get<std::string>(j, "output", where, "");
    l.scale = jf::get<int32_t>(j, "scale", where, "");
    try {
        l.inputs = j.at("inputs").get<std::vector<std::string>>();
        l.shape = j.at("shape").get<std::vector<int64_t>>();
        l.quantised = j.at("quantised").get<std::vector<int64_t>>();
        for (const auto& x : j.at("float_reference"))
            l.float_reference.push_back(x.is_null() ? std::nan("") : x.get<double>());
        if (!j.at("bounds").is_null()) l.bounds = std::pair{j["bounds"].at(0).get<int64_t>(), j["bounds"].at(1).get<int64_t>()};
    } catch (const json::exception& e) {
        throw Error(where, std::string("malformed layer: ") + e.what(), "regenerate it with gen-witness");
    }
    l.min = jf::get<int64_t>(j, "min", where, "");
    l.max = jf::get<int64_t>(j, "max", where, "");
    l.saturated = jf::get<uint64_t>(j, "saturated", where, "");
    l.max_abs_error = jf::get<double>(j, "max_abs_error", where, "");
    l.mean_abs_error = jf::get<double>(j, "mean_abs_error", where, "");
    size_t expected = 1;
    for (int64_t d : l.shape) expected *= size_t(d);
    if (l.quantised.size() != expected)
        throw Error(where, "shape " + format_shape(l.shape) + " needs " + std::to_string(expected) +
                               " quantised values, found " + std::to_string(l.quantised.size()),
                    "regenerate it with gen-witness");
    return l;
}

WitnessResult witness_from_json_text(const std::string& text, const std::string& where) {
    const json j = json_fields::parse_document(text, where, "regenerate it with gen-witness");
    WitnessResult w;
    w.inputs = read_field_arrays(j, where, "inputs");
    w.outputs = read_field_arrays(j, where, "outputs");
    w.min_lookup_input = jf::get_or<int64_t>(j, "min_lookup_inputs", 0, where, "");
    w.max_lookup_input = jf::get_or<int64_t>(j, "max_lookup_inputs", 0, where, "");
    w.max_range_size = jf::get_or<int64_t>(j, "max_range_size", 0, where, "");
    w.version = jf::get_or<std::string>(j, "version", "", where, "");
    if (j.contains("input_scales")) w.input_scales = j["input_scales"].get<std::vector<Scale>>();
    if (j.contains("output_scales")) w.output_scales = j["output_scales"].get<std::vector<Scale>>();
    if (j.contains("lookup_range") && j["lookup_range"].is_array() && j["lookup_range"].size() == 2)
        w.lookup_range = {j["lookup_range"][0].get<int64_t>(), j["lookup_range"][1].get<int64_t>()};
    if (j.contains("output_layers")) w.output_layers = j["output_layers"].get<std::vector<size_t>>();
    if (j.contains("layers")) {
        const json& layers = j["layers"];
        for (size_t i = 0; i < layers.size(); ++i)
            w.layers.push_back(layer_from_json(layers[i], where + ": layers[" + std::to_string(i) + "]"));
    }
    return w;
}

WitnessResult read_witness_json(const std::filesystem::path& path) {
    return witness_from_json_text(read_file_text(path), path.filename().string());
}

}  // namespace ps
