#pragma once
// The fixed-point executor's vocabulary: a tensor with its scale, the parameters
// quantised for the circuit, what a kernel sees (FixedCall), and the statistics the
// settings are computed from. Kernels live in fixed_ops_<family>.cpp, one file per way
// of proving an op (EZKL src/circuit/ops/: polynomial, lookup, hybrid), plus copies.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/model/graph.hpp"
#include "core/witness/quantize.hpp"
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ps::fixed {

struct FixedTensor {
    model::IntTensor t;
    Scale scale = 0;
};

// Initialisers quantised at the scale their consumer needs. When compiling, missing
// entries are created; when generating a witness the store is frozen, and a request the
// compiled circuit does not hold means the circuit and this build disagree.
class ParamStore {
public:
    ParamStore(const model::Graph& graph, std::map<std::string, QuantisedTensor>& params, bool frozen)
        : graph_(graph), params_(params), frozen_(frozen) {}
    const FixedTensor& get(const std::string& name, Scale scale, const std::string& where);

private:
    const model::Graph& graph_;
    std::map<std::string, QuantisedTensor>& params_;
    bool frozen_;
    std::map<std::pair<std::string, Scale>, FixedTensor> cache_;
};

// Everything the settings are derived from, gathered while the graph runs.
struct ExecStats {
    uint64_t advice_cells = 0;   // estimated assignments (cost model: circuit_plan.hpp)
    uint64_t fixed_cells = 0;    // constants baked into fixed columns
    std::set<std::tuple<std::string, Scale, double>> lookups;  // (function, input scale, parameter)
    std::set<std::pair<int64_t, int64_t>> range_checks;
    bool any_lookup = false;
    int64_t min_lookup_input = 0, max_lookup_input = 0;
    uint64_t fallback_nodes = 0;
    std::vector<std::string> fallback_ops;
};

// A value's bound check (lookup input or range-checked value) and what it found.
struct BoundRecord {
    std::pair<int64_t, int64_t> bounds;
    uint64_t saturated = 0;
};

struct ExecEnv {
    const model::Graph& graph;
    const RunArgs& args;
    ParamStore& params;
    ExecStats& stats;
    bool stop_on_saturation = true;
    std::map<std::string, BoundRecord> bounds;  // by value name
};

// How a value will be proved, for the trace and the cost model. Input: a model input,
// assigned to instance or advice cells; FloatFallback: computed from floats and
// requantised, not provable yet.
enum class ProofKind { Input, Linear, Lookup, Range, Copy, FloatFallback };
const char* proof_kind_name(ProofKind k);  // "input", "linear", ..., "float-fallback" (witness.json's "kind")
std::optional<ProofKind> proof_kind_from_name(std::string_view name);

struct FixedCall {
    const model::Node& node;
    ExecEnv& env;
    std::vector<const FixedTensor*> runtime;  // per input: runtime value, or nullptr

    size_t input_count() const { return node.inputs.size(); }
    bool present(size_t i) const { return i < node.inputs.size() && !node.inputs[i].empty(); }
    bool is_constant(size_t i) const;  // an initialiser
    const model::FloatTensor& constant(size_t i) const;
    bool integer_typed(size_t i) const;
    // Input i at its own scale: a runtime value as is; an initialiser at param_scale
    // (scale 0 for integer types).
    FixedTensor natural(size_t i) const;
    Scale natural_scale(size_t i) const;
    // Input i at scale s: initialisers are quantised there directly, runtime values are
    // raised exactly or lowered with rounding.
    FixedTensor at_scale(size_t i, Scale s) const;
    // Index-like input (shape, axes, indices, a condition) as plain integers.
    model::IntTensor integers(size_t i) const;
    // Input i as real numbers (dequantised runtime value or the float initialiser).
    model::FloatTensor reals(size_t i) const;

    // Brings a product's scale back to input_scale once it exceeds
    // input_scale · scale_rebase_multiplier (EZKL RebaseScale); counts its cost.
    FixedTensor rebase(model::Tensor<quant::i128> wide, Scale scale) const;
    FixedTensor narrow(const model::Tensor<quant::i128>& wide, Scale scale) const;
    // Records that value `input i` must lie in [lo, hi] (a lookup or a range check);
    // counts and, in SAFE mode, rejects values outside.
    void check_bounds(size_t i, const FixedTensor& v, int64_t lo, int64_t hi, const char* what) const;
    void check_lookup_input(size_t i, const FixedTensor& v) const;
    void check_range_input(size_t i, const FixedTensor& v) const;

    void add_cells(uint64_t n) const { env.stats.advice_cells += n; }
    [[noreturn]] void fail(const std::string& problem, const std::string& fix = {}) const;
};

struct FixedResult {
    std::vector<FixedTensor> outputs;
    ProofKind kind = ProofKind::Linear;
};

using FixedKernel = FixedResult (*)(const FixedCall&);
using FixedKernelTable = std::map<std::string, FixedKernel>;

const FixedKernel* find_fixed_kernel(const std::string& op);
void register_fixed_linear_ops(FixedKernelTable&);
void register_fixed_conv_ops(FixedKernelTable&);
void register_fixed_select_ops(FixedKernelTable&);
void register_fixed_lookup_ops(FixedKernelTable&);
void register_fixed_copy_ops(FixedKernelTable&);
void register_fixed_norm_ops(FixedKernelTable&);

// Any op: dequantise, run the float kernel, requantise (not provable yet; flagged).
FixedResult float_fallback(const FixedCall& call);

// Symmetric bound the range-check decomposition covers: decomp_base^decomp_legs / 2.
int64_t range_check_bound(const RunArgs& args);

}  // namespace ps::fixed
