#include "core/artifacts/settings.hpp"
#include "core/artifacts/json_fields.hpp"
#include "core/util/atomic_file.hpp"
#include <algorithm>
#include <cctype>
#include <chrono>

namespace ps {

using nlohmann::ordered_json;
namespace jf = json_fields;

std::string to_string(Visibility v) {
    switch (v) {
        case Visibility::Private: return "Private";
        case Visibility::Public: return "Public";
        case Visibility::Fixed: return "Fixed";
        case Visibility::Hashed: return "Hashed";
    }
    return "Private";
}

std::string to_string(CheckMode m) { return m == CheckMode::Safe ? "SAFE" : "UNSAFE"; }

static std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

Visibility parse_visibility(const std::string& text, const std::string& where) {
    const std::string t = lower(text);
    if (t == "private") return Visibility::Private;
    if (t == "public") return Visibility::Public;
    if (t == "fixed") return Visibility::Fixed;
    if (t == "hashed" || t == "hashed/public" || t == "hashed/private") return Visibility::Hashed;
    throw Error(where, "unknown visibility \"" + text + "\"",
                "use one of private, public, fixed, hashed");
}

CheckMode parse_check_mode(const std::string& text, const std::string& where) {
    const std::string t = lower(text);
    if (t == "safe") return CheckMode::Safe;
    if (t == "unsafe") return CheckMode::Unsafe;
    throw Error(where, "unknown check_mode \"" + text + "\"", "use SAFE or UNSAFE");
}

static ordered_json visibility_json(Visibility v) {
    // EZKL writes Hashed as an object variant; the plain ones as strings.
    if (v == Visibility::Hashed)
        return ordered_json{{"Hashed", {{"hash_is_public", true}, {"outlets", ordered_json::array()}}}};
    return to_string(v);
}

static Visibility visibility_from_json(const nlohmann::json& v, const std::string& where) {
    if (v.is_string()) return parse_visibility(v.get<std::string>(), where);
    if (v.is_object() && v.size() == 1) return parse_visibility(v.begin().key(), where);
    throw Error(where, "expected a visibility (\"Private\", \"Public\", \"Fixed\" or {\"Hashed\": ...}), found " +
                           jf::describe(v));
}

static ordered_json run_args_json(const RunArgs& a) {
    ordered_json j;
    j["tolerance"] = {{"val", a.tolerance_val}, {"scale", a.tolerance_scale}};
    j["input_scale"] = a.input_scale;
    j["param_scale"] = a.param_scale;
    j["scale_rebase_multiplier"] = a.scale_rebase_multiplier;
    j["lookup_range"] = {a.lookup_range_lo, a.lookup_range_hi};
    j["logrows"] = a.logrows;
    j["num_inner_cols"] = a.num_inner_cols;
    j["variables"] = ordered_json::array({ordered_json::array({"batch_size", a.batch_size})});
    j["input_visibility"] = visibility_json(a.input_visibility);
    j["output_visibility"] = visibility_json(a.output_visibility);
    j["param_visibility"] = visibility_json(a.param_visibility);
    j["div_rebasing"] = a.div_rebasing;
    j["rebase_frac_zero_constants"] = a.rebase_frac_zero_constants;
    j["check_mode"] = to_string(a.check_mode);
    j["commitment"] = a.commitment;
    j["decomp_base"] = a.decomp_base;
    j["decomp_legs"] = a.decomp_legs;
    j["bounded_log_lookup"] = a.bounded_log_lookup;
    j["ignore_range_check_inputs_outputs"] = a.ignore_range_check_inputs_outputs;
    return j;
}

static RunArgs run_args_from_json(const nlohmann::json& j, const std::string& file) {
    const std::string p = "run_args";
    RunArgs a;
    if (j.contains("tolerance") && j["tolerance"].is_object()) {
        a.tolerance_val = jf::get_or<double>(j["tolerance"], "val", 0.0, file, p + ".tolerance");
        a.tolerance_scale = jf::get_or<double>(j["tolerance"], "scale", 1.0, file, p + ".tolerance");
    }
    a.input_scale = jf::get<int32_t>(j, "input_scale", file, p);
    a.param_scale = jf::get<int32_t>(j, "param_scale", file, p);
    a.scale_rebase_multiplier = jf::get_or<uint32_t>(j, "scale_rebase_multiplier", 1, file, p);
    const auto& range = jf::member(j, "lookup_range", file, p);
    if (!range.is_array() || range.size() != 2 || !range[0].is_number_integer() ||
        !range[1].is_number_integer())
        throw Error(file + ": run_args.lookup_range", "expected [lo, hi] integers, found " + jf::describe(range));
    a.lookup_range_lo = range[0].get<int64_t>();
    a.lookup_range_hi = range[1].get<int64_t>();
    if (a.lookup_range_lo > a.lookup_range_hi)
        throw Error(file + ": run_args.lookup_range",
                    "lo = " + std::to_string(a.lookup_range_lo) + " is above hi = " +
                        std::to_string(a.lookup_range_hi),
                    "write the range as [lo, hi] with lo <= hi");
    a.logrows = jf::get<uint32_t>(j, "logrows", file, p);
    if (a.logrows < 1 || a.logrows > 28)
        throw Error(file + ": run_args.logrows", "= " + std::to_string(a.logrows) + " is outside 1..28",
                    "BN254's Fr has 2^28 roots of unity: choose logrows <= 28");
    a.num_inner_cols = jf::get_or<uint32_t>(j, "num_inner_cols", 2, file, p);
    if (j.contains("variables") && j["variables"].is_array())
        for (const auto& v : j["variables"])
            if (v.is_array() && v.size() == 2 && v[0] == "batch_size" && v[1].is_number_integer())
                a.batch_size = v[1].get<int64_t>();
    a.input_visibility = visibility_from_json(jf::member(j, "input_visibility", file, p), file + ": run_args.input_visibility");
    a.output_visibility = visibility_from_json(jf::member(j, "output_visibility", file, p), file + ": run_args.output_visibility");
    a.param_visibility = visibility_from_json(jf::member(j, "param_visibility", file, p), file + ": run_args.param_visibility");
    a.div_rebasing = jf::get_or<bool>(j, "div_rebasing", false, file, p);
    a.rebase_frac_zero_constants = jf::get_or<bool>(j, "rebase_frac_zero_constants", false, file, p);
    a.check_mode = parse_check_mode(jf::get_or<std::string>(j, "check_mode", "SAFE", file, p),
                                    file + ": run_args.check_mode");
    a.commitment = jf::get_or<std::string>(j, "commitment", "KZG", file, p);
    a.decomp_base = jf::get_or<uint32_t>(j, "decomp_base", 16384, file, p);
    a.decomp_legs = jf::get_or<uint32_t>(j, "decomp_legs", 2, file, p);
    a.bounded_log_lookup = jf::get_or<bool>(j, "bounded_log_lookup", false, file, p);
    a.ignore_range_check_inputs_outputs =
        jf::get_or<bool>(j, "ignore_range_check_inputs_outputs", false, file, p);
    return a;
}

static ordered_json lookup_json(const RequiredLookup& l) {
    ordered_json body{{"scale", l.scale}};
    if (l.has_parameter) body["a"] = l.parameter;
    return ordered_json{{l.op, body}};
}

static RequiredLookup lookup_from_json(const nlohmann::json& j, const std::string& where) {
    RequiredLookup l;
    if (j.is_string()) {  // EZKL's unit variants, e.g. "ReLU"
        l.op = j.get<std::string>();
        return l;
    }
    if (!j.is_object() || j.size() != 1)
        throw Error(where, "expected {\"Op\": {\"scale\": s}} or \"Op\", found " + jf::describe(j));
    l.op = j.begin().key();
    const auto& body = j.begin().value();
    if (body.is_object()) {
        if (body.contains("scale") && body["scale"].is_number()) l.scale = body["scale"].get<double>();
        if (body.contains("a") && body["a"].is_number()) {
            l.parameter = body["a"].get<double>();
            l.has_parameter = true;
        }
    }
    return l;
}

static ordered_json layout_json(const Settings& s, bool with_timestamp) {
    ordered_json j;
    j["run_args"] = run_args_json(s.run_args);
    j["num_rows"] = s.num_rows;
    j["total_assignments"] = s.total_assignments;
    j["total_const_size"] = s.total_const_size;
    j["total_dynamic_col_size"] = 0;
    j["max_dynamic_input_len"] = 0;
    j["num_dynamic_lookups"] = 0;
    j["num_shuffles"] = 0;
    j["total_shuffle_col_size"] = 0;
    j["model_instance_shapes"] = s.model_instance_shapes;
    j["model_output_scales"] = s.model_output_scales;
    j["model_input_scales"] = s.model_input_scales;
    j["module_sizes"] = {{"polycommit", ordered_json::array()},
                         {"poseidon", ordered_json::array({0, ordered_json::array({0})})}};
    ordered_json lookups = ordered_json::array();
    for (const auto& l : s.required_lookups) lookups.push_back(lookup_json(l));
    j["required_lookups"] = lookups;
    ordered_json ranges = ordered_json::array();
    for (const auto& [lo, hi] : s.required_range_checks) ranges.push_back({lo, hi});
    j["required_range_checks"] = ranges;
    j["check_mode"] = to_string(s.run_args.check_mode);
    j["version"] = s.version;
    j["num_blinding_factors"] = nullptr;
    if (with_timestamp) j["timestamp"] = s.timestamp;
    return j;
}

std::string settings_to_json_text(const Settings& s) { return layout_json(s, true).dump(4) + "\n"; }

Settings settings_from_json_text(const std::string& text, const std::string& file) {
    const nlohmann::json j = jf::parse_document(text, file, "regenerate it with proofscope-cli gen-settings");
    Settings s;
    s.run_args = run_args_from_json(jf::member(j, "run_args", file, ""), file);
    s.num_rows = jf::get_or<uint64_t>(j, "num_rows", 0, file, "");
    s.total_assignments = jf::get_or<uint64_t>(j, "total_assignments", 0, file, "");
    s.total_const_size = jf::get_or<uint64_t>(j, "total_const_size", 0, file, "");
    try {
        s.model_instance_shapes = jf::member(j, "model_instance_shapes", file, "")
                                      .get<std::vector<std::vector<int64_t>>>();
        s.model_input_scales = jf::member(j, "model_input_scales", file, "").get<std::vector<Scale>>();
        s.model_output_scales = jf::member(j, "model_output_scales", file, "").get<std::vector<Scale>>();
        if (j.contains("required_range_checks"))
            for (const auto& r : j["required_range_checks"])
                s.required_range_checks.emplace_back(r.at(0).get<int64_t>(), r.at(1).get<int64_t>());
    } catch (const nlohmann::json::exception& e) {
        throw Error(file, std::string("malformed shapes, scales or range checks: ") + e.what(),
                    "regenerate it with proofscope-cli gen-settings");
    }
    if (j.contains("required_lookups") && j["required_lookups"].is_array()) {
        size_t i = 0;
        for (const auto& l : j["required_lookups"])
            s.required_lookups.push_back(
                lookup_from_json(l, file + ": required_lookups[" + std::to_string(i++) + "]"));
    }
    s.version = jf::get_or<std::string>(j, "version", "", file, "");
    s.timestamp = jf::get_or<int64_t>(j, "timestamp", 0, file, "");
    return s;
}

Settings read_settings(const std::filesystem::path& path) {
    return settings_from_json_text(read_file_text(path), path.filename().string());
}

void write_settings(const Settings& s, const std::filesystem::path& path) {
    Settings stamped = s;
    if (stamped.timestamp == 0)
        stamped.timestamp = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
    write_file_atomically(path, settings_to_json_text(stamped));
}

Sha256Digest settings_digest(const Settings& s) { return sha256(layout_json(s, false).dump()); }

}  // namespace ps
