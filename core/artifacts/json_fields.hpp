#pragma once
// Typed access to JSON fields with errors that name the file and the field path
// ("settings.json: run_args.logrows: expected an unsigned integer, found \"ten\"").
#include "core/util/error.hpp"
#include <nlohmann/json.hpp>
#include <limits>
#include <string>

namespace ps::json_fields {

inline std::string describe(const nlohmann::json& v) {
    std::string s = v.dump();
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return std::string(v.type_name()) + " " + s;
}

// No ProofScope or EZKL file nests deeper than 8 levels; 64 leaves room and keeps every
// recursive walk (flattening input arrays, dump() in messages) far from the stack's end:
// an input.json of 30 000 nested brackets (60 KB) overflowed it.
inline constexpr int kMaxJsonDepth = 64;

// Parses `text`, refusing malformed JSON and nesting past kMaxJsonDepth with an error
// naming `file`; `fix` says how to get a good file.
inline nlohmann::json parse_document(const std::string& text, const std::string& file, const std::string& fix) {
    const auto depth_guard = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        if ((event == nlohmann::json::parse_event_t::object_start || event == nlohmann::json::parse_event_t::array_start) &&
            depth >= kMaxJsonDepth)
            throw Error(file, "nests arrays/objects deeper than " + std::to_string(kMaxJsonDepth) + " levels", fix);
        return true;
    };
    try {
        return nlohmann::json::parse(text, depth_guard);
    } catch (const nlohmann::json::exception& e) {
        throw Error(file, std::string("not valid JSON: ") + e.what(), fix);
    }
}

// Member `key` of object `obj` at `path` (e.g. "run_args"), or an error naming it.
inline const nlohmann::json& member(const nlohmann::json& obj, const std::string& key,
                                    const std::string& file, const std::string& path) {
    const std::string full = path.empty() ? key : path + "." + key;
    if (!obj.is_object())
        throw Error(file + ": " + (path.empty() ? "top level" : path),
                    "expected a JSON object, found " + describe(obj));
    auto it = obj.find(key);
    if (it == obj.end())
        throw Error(file + ": " + full, "missing field",
                    "regenerate the file with proofscope-cli or add the field");
    return *it;
}

template <class T>
T as(const nlohmann::json& v, const std::string& file, const std::string& full) {
    bool ok = false;
    if constexpr (std::is_same_v<T, bool>) ok = v.is_boolean();
    else if constexpr (std::is_floating_point_v<T>) ok = v.is_number();
    else if constexpr (std::is_unsigned_v<T>) ok = v.is_number_unsigned() ||
                                                  (v.is_number_integer() && v.get<int64_t>() >= 0);
    else if constexpr (std::is_integral_v<T>) ok = v.is_number_integer();
    else if constexpr (std::is_same_v<T, std::string>) ok = v.is_string();
    if (!ok) {
        const char* expected = std::is_same_v<T, bool> ? "a boolean"
                               : std::is_floating_point_v<T> ? "a number"
                               : std::is_unsigned_v<T> ? "a non-negative integer"
                               : std::is_integral_v<T> ? "an integer"
                                                       : "a string";
        throw Error(file + ": " + full, std::string("expected ") + expected + ", found " + describe(v));
    }
    // nlohmann's get<uint32_t>() truncates: 4294967311 would read as 15.
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        const bool fits = v.is_number_unsigned()
                              ? v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<T>::max())
                              : v.get<int64_t>() >= static_cast<int64_t>(std::numeric_limits<T>::min()) &&
                                    (v.get<int64_t>() < 0 ||
                                     static_cast<uint64_t>(v.get<int64_t>()) <= static_cast<uint64_t>(std::numeric_limits<T>::max()));
        if (!fits)
            throw Error(file + ": " + full, "= " + v.dump() + " does not fit the field (" +
                                                std::to_string(std::numeric_limits<T>::min()) + ".." +
                                                std::to_string(std::numeric_limits<T>::max()) + ")");
    }
    return v.get<T>();
}

template <class T>
T get(const nlohmann::json& obj, const std::string& key, const std::string& file,
      const std::string& path) {
    return as<T>(member(obj, key, file, path), file, path.empty() ? key : path + "." + key);
}

// Like get(), but a missing field gives `fallback` (fields EZKL added over versions).
template <class T>
T get_or(const nlohmann::json& obj, const std::string& key, T fallback, const std::string& file,
         const std::string& path) {
    if (!obj.is_object() || !obj.contains(key) || obj.at(key).is_null()) return fallback;
    return get<T>(obj, key, file, path);
}

}  // namespace ps::json_fields
