#pragma once
// settings.json: the circuit parameters, with EZKL's field names wherever the concept is
// the same (EZKL src/graph/mod.rs `GraphSettings`, src/lib.rs `RunArgs`), so a user who
// knows EZKL reads ours unchanged. Reference: ../shared/ezkl-reference/1l_mlp/settings.json.
#include "core/util/sha256.hpp"
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ps {

// Who sees a value: Private (witness only), Public (instance column), Fixed (baked into
// the circuit's fixed columns), Hashed (a public Poseidon hash of the private value).
enum class Visibility { Private, Public, Fixed, Hashed };
// SAFE: saturation and out-of-range values are errors; UNSAFE: they are reported only.
enum class CheckMode { Safe, Unsafe };

std::string to_string(Visibility v);           // "Private", "Public", "Fixed", "Hashed"
std::string to_string(CheckMode m);            // "SAFE", "UNSAFE"
// Accepts EZKL's spellings case-insensitively ("private", "Public", "hashed", "hashed/public").
Visibility parse_visibility(const std::string& text, const std::string& where);
CheckMode parse_check_mode(const std::string& text, const std::string& where);

// A fixed-point scale: a real x is represented by round(x · 2^scale).
using Scale = int32_t;

struct RunArgs {
    double tolerance_val = 0.0;    // EZKL tolerance.val (percent), kept for compatibility
    double tolerance_scale = 1.0;  // EZKL tolerance.scale
    Scale input_scale = 7;
    Scale param_scale = 7;
    // A product's scale is brought back to input_scale once it exceeds
    // input_scale · scale_rebase_multiplier (EZKL RebaseScale::rebase).
    uint32_t scale_rebase_multiplier = 1;
    int64_t lookup_range_lo = -32768;  // inputs of lookup tables must lie in [lo, hi]
    int64_t lookup_range_hi = 32768;
    uint32_t logrows = 17;
    uint32_t num_inner_cols = 2;
    int64_t batch_size = 1;  // EZKL "variables": [["batch_size", 1]]
    Visibility input_visibility = Visibility::Private;
    Visibility output_visibility = Visibility::Public;
    Visibility param_visibility = Visibility::Fixed;
    bool div_rebasing = false;
    bool rebase_frac_zero_constants = false;
    CheckMode check_mode = CheckMode::Safe;
    std::string commitment = "KZG";
    uint32_t decomp_base = 16384;
    uint32_t decomp_legs = 2;
    bool bounded_log_lookup = false;
    bool ignore_range_check_inputs_outputs = false;

    bool operator==(const RunArgs&) const = default;
};

// A lookup table the circuit needs: a named function at a scale (EZKL `LookupOp`),
// written as {"Sigmoid": {"scale": 128.0}} in settings.json.
struct RequiredLookup {
    std::string op;          // "Sigmoid", "Exp", "Pow", ...
    double scale = 1.0;      // the multiplier 2^s of the input, as EZKL writes it
    double parameter = 0.0;  // extra constant (alpha, exponent, ...) when the op has one
    bool has_parameter = false;
    bool operator==(const RequiredLookup&) const = default;
};

struct Settings {
    RunArgs run_args;
    uint64_t num_rows = 0;           // estimated rows of the layout (the cost model in witness/circuit_plan.hpp)
    uint64_t total_assignments = 0;  // advice cells
    uint64_t total_const_size = 0;   // fixed (constant) cells
    std::vector<std::vector<int64_t>> model_instance_shapes;
    std::vector<Scale> model_input_scales;
    std::vector<Scale> model_output_scales;
    std::vector<RequiredLookup> required_lookups;
    std::vector<std::pair<int64_t, int64_t>> required_range_checks;
    std::string version = "proofscope-0.1";
    int64_t timestamp = 0;  // ms since the Unix epoch, when written

    bool operator==(const Settings&) const = default;
};

std::string settings_to_json_text(const Settings& s);
// `where` names the source in errors ("settings.json").
Settings settings_from_json_text(const std::string& text, const std::string& where);

Settings read_settings(const std::filesystem::path& path);
void write_settings(const Settings& s, const std::filesystem::path& path);  // atomic

// Digest of everything that shapes the circuit (run_args and the computed layout
// figures, not the timestamp): network.ezkl, pk.key and vk.key record it, and readers
// compare it to catch a settings.json that does not belong to them.
Sha256Digest settings_digest(const Settings& s);

}  // namespace ps
