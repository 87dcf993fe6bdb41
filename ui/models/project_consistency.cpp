// Whether the artifacts of a project belong together: network.ezkl compiled with this
// settings.json, an SRS large enough for logrows, input.json sized for the model, and
// outputs newer than what they were made from (a stale witness shows old numbers).
#include "ui/models/artifact_readers.hpp"

namespace ps::ui {

namespace {

ArtifactStatus* find(ProjectStatus& s, const char* file) {
    for (auto& a : s.artifacts)
        if (a.file == file) return &a;
    return nullptr;
}

bool usable(const ArtifactStatus* a) {
    return a && (a->state == ArtifactState::Present || a->state == ArtifactState::Inconsistent);
}

void inconsistent(ArtifactStatus* a, const QString& problem, const QString& fix) {
    if (!a || a->state == ArtifactState::Invalid) return;
    a->state = ArtifactState::Inconsistent;
    a->problem = a->problem.isEmpty() ? problem : a->problem + "; " + problem;
    if (a->fix.isEmpty()) a->fix = fix;
}

// `newer` was made from `older`: flag it when `older` changed afterwards.
void check_newer(ProjectStatus& s, const char* newer, const char* older) {
    ArtifactStatus* n = find(s, newer);
    const ArtifactStatus* o = find(s, older);
    if (!usable(n) || !usable(o) || !n->modified.isValid() || !o->modified.isValid()) return;
    if (o->modified > n->modified)
        inconsistent(n, QString("older than %1, which changed after it was made").arg(older),
                     QString("run %1 again").arg(n->make_command));
}

}  // namespace

void check_consistency(ProjectStatus& s, ProjectFacts& f) {
    if (f.circuit_settings_digest && f.settings_digest && *f.circuit_settings_digest != *f.settings_digest)
        inconsistent(find(s, "network.ezkl"),
                     QString("compiled with other settings (settings digest %1…, settings.json has %2…)")
                         .arg(QString::fromStdString(f.circuit_settings_digest->substr(0, 12)),
                              QString::fromStdString(f.settings_digest->substr(0, 12))),
                     "run compile-circuit again");

    if (f.srs_k && f.logrows && *f.srs_k < *f.logrows)
        inconsistent(find(s, "kzg.srs"),
                     QString("SRS k = %1 is smaller than logrows = %2: the circuit needs 2^%2 points")
                         .arg(*f.srs_k).arg(*f.logrows),
                     QString("run gen-srs with --logrows %1 (or a larger SRS)").arg(*f.logrows));

    if (!f.model_input_sizes.empty() && !f.input_json_sizes.empty()) {
        if (f.model_input_sizes.size() != f.input_json_sizes.size())
            inconsistent(find(s, "input.json"),
                         QString("has %1 inputs, the model expects %2")
                             .arg(f.input_json_sizes.size()).arg(f.model_input_sizes.size()),
                         "one input_data array per model input");
        else
            for (size_t i = 0; i < f.model_input_sizes.size(); ++i)
                if (f.model_input_sizes[i] != f.input_json_sizes[i])
                    inconsistent(find(s, "input.json"),
                                 QString("input %1 has %2 values, the model expects %3")
                                     .arg(i).arg(f.input_json_sizes[i]).arg(f.model_input_sizes[i]),
                                 "load an image or edit input.json to match the model's input shape");
    }

    if (f.witness_lookup_range && f.settings_lookup_range && *f.witness_lookup_range != *f.settings_lookup_range)
        inconsistent(find(s, "witness.json"),
                     QString("lookup range [%1, %2] differs from settings.json's [%3, %4]")
                         .arg(f.witness_lookup_range->first).arg(f.witness_lookup_range->second)
                         .arg(f.settings_lookup_range->first).arg(f.settings_lookup_range->second),
                     "run gen-witness again");

    check_newer(s, "settings.json", "network.onnx");
    check_newer(s, "network.ezkl", "settings.json");
    check_newer(s, "pk.key", "network.ezkl");
    check_newer(s, "vk.key", "network.ezkl");
    check_newer(s, "witness.json", "network.ezkl");
    check_newer(s, "witness.json", "input.json");
    check_newer(s, "proof.json", "witness.json");
    check_newer(s, "proof.json", "pk.key");
}

}  // namespace ps::ui
