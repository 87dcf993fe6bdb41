#include "ui/models/artifact_readers.hpp"

#include "core/artifacts/settings.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/model/graph.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "core/util/sha256.hpp"
#include "ui/models/input_document.hpp"
#include "ui/models/witness_trace.hpp"

#include <QFile>
#include <nlohmann/json.hpp>

namespace ps::ui {

namespace {

// Hashing a multi-GB key would stall the panel; those show their size only.
constexpr qint64 max_hashed_size = 256LL << 20;

QString short_digest(const Sha256Digest& d) { return QString::fromStdString(to_hex(d)).left(16); }

QString file_digest(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    Sha256 h;
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(1 << 20);
        h.update(std::span(reinterpret_cast<const uint8_t*>(chunk.data()), size_t(chunk.size())));
    }
    return short_digest(h.finish());
}

void invalid(ArtifactStatus& a, const std::string& problem, const QString& fix) {
    a.state = ArtifactState::Invalid;
    a.problem = QString::fromStdString(problem);
    a.fix = fix;
}

QString remake_fix(const ArtifactStatus& a) {
    return a.make_command.isEmpty() ? QString("replace the file")
                                    : QString("run %1 again to rewrite it").arg(a.make_command);
}

void read_onnx(ArtifactStatus& a, ProjectFacts& facts) {
    const model::Graph g = model::load_onnx(a.path.toStdString());
    a.facts << QString("%1 nodes, opset %2").arg(g.nodes.size()).arg(g.opset);
    for (const auto& in : g.inputs) {
        a.facts << QString("input %1: %2").arg(QString::fromStdString(in.name),
                                               QString::fromStdString(model::shape_to_string(in.shape)));
        facts.model_input_sizes.push_back(model::element_count(in.shape));
        facts.model_input_shapes.push_back(in.shape);
    }
}

void read_settings_file(ArtifactStatus& a, ProjectFacts& facts) {
    const Settings s = read_settings(a.path.toStdString());
    const RunArgs& r = s.run_args;
    a.facts << QString("logrows %1 (%2 rows used)").arg(r.logrows).arg(s.num_rows)
            << QString("scales: input %1, param %2").arg(r.input_scale).arg(r.param_scale)
            << QString("lookup range [%1, %2]").arg(r.lookup_range_lo).arg(r.lookup_range_hi)
            << QString("visibility: input %1, output %2, params %3")
                   .arg(QString::fromStdString(to_string(r.input_visibility)),
                        QString::fromStdString(to_string(r.output_visibility)),
                        QString::fromStdString(to_string(r.param_visibility)));
    facts.settings_digest = to_hex(settings_digest(s));
    facts.logrows = r.logrows;
    facts.settings_lookup_range = std::pair{r.lookup_range_lo, r.lookup_range_hi};
}

void read_srs(ArtifactStatus& a, ProjectFacts& facts) {
    QFile f(a.path);
    if (!f.open(QIODevice::ReadOnly)) throw Error(a.path.toStdString(), "cannot be opened");
    const QByteArray head = f.read(4);
    if (head.size() < 4)
        throw Error(a.path.toStdString(), "shorter than its 4-byte header", "run gen-srs again");
    uint32_t k = 0;
    for (int i = 3; i >= 0; --i) k = (k << 8) | uint8_t(head[i]);  // little-endian u32
    if (k == 0 || k > 28)
        throw Error(a.path.toStdString(), "k = " + std::to_string(k) + " is outside 1..28",
                    "this is not a halo2 KZG parameter file");
    const uint64_t expected = ps::srs_file_size(k);
    if (uint64_t(a.size) != expected)
        throw Error(a.path.toStdString(),
                    std::to_string(a.size) + " bytes, but an SRS with k = " + std::to_string(k) +
                        " has " + std::to_string(expected),
                    "the file is truncated or not a halo2 ParamsKZG file: run gen-srs again");
    a.facts << QString("k = %1 (2^%1 = %2 points)").arg(k).arg(qulonglong(1) << k);
    facts.srs_k = k;
}

void read_witness(ArtifactStatus& a, ProjectFacts& facts) {
    auto trace = std::make_shared<WitnessTrace>(load_witness_trace(a.path.toStdString()));
    const WitnessTrace& w = *trace;
    size_t saturated_layers = 0;
    for (const auto& l : w.layers) saturated_layers += l.saturated > 0;
    a.facts << QString("%1 layers, %2 inputs, %3 outputs").arg(w.layers.size()).arg(w.input_count).arg(w.output_count);
    if (saturated_layers) a.facts << QString("%1 layers with values at the bounds").arg(saturated_layers);
    facts.witness_lookup_range = w.lookup_range;
    facts.witness = std::move(trace);
}

void read_proof(ArtifactStatus& a) {
    const auto doc = nlohmann::json::parse(read_file_text(a.path.toStdString()));
    if (!doc.is_object() || !doc.contains("proof"))
        throw Error(a.path.toStdString() + ": proof", "missing field", "run prove again");
    if (doc.contains("instances") && doc["instances"].is_array())
        a.facts << QString("%1 instance columns").arg(doc["instances"].size());
    if (doc["proof"].is_array()) a.facts << QString("%1 proof bytes").arg(doc["proof"].size());
}

void read_input(ArtifactStatus& a, ProjectFacts& facts) {
    const InputDocument d = InputDocument::read(a.path);
    QStringList sizes;
    for (const auto& in : d.inputs) {
        sizes << QString::number(in.size());
        facts.input_json_sizes.push_back(in.size());
    }
    a.facts << QString("%1 input(s) of %2 values").arg(d.inputs.size()).arg(sizes.join(", "));
}

}  // namespace

void read_artifact(ArtifactStatus& a, ProjectFacts& facts) {
    if (a.size <= max_hashed_size) a.digest = file_digest(a.path);
    a.facts << QString("%1 bytes%2").arg(a.size).arg(a.digest.isEmpty() ? "" : ", sha256 " + a.digest);
    try {
        if (a.file == "network.onnx") read_onnx(a, facts);
        else if (a.file == "settings.json") read_settings_file(a, facts);
        else if (a.file == "kzg.srs") read_srs(a, facts);
        else if (a.file == "witness.json") read_witness(a, facts);
        else if (a.file == "proof.json") read_proof(a);
        else if (a.file == "input.json") read_input(a, facts);
        else read_binary_artifact(a, facts);
    } catch (const Error& e) {
        invalid(a, e.what(), e.fix().empty() ? remake_fix(a) : QString::fromStdString(e.fix()));
    } catch (const nlohmann::json::exception& e) {
        invalid(a, a.path.toStdString() + ": not valid JSON (" + e.what() + ")", remake_fix(a));
    } catch (const std::exception& e) {
        invalid(a, a.path.toStdString() + ": " + e.what(), remake_fix(a));
    }
}

}  // namespace ps::ui
