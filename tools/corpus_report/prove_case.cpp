#include "tools/corpus_report/prove_case.hpp"

#include "core/artifacts/compiled_circuit.hpp"
#include "core/circuit/calibrate.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/plonk/verifier.hpp"
#include "core/util/error.hpp"
#include "core/util/random.hpp"
#include "core/witness/generate.hpp"

#include <chrono>
#include <cmath>

namespace ps::corpus {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

// The development SRS for 2^k rows: from the cache folder when it holds one, else
// generated (and cached). Anyone who knows τ can forge proofs: for measurements only.
Srs development_srs(unsigned k, const std::filesystem::path& cache, bool& cached) {
    NullProgress quiet;
    const std::filesystem::path file = cache.empty() ? std::filesystem::path{} : cache / ("kzg" + std::to_string(k) + ".srs");
    cached = !file.empty() && std::filesystem::exists(file) && read_srs_k(file) == k;
    if (cached) return read_srs(file);
    SystemRandom tau;
    Srs srs = generate_srs(k, tau, quiet);
    if (!file.empty()) {
        std::filesystem::create_directories(cache);
        write_srs(srs, file);  // atomic
    }
    return srs;
}

// The verifier's public outputs (the last values of the instance column, in the order of
// the model's outputs) dequantised, or nullopt when the outputs are not public.
std::optional<std::vector<std::vector<double>>> public_outputs(const Settings& settings, const plonk::Proof& proof) {
    const nlohmann::json pretty = circuit::pretty_public_inputs(settings, proof.instances);
    if (!pretty.contains("rescaled_outputs")) return std::nullopt;
    return pretty["rescaled_outputs"].get<std::vector<std::vector<double>>>();
}

double max_error(const std::vector<std::vector<double>>& ours, const std::vector<ReferenceOutput>& reference) {
    if (ours.size() < reference.size())
        throw Error("outputs", std::to_string(ours.size()) + " proven outputs, reference_output.json has " +
                                   std::to_string(reference.size()));
    double worst = 0;
    for (size_t o = 0; o < reference.size(); ++o) {
        if (ours[o].size() != reference[o].data.size())
            throw Error("output " + std::to_string(o), std::to_string(ours[o].size()) + " values, reference has " +
                                                           std::to_string(reference[o].data.size()));
        for (size_t i = 0; i < ours[o].size(); ++i)
            if (std::isfinite(reference[o].data[i])) worst = std::max(worst, std::fabs(ours[o][i] - reference[o].data[i]));
    }
    return worst;
}

}  // namespace

