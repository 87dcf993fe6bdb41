// One reader per artifact for the inventory, each the same core reader the steps use
// (settings.json, input.json, network.ezkl, witness.json, kzg.srs, pk.key, vk.key,
// proof.json): a file the inventory accepts is a file the steps accept.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/artifacts/input_data.hpp"
#include "core/artifacts/json_fields.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/model/graph.hpp"
#include "core/pipeline/inventory_facts.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace ps::pipeline::detail {

namespace {

// Hashing or decoding a multi-GB key would stall the panel; those show their size only.
constexpr uintmax_t max_read_size = 256ULL << 20;

std::string file_digest(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    Sha256 h;
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), std::streamsize(buf.size()));
        const auto n = size_t(in.gcount());
        if (n) h.update(std::span(reinterpret_cast<const uint8_t*>(buf.data()), n));
    }
    return to_hex(h.finish()).substr(0, 16);
}

std::string remake_fix(const ArtifactStatus& a) {
    return a.make_step.empty() ? std::string("replace the file") : "run " + a.make_step + " again to rewrite it";
}

void read_onnx(ArtifactStatus& a, ProjectFacts& facts) {
    const model::Graph g = model::load_onnx(a.path);
    a.facts.push_back(std::to_string(g.nodes.size()) + " nodes, opset " + std::to_string(g.opset));
    for (const auto& in : g.inputs) {
        a.facts.push_back("input " + in.name + ": " + model::shape_to_string(in.shape));
        facts.model_input_shapes.push_back(in.shape);
    }
}

void read_settings_file(ArtifactStatus& a, ProjectFacts& facts) {
    const Settings s = read_settings(a.path);
    const RunArgs& r = s.run_args;
    a.facts.push_back("logrows " + std::to_string(r.logrows) + " (" + std::to_string(s.num_rows) + " rows used)");
    a.facts.push_back("scales: input " + std::to_string(r.input_scale) + ", param " + std::to_string(r.param_scale));
    a.facts.push_back("lookup range [" + std::to_string(r.lookup_range_lo) + ", " + std::to_string(r.lookup_range_hi) + "]");
    a.facts.push_back("visibility: input " + to_string(r.input_visibility) + ", output " + to_string(r.output_visibility) +
                      ", params " + to_string(r.param_visibility));
    facts.settings_digest = settings_digest(s);
    facts.logrows = r.logrows;
    facts.settings_lookup_range = std::pair{r.lookup_range_lo, r.lookup_range_hi};
}

// The header and the length only: a full read checks every point, too slow for a panel
// that refreshes on every change (srs-info does the full check).
void read_srs_header(ArtifactStatus& a, ProjectFacts& facts) {
    const unsigned k = read_srs_k(a.path);
    if (k == 0 || k > SRS_MAX_K)
        throw Error(a.path.string(), "k = " + std::to_string(k) + " is outside 1..28",
                    "this is not a halo2 KZG parameter file");
    const uint64_t expected = srs_file_size(k);
    if (a.size != expected)
        throw Error(a.path.string(),
                    std::to_string(a.size) + " bytes, but an SRS with k = " + std::to_string(k) + " has " +
                        std::to_string(expected),
                    "the file is truncated or not a halo2 ParamsKZG file: run gen-srs again");
    a.facts.push_back("k = " + std::to_string(k) + " (2^" + std::to_string(k) + " = " + std::to_string(1ULL << k) +
                      " points)");
    facts.srs_k = k;
}

void read_circuit(ArtifactStatus& a, ProjectFacts& facts) {
    const CompiledCircuit c = read_compiled_circuit(a.path);
    a.facts.push_back(std::to_string(c.graph.nodes.size()) + " nodes, " + std::to_string(c.params.size()) +
                      " parameter tensors");
    a.facts.push_back("compiled for logrows " + std::to_string(c.settings.run_args.logrows));
    facts.circuit_settings_digest = settings_digest(c.settings);
}

void read_witness(ArtifactStatus& a, ProjectFacts& facts) {
    auto w = std::make_shared<const WitnessResult>(read_witness_json(a.path));
    size_t outside = 0;
    for (const auto& l : w->layers) outside += l.saturated > 0;
    size_t inputs = 0, outputs = 0;
    for (const auto& v : w->inputs) inputs += v.size();
    for (const auto& v : w->outputs) outputs += v.size();
    a.facts.push_back(std::to_string(w->layers.size()) + " layers; " + std::to_string(inputs) + " input and " +
                      std::to_string(outputs) + " output values");
    if (outside) a.facts.push_back(std::to_string(outside) + " layers with values outside their bounds");
    facts.witness_lookup_range = w->lookup_range;
    facts.witness = std::move(w);
}

