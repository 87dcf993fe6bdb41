#pragma once
// Small models built in code, taken through the same steps as the CLI: plan → compile
// (through network.ezkl's bytes) → witness (through witness.json's text) → setup →
// prove → verify, with a seeded development SRS.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/kzg/srs.hpp"
#include "core/util/random.hpp"
#include "core/witness/generate.hpp"
#include "tests/witness/graph_builder.hpp"

#include <map>

namespace ps::test {

inline CompiledCircuit compile(const model::Graph& g, const RunArgs& args) {
    const CircuitPlan plan = plan_circuit(g, args, false);
    const CompiledCircuit c = compile_circuit(g, plan.settings, "settings.json");
    return compiled_circuit_from_bytes(compiled_circuit_bytes(c), "network.ezkl");
}

inline WitnessResult witness_of(const CompiledCircuit& c, std::vector<std::vector<double>> inputs) {
    InputData data;
    data.inputs = std::move(inputs);
    NullProgress quiet;
    const WitnessResult w = generate_witness(c, data, quiet);
    return witness_from_json_text(witness_json_text(w), "witness.json");
}

// One development SRS per k for the whole test run (seeded: tests are repeatable).
inline const Srs& srs_of(unsigned k, uint64_t seed = 1) {
    static std::map<std::pair<unsigned, uint64_t>, Srs> cache;
    auto it = cache.find({k, seed});
    if (it == cache.end()) {
        SeededRandom tau(seed * 1000 + k);
        NullProgress quiet;
        it = cache.emplace(std::pair{k, seed}, generate_srs(k, tau, quiet)).first;
    }
    return it->second;
}

// x[1×4] → Gemm(4→3) → Relu → Gemm(3→2): the MLP of the end-to-end tests.
inline model::Graph mlp_graph() {
    GraphBuilder b;
    b.input("x", {1, 4})
        .init("W1", {4, 3}, {0.5f, -0.25f, 0.75f, 0.125f, 1.0f, -0.5f, -0.75f, 0.25f, 0.5f, 0.3f, -0.6f, 0.2f})
        .init("B1", {3}, {0.1f, -0.2f, 0.05f})
        .node("Gemm", {"x", "W1", "B1"}, {"h"})
        .node("Relu", {"h"}, {"r"})
        .init("W2", {3, 2}, {0.4f, -0.8f, 0.6f, 0.1f, -0.3f, 0.9f})
        .init("B2", {2}, {0.0f, 0.25f})
        .node("Gemm", {"r", "W2", "B2"}, {"y"})
        .output("y", {1, 2});
    return b.g;
}

// x[1×3] → MatMul → Sigmoid → Mul by 2 → Sub x[0..1]: lookups and element-wise ops.
inline model::Graph sigmoid_graph() {
    GraphBuilder b;
    b.input("x", {1, 3})
        .init("W", {3, 2}, {1.0f, 0.25f, 0.75f, -0.5f, 0.5f, 0.5f})
        .node("MatMul", {"x", "W"}, {"h"})
        .node("Sigmoid", {"h"}, {"s"})
        .init("two", {1}, {2.0f})
        .node("Mul", {"s", "two"}, {"d"})
        .init("bias", {1, 2}, {0.5f, -0.25f})
        .node("Add", {"d", "bias"}, {"y"})
        .output("y", {1, 2});
    return b.g;
}

inline RunArgs small_args() {
    RunArgs a;
    a.lookup_range_lo = -512;
    a.lookup_range_hi = 512;
    a.decomp_base = 256;
    return a;
}

}  // namespace ps::test