ProveRecord prove_corpus_model(const CorpusCase& c, const ProveOptions& options, std::optional<ProvedModel>* proved) {
    ProveRecord r;
    r.model = c.name;
    NullProgress quiet;
    auto enter = [&](const char* stage) {
        r.stage = stage;
        if (options.checkpoint) options.checkpoint(r);
    };
    try {
        enter("load");
        const model::Graph graph = model::load_onnx(c.model());
        const InputData data = read_input_json(c.input(), input_shapes(graph));
        std::vector<ReferenceOutput> reference;
        if (std::filesystem::exists(c.reference())) {
            reference = read_reference(c.reference());
            double magnitude = 0;
            for (const auto& out : reference)
                for (double v : out.data)
                    if (std::isfinite(v)) magnitude = std::max(magnitude, std::fabs(v));
            r.tolerance = 0.05 * std::max(1.0, magnitude);
        }

        enter("calibrate");
        auto start = Clock::now();
        const CalibrationResult cal = calibrate(graph, data, RunArgs{}, CalibrationOptions{}, quiet);
        if (!cal.chosen) throw Error("calibrate-settings", cal.reason.empty() ? "no settings fit" : cal.reason);
        r.input_scale = cal.settings.run_args.input_scale;
        r.param_scale = cal.settings.run_args.param_scale;
        r.logrows = cal.settings.run_args.logrows;

        enter("compile");
        const CompiledCircuit circuit = compile_circuit(graph, cal.settings, "settings.json");
        r.calibrate_ms = ms_since(start);

        enter("witness");
        start = Clock::now();
        WitnessOptions wopt;
        wopt.float_reference = false;
        const WitnessResult witness = generate_witness(circuit, data, quiet, wopt);
        r.witness_ms = ms_since(start);

        enter("layout");
        unsigned k = 0;
        {
            const circuit::ModelCircuit m = circuit::build_model_circuit(circuit, witness);
            k = m.k;
            r.rows_used = m.layout.builder.rows().max();
            r.rows_usable = m.built.cs->usable_rows(m.k);
        }

        if (options.max_logrows && r.logrows > options.max_logrows)
            throw Error("settings.json",
                        "logrows " + std::to_string(r.logrows) + " is above this run's limit of " +
                            std::to_string(options.max_logrows),
                        "set PROOFSCOPE_CORPUS_MAX_LOGROWS higher, or use proofscope-corpus-prove (it has a timeout instead)");

        enter("srs");
        start = Clock::now();
        const Srs srs = development_srs(k, options.srs_cache, r.srs_cached);
        r.srs_ms = ms_since(start);

        enter("setup");
        start = Clock::now();
        const plonk::ProvingKey pk = circuit::setup_model(circuit, srs, quiet, &r.setup_stages);
        r.setup_ms = ms_since(start);

        enter("prove");
        SystemRandom blinding;
        start = Clock::now();
        plonk::Proof proof = circuit::prove_model(circuit, witness, pk, srs, blinding, quiet);
        r.prove_ms = ms_since(start);
        r.prove_stages = proof.timings;
        r.proof_bytes = proof.bytes.size();

        enter("verify");
        r.status = ProveStatus::Proved;
        const KzgVerifierParams params = srs.verifier_params();
        start = Clock::now();
        const plonk::VerifyResult verdict = plonk::verify_proof(pk.vk, params, proof.instances, proof.bytes);
        r.verify_ms = ms_since(start);
        r.verified = verdict.ok;
        r.verify_reason = verdict.ok ? "" : std::string(plonk::to_string(verdict.check)) + ": " + first_line(verdict.reason);
        if (!verdict.ok) {
            // The mock prover names the layer whose constraints fail.
            const circuit::ModelCircuit m = circuit::build_model_circuit(circuit, witness);
            const auto failures = circuit::mock_model(m);
            if (!failures.empty()) r.verify_reason += "; mock: " + first_line(failures.front());
        }

        // A public output changed by one unit must be rejected.
        if (!proof.instances.empty() && !proof.instances[0].empty()) {
            auto tampered = proof.instances;
            tampered[0].back() = tampered[0].back() + Fr::one();
            r.tampered_output_rejected = !plonk::verify_proof(pk.vk, params, tampered, proof.bytes).ok;
        }

        if (!reference.empty()) {
            if (const auto proven = public_outputs(circuit.settings, proof)) {
                r.max_abs_error = max_error(*proven, reference);
            } else {
                std::vector<std::vector<double>> outs;
                for (size_t o = 0; o < witness.outputs.size(); ++o) {
                    outs.emplace_back();
                    for (int64_t v : witness.outputs[o]) outs.back().push_back(std::ldexp(double(v), -witness.output_scales[o]));
                }
                r.max_abs_error = max_error(outs, reference);
            }
        } else {
            r.failure = "no reference_output.json";
        }
        enter("done");
        if (proved) *proved = ProvedModel{pk.vk, params, std::move(proof)};
    } catch (const std::exception& e) {
        r.failure = first_line(e.what());
    }
    return r;
}

const char* to_string(ProveStatus s) {
    switch (s) {
    case ProveStatus::Proved: return "proved";
    case ProveStatus::Timeout: return "timeout";
    case ProveStatus::Crashed: return "crashed";
    case ProveStatus::Failed: break;
    }
    return "failed";
}

ProveStatus prove_status_from_string(const std::string& s) {
    for (ProveStatus v : {ProveStatus::Proved, ProveStatus::Timeout, ProveStatus::Crashed})
        if (s == to_string(v)) return v;
    return ProveStatus::Failed;
}