void read_proof(ArtifactStatus& a) {
    const nlohmann::json doc = json_fields::parse_document(read_file_text(a.path), a.path.string(), "run prove again");
    const plonk::Proof proof = plonk::proof_from_json(doc, a.path.string());
    a.facts.push_back(std::to_string(proof.instances.size()) + " instance columns");
    a.facts.push_back(std::to_string(proof.bytes.size()) + " proof bytes");
}

void read_input(ArtifactStatus& a, ProjectFacts& facts) {
    // Shapes are checked against the model in check_consistency: a wrong size is an
    // inconsistency between two files, not a broken input.json.
    const InputData d = read_input_json(a.path, {});
    std::string sizes;
    for (const auto& in : d.inputs) {
        sizes += (sizes.empty() ? "" : ", ") + std::to_string(in.size());
        facts.input_json_sizes.push_back(in.size());
    }
    a.facts.push_back(std::to_string(d.inputs.size()) + " input(s) of " + sizes + " values");
    for (const auto& n : d.notes) a.facts.push_back("note: " + n);
}

void read_key(ArtifactStatus& a) {
    if (a.size > max_read_size) {
        a.facts.push_back("not decoded here (larger than 256 MiB)");
        return;
    }
    const auto bytes = read_file_bytes(a.path);
    if (a.id == Artifact::VerifyingKey) {
        const plonk::VerifyingKey vk = plonk::decode_verifying_key_file(bytes, a.path.string());
        a.facts.push_back(std::to_string(vk.cs.num_advice_columns()) + " advice / " +
                          std::to_string(vk.cs.num_fixed_columns()) + " fixed columns");
    } else {
        (void)plonk::decode_proving_key_file(bytes, a.path.string());
    }
}

}  // namespace

void read_artifact(ArtifactStatus& a, ProjectFacts& facts) {
    if (a.size <= max_read_size) a.digest = file_digest(a.path);
    a.facts.push_back(std::to_string(a.size) + " bytes" + (a.digest.empty() ? "" : ", sha256 " + a.digest));
    try {
        switch (a.id) {
        case Artifact::Input: read_input(a, facts); break;
        case Artifact::Model: read_onnx(a, facts); break;
        case Artifact::Settings: read_settings_file(a, facts); break;
        case Artifact::CompiledCircuit: read_circuit(a, facts); break;
        case Artifact::Srs: read_srs_header(a, facts); break;
        case Artifact::ProvingKey:
        case Artifact::VerifyingKey: read_key(a); break;
        case Artifact::Witness: read_witness(a, facts); break;
        case Artifact::Proof: read_proof(a); break;
        }
    } catch (const Error& e) {
        a.state = ArtifactState::Invalid;
        a.problem = e.what();
        a.fix = e.fix().empty() ? remake_fix(a) : e.fix();
    } catch (const std::exception& e) {
        a.state = ArtifactState::Invalid;
        a.problem = a.path.string() + ": " + e.what();
        a.fix = remake_fix(a);
    }
}

void check_keys(Inventory& inv, const ProjectFacts& facts) {
    if (!facts.settings_digest) return;
    for (Artifact id : {Artifact::ProvingKey, Artifact::VerifyingKey}) {
        ArtifactStatus* a = inv.find(id);
        if (!a || a->state != ArtifactState::Present || a->size > max_read_size) continue;
        try {
            const auto bytes = read_file_bytes(a->path);
            if (id == Artifact::VerifyingKey) (void)plonk::decode_verifying_key_file(bytes, a->file, *facts.settings_digest);
            else (void)plonk::decode_proving_key_file(bytes, a->file, *facts.settings_digest);
        } catch (const Error& e) {
            a->state = ArtifactState::Inconsistent;
            a->problem = std::string(e.what()) + " (settings.json has digest " + to_hex(*facts.settings_digest).substr(0, 12) + "…)";
            a->fix = "run setup again";
        }
    }
}

}  // namespace ps::pipeline::detail
