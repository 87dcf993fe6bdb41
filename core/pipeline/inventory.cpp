#include "core/pipeline/inventory.hpp"

#include "core/pipeline/inventory_facts.hpp"

namespace ps::pipeline {

std::string_view to_string(ArtifactState s) {
    switch (s) {
    case ArtifactState::Present: return "present";
    case ArtifactState::Missing: return "missing";
    case ArtifactState::Invalid: return "invalid";
    case ArtifactState::Inconsistent: return "inconsistent";
    }
    return {};
}

bool StepFilter::is_available(std::string_view step) const {
    if (available) return available->contains(step);
    const StepSpec* s = find_step(step);
    return s && s->available;
}

std::string StepFilter::reason(std::string_view step) const {
    if (is_available(step)) return {};
    const StepSpec* s = find_step(step);
    if (s && !s->unavailable_reason.empty())
        return std::string(step) + " is not available in this version: " + std::string(s->unavailable_reason);
    return std::string(step) + " is not available in this version";
}

bool Inventory::consistent() const {
    for (const auto& a : artifacts)
        if (a.state == ArtifactState::Invalid || a.state == ArtifactState::Inconsistent) return false;
    return true;
}

const ArtifactStatus* Inventory::find(Artifact id) const {
    for (const auto& a : artifacts)
        if (a.id == id) return &a;
    return nullptr;
}

ArtifactStatus* Inventory::find(Artifact id) {
    for (auto& a : artifacts)
        if (a.id == id) return &a;
    return nullptr;
}

const ArtifactStatus* Inventory::find(std::string_view file) const {
    for (const auto& a : artifacts)
        if (a.file == file) return &a;
    return nullptr;
}

namespace {

// The first step that reads `a`, when it is not the step that makes something the user
// asked for directly (kzg.srs is read by setup only).
const StepSpec* first_reader(Artifact a) {
    for (const auto& s : step_specs())
        for (Artifact r : s.reads)
            if (r == a && s.name != "gen-srs") return &s;
    return nullptr;
}

}  // namespace

Inventory inspect(const Project& project, const StepFilter& steps) {
    Inventory inv;
    detail::ProjectFacts facts;
    for (const ArtifactSpec& spec : artifact_specs()) {
        ArtifactStatus a;
        a.id = spec.id;
        a.file = std::string(spec.file_name);
        a.purpose = std::string(spec.purpose);
        a.path = project.path(spec.id);
        if (const StepSpec* maker = step_making(spec.id)) {
            a.make_step = std::string(maker->name);
            a.step_available = steps.is_available(a.make_step);
            if (!a.step_available) a.unavailable_reason = steps.reason(a.make_step);
        }
        // An SRS only matters once a step that reads it can run.
        if (spec.id == Artifact::Srs) {
            const StepSpec* reader = first_reader(spec.id);
            a.needed_now = !reader || steps.is_available(reader->name);
        }
        inv.artifacts.push_back(std::move(a));
    }
    for (auto& a : inv.artifacts) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(a.path, ec)) continue;
        a.state = ArtifactState::Present;
        a.size = std::filesystem::file_size(a.path, ec);
        const auto mtime = std::filesystem::last_write_time(a.path, ec);
        if (!ec) a.modified = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
                     std::chrono::file_clock::to_sys(mtime));
        detail::read_artifact(a, facts);
    }
    detail::check_keys(inv, facts);
    detail::check_consistency(inv, facts);
    // A fix that says "run setup again" would send the user to a step this build lacks.
    for (auto& a : inv.artifacts)
        if (!a.step_available && !a.fix.empty()) a.fix = "it cannot be remade here: " + a.unavailable_reason;
    inv.model_input_shapes = facts.model_input_shapes;
    inv.witness = facts.witness;
    inv.logrows = facts.logrows.value_or(0);
    return inv;
}

}  // namespace ps::pipeline