nlohmann::json to_json(const ProveRecord& r) {
    auto stages = [](const std::vector<plonk::StageTiming>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& s : v) a.push_back({{"stage", s.stage}, {"ms", s.milliseconds}, {"msm_ms", s.msm_milliseconds}, {"ntt_ms", s.ntt_milliseconds},
                      {"msm_calls", s.msm_calls}, {"ntt_calls", s.ntt_calls}});
        return a;
    };
    nlohmann::json j = {{"model", r.model}, {"status", to_string(r.status)}, {"stage", r.stage}, {"failure", r.failure},
                        {"input_scale", r.input_scale}, {"param_scale", r.param_scale}, {"logrows", r.logrows},
                        {"rows_used", r.rows_used}, {"rows_usable", r.rows_usable}, {"calibrate_ms", r.calibrate_ms},
                        {"witness_ms", r.witness_ms}, {"srs_ms", r.srs_ms}, {"srs_cached", r.srs_cached},
                        {"setup_ms", r.setup_ms}, {"prove_ms", r.prove_ms}, {"verify_ms", r.verify_ms},
                        {"proof_bytes", r.proof_bytes}, {"peak_rss_kib", r.peak_rss_kib}, {"verified", r.verified},
                        {"verify_reason", r.verify_reason}, {"tampered_output_rejected", r.tampered_output_rejected},
                        {"tolerance", r.tolerance}, {"setup_stages", stages(r.setup_stages)},
                        {"prove_stages", stages(r.prove_stages)}};
    j["max_abs_error"] = r.max_abs_error ? nlohmann::json(*r.max_abs_error) : nlohmann::json(nullptr);
    return j;
}

ProveRecord record_from_json(const nlohmann::json& j) {
    ProveRecord r;
    auto stages = [](const nlohmann::json& a) {
        std::vector<plonk::StageTiming> v;
        for (const auto& s : a) {
            plonk::StageTiming t;
            t.stage = s.value("stage", "");
            t.milliseconds = s.value("ms", 0.0);
            t.msm_milliseconds = s.value("msm_ms", 0.0);
            t.ntt_milliseconds = s.value("ntt_ms", 0.0);
            t.msm_calls = s.value("msm_calls", uint64_t{0});
            t.ntt_calls = s.value("ntt_calls", uint64_t{0});
            v.push_back(std::move(t));
        }
        return v;
    };
    r.model = j.value("model", "");
    r.status = prove_status_from_string(j.value("status", ""));
    r.stage = j.value("stage", "");
    r.failure = j.value("failure", "");
    r.input_scale = j.value("input_scale", 0);
    r.param_scale = j.value("param_scale", 0);
    r.logrows = j.value("logrows", 0u);
    r.rows_used = j.value("rows_used", uint64_t{0});
    r.rows_usable = j.value("rows_usable", uint64_t{0});
    r.calibrate_ms = j.value("calibrate_ms", 0.0);
    r.witness_ms = j.value("witness_ms", 0.0);
    r.srs_ms = j.value("srs_ms", 0.0);
    r.srs_cached = j.value("srs_cached", false);
    r.setup_ms = j.value("setup_ms", 0.0);
    r.prove_ms = j.value("prove_ms", 0.0);
    r.verify_ms = j.value("verify_ms", 0.0);
    r.proof_bytes = j.value("proof_bytes", uint64_t{0});
    r.peak_rss_kib = j.value("peak_rss_kib", uint64_t{0});
    r.verified = j.value("verified", false);
    r.verify_reason = j.value("verify_reason", "");
    r.tampered_output_rejected = j.value("tampered_output_rejected", false);
    r.tolerance = j.value("tolerance", 0.0);
    if (j.contains("max_abs_error") && j["max_abs_error"].is_number()) r.max_abs_error = j["max_abs_error"].get<double>();
    if (j.contains("setup_stages")) r.setup_stages = stages(j["setup_stages"]);
    if (j.contains("prove_stages")) r.prove_stages = stages(j["prove_stages"]);
    return r;
}

}  // namespace ps::corpus
