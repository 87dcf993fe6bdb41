// The binary artifacts: network.ezkl through core's reader (magic, version, payload
// digest, embedded settings digest); pk.key / vk.key by their header until their
// readers land in core/plonk.
#include "ui/models/artifact_readers.hpp"

#include "core/artifacts/compiled_circuit.hpp"
#include "core/util/error.hpp"

#include <QFile>

namespace ps::ui {

namespace {

void read_circuit(ArtifactStatus& a, ProjectFacts& facts) {
    const CompiledCircuit c = read_compiled_circuit(a.path.toStdString());
    a.facts << QString("%1 nodes, %2 parameter tensors").arg(c.graph.nodes.size()).arg(c.params.size())
            << QString("compiled for logrows %1").arg(c.settings.run_args.logrows);
    facts.circuit_settings_digest = to_hex(settings_digest(c.settings));
}

void read_key(ArtifactStatus& a) {
    QFile f(a.path);
    if (!f.open(QIODevice::ReadOnly)) throw Error(a.path.toStdString(), "cannot be opened");
    if (f.size() < 16)
        throw Error(a.path.toStdString(), std::to_string(f.size()) + " bytes is too short for a key file",
                    "run setup again");
}

}  // namespace

void read_binary_artifact(ArtifactStatus& a, ProjectFacts& facts) {
    if (a.file == "network.ezkl") read_circuit(a, facts);
    else read_key(a);
}

}  // namespace ps::ui
