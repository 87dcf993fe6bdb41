// Whether the artifacts of a project belong together: network.ezkl compiled with this
// settings.json, an SRS large enough for logrows, input.json sized for the model, a
// witness made with this lookup range, and outputs newer than what they were made from
// (a stale witness shows old numbers). Messages name both files and the field.
#include "core/artifacts/input_data.hpp"
#include "core/model/graph.hpp"
#include "core/pipeline/inventory_facts.hpp"

namespace ps::pipeline::detail {

namespace {

bool usable(const ArtifactStatus* a) {
    return a && (a->state == ArtifactState::Present || a->state == ArtifactState::Inconsistent);
}

void inconsistent(ArtifactStatus* a, const std::string& problem, const std::string& fix) {
    if (!a || a->state == ArtifactState::Invalid) return;
    a->state = ArtifactState::Inconsistent;
    a->problem = a->problem.empty() ? problem : a->problem + "; " + problem;
    if (a->fix.empty()) a->fix = fix;
}

std::string range_text(const std::pair<int64_t, int64_t>& r) {
    // Appending (rather than "[" + ...) keeps GCC 12's -Wrestrict false positive away.
    std::string s = "[";
    s += std::to_string(r.first);
    s += ", ";
    s += std::to_string(r.second);
    s += "]";
    return s;
}

// Every step's outputs were made from its inputs: flag an output older than an input.
void check_newer(Inventory& inv) {
    for (const StepSpec& step : step_specs())
        for (Artifact out : step.writes)
            for (Artifact in : step.reads) {
                // calibrate-settings reads input.json, but settings.json need not follow every new input.
                if (step.name == "calibrate-settings" || (step.name == "gen-srs" && in == Artifact::Settings)) continue;
                ArtifactStatus* n = inv.find(out);
                const ArtifactStatus* o = inv.find(in);
                if (!usable(n) || !usable(o) || !n->modified || !o->modified) continue;
                if (*o->modified > *n->modified)
                    inconsistent(n, "older than " + o->file + ", which changed after it was made",
                                 "run " + n->make_step + " again");
            }
}

}  // namespace

void check_consistency(Inventory& inv, const ProjectFacts& f) {
    if (f.circuit_settings_digest && f.settings_digest && *f.circuit_settings_digest != *f.settings_digest)
        inconsistent(inv.find(Artifact::CompiledCircuit),
                     "compiled with other settings (settings digest " + to_hex(*f.circuit_settings_digest).substr(0, 12) +
                         "…, settings.json has " + to_hex(*f.settings_digest).substr(0, 12) + "…)",
                     "run compile-circuit again");

    if (f.srs_k && f.logrows && *f.srs_k < *f.logrows)
        inconsistent(inv.find(Artifact::Srs),
                     "SRS k = " + std::to_string(*f.srs_k) + " is smaller than logrows = " + std::to_string(*f.logrows) +
                         " (settings.json run_args.logrows): the circuit needs 2^" + std::to_string(*f.logrows) + " points",
                     "run gen-srs with --logrows " + std::to_string(*f.logrows) + " (or a larger SRS)");

    if (!f.model_input_shapes.empty() && !f.input_json_sizes.empty()) {
        ArtifactStatus* input = inv.find(Artifact::Input);
        if (f.model_input_shapes.size() > f.input_json_sizes.size())
            inconsistent(input,
                         "input_data has " + std::to_string(f.input_json_sizes.size()) + " inputs, network.onnx expects " +
                             std::to_string(f.model_input_shapes.size()),
                         "one input_data array per model input");
        else
            for (size_t i = 0; i < f.model_input_shapes.size(); ++i) {
                const size_t expected = size_t(model::element_count(f.model_input_shapes[i]));
                if (expected != f.input_json_sizes[i])
                    inconsistent(input,
                                 "input_data[" + std::to_string(i) + "]: input " + std::to_string(i) + " has " +
                                     std::to_string(f.input_json_sizes[i]) + " values, the model expects " +
                                     std::to_string(expected) + " (" + format_shape(f.model_input_shapes[i]) + ")",
                                 "load an image or edit input.json to match the model's input shape");
            }
    }

    if (f.witness_lookup_range && f.settings_lookup_range && *f.witness_lookup_range != *f.settings_lookup_range)
        inconsistent(inv.find(Artifact::Witness),
                     "lookup_range " + range_text(*f.witness_lookup_range) + " differs from settings.json's run_args.lookup_range " +
                         range_text(*f.settings_lookup_range),
                     "run gen-witness again");

    check_newer(inv);
}

}  // namespace ps::pipeline::detail
