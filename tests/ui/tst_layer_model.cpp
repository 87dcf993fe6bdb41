// The layer list model (LayerListModel + LayerFilterProxy) and the raw-value model, on a
// hand-written witness.json with known numbers and on the witness of the demo digit
// classifier computed by core (rows = inputs + nodes, values equal to core's result).
#include "ui/models/layer_filter_proxy.hpp"
#include "ui/models/layer_list_model.hpp"
#include "ui/models/raw_values_model.hpp"
#include "ui/models/tensor_text.hpp"

#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "demo_model.hpp"

#include "core/model/graph.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/witness/generate.hpp"

#include <QTemporaryDir>
#include <QtTest>

using namespace ps::ui;
using ps::LayerTrace;
using ps::WitnessResult;

namespace {
const std::string fixture = PROOFSCOPE_SOURCE_DIR "/tests/ui/data/small_witness.json";

std::shared_ptr<const WitnessResult> load_fixture() {
    return std::make_shared<WitnessResult>(ps::read_witness_json(fixture));
}

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole) {
    return m.index(row, column).data(role).toString();
}
}  // namespace

class TestLayerModel : public QObject {
    Q_OBJECT
private slots:
    void reads_the_fixture_trace() {
        const auto t = load_fixture();
        QCOMPARE(t->layers.size(), size_t(3));
        QCOMPARE(t->lookup_range.first, int64_t(-128));
        QCOMPARE(t->inputs.at(0).size(), size_t(4));
        QCOMPARE(t->outputs.at(0).size(), size_t(3));
        QCOMPARE(t->layers[1].quantised, (std::vector<int64_t>{16, -40, 127}));
        QCOMPARE(t->layers[2].kind, std::optional(ps::fixed::ProofKind::Lookup));
    }

    void rows_and_columns() {
        LayerListModel m;
        QCOMPARE(m.rowCount(), 0);
        m.set_trace(load_fixture());
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.columnCount(), int(LayerListModel::ColumnCount));
        // A flat list: no row has children, every parent is the root.
        QCOMPARE(m.rowCount(m.index(0, 0)), 0);
        QVERIFY(!m.index(0, 0, m.index(0, 0)).isValid());
        QVERIFY(!m.parent(m.index(1, 2)).isValid());
        QVERIFY(!m.index(3, 0).isValid());
        QCOMPARE(m.headerData(LayerListModel::Op, Qt::Horizontal).toString(), QString("Op"));
    }

    void values_per_column() {
        LayerListModel m;
        m.set_trace(load_fixture());
        QCOMPARE(cell(m, 1, LayerListModel::Index), QString("1"));
        QCOMPARE(cell(m, 1, LayerListModel::Name), QString("gemm_1"));
        QCOMPARE(cell(m, 1, LayerListModel::Op), QString("Gemm"));
        QCOMPARE(cell(m, 0, LayerListModel::Shape), QString("1×1×2×2"));
        QCOMPARE(cell(m, 1, LayerListModel::Scale), QString("4"));
        QCOMPARE(cell(m, 1, LayerListModel::Min), QString("-40"));
        QCOMPARE(cell(m, 1, LayerListModel::Max), QString("127"));
        QCOMPARE(cell(m, 1, LayerListModel::MaxError), QString("0.362"));
        QCOMPARE(m.index(1, LayerListModel::MaxError).data(LayerListModel::SortRole).toDouble(), 0.3625);
        QCOMPARE(cell(m, 2, LayerListModel::Kind), QString("lookup"));
        // The badge: saturated layers say how many values lie strictly outside their bounds.
        QCOMPARE(cell(m, 0, LayerListModel::Saturation), QString());
        QCOMPARE(cell(m, 1, LayerListModel::Saturation), QString("⚠ 1"));
        QVERIFY(!m.index(0, 0).data(LayerListModel::SaturatedRole).toBool());
        QVERIFY(m.index(2, 0).data(LayerListModel::SaturatedRole).toBool());
        // Tooltips give the real value behind an integer: -40 at scale 4 is -2.5.
        QVERIFY(cell(m, 1, LayerListModel::Min, Qt::ToolTipRole).contains("-2.5"));
        QVERIFY(cell(m, 1, LayerListModel::Saturation, Qt::ToolTipRole).contains("1 of 3 values lie outside the bounds [-128, 120]"));
    }

    void filter_by_name_op_and_saturation() {
        LayerListModel m;
        m.set_trace(load_fixture());
        LayerFilterProxy p;
        p.setSourceModel(&m);
        QCOMPARE(p.rowCount(), 3);
        p.set_text("relu");
        QCOMPARE(p.rowCount(), 1);
        QCOMPARE(p.index(0, LayerListModel::Name).data().toString(), QString("relu_2"));
        p.set_text("GEMM");  // the op, case-insensitive
        QCOMPARE(p.rowCount(), 1);
        QCOMPARE(p.mapToSource(p.index(0, 0)).row(), 1);
        p.set_text("input");  // name "input_0" and op "Input"
        QCOMPARE(p.rowCount(), 1);
        p.set_text("conv");
        QCOMPARE(p.rowCount(), 0);
        p.set_text("  ");
        QCOMPARE(p.rowCount(), 3);
        p.set_only_saturated(true);
        QCOMPARE(p.rowCount(), 2);
        p.set_text("input");
        QCOMPARE(p.rowCount(), 0);
    }

    void sorts_numerically() {
        LayerListModel m;
        m.set_trace(load_fixture());
        LayerFilterProxy p;
        p.setSourceModel(&m);
        p.sort(LayerListModel::Min, Qt::AscendingOrder);
        QCOMPARE(p.index(0, LayerListModel::Name).data().toString(), QString("gemm_1"));  // -40 < -2 < 0
        QCOMPARE(p.index(2, LayerListModel::Name).data().toString(), QString("relu_2"));
    }

    void raw_values() {
        RawValuesModel m;
        m.set_layer(load_fixture(), 1);
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.cell_text(1, RawValuesModel::Position), QString("[0, 1]"));
        QCOMPARE(m.cell_text(1, RawValuesModel::Quantised), QString("-40"));
        // r − 40, with r the BN254 scalar field modulus (EIP-197).
        QCOMPARE(m.cell_text(1, RawValuesModel::FieldElement),
                 QString("0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593efffffd9"));
        QCOMPARE(m.cell_text(0, RawValuesModel::FieldElement),
                 QString("0x0000000000000000000000000000000000000000000000000000000000000010"));
        QCOMPARE(m.index(1, RawValuesModel::Dequantised).data(RawValuesModel::NumericRole).toDouble(), -2.5);
        QCOMPARE(m.index(1, RawValuesModel::FloatReference).data(RawValuesModel::NumericRole).toDouble(), -2.52);
        QVERIFY(qAbs(m.index(1, RawValuesModel::AbsError).data(RawValuesModel::NumericRole).toDouble() - 0.02) < 1e-12);
        // 127 sits at the bound 127: shown in red.
        QVERIFY(m.index(2, RawValuesModel::Quantised).data(Qt::ForegroundRole).isValid());
        QVERIFY(!m.index(0, RawValuesModel::Quantised).data(Qt::ForegroundRole).isValid());
        m.set_layer(nullptr, -1);
        QCOMPARE(m.rowCount(), 0);
    }

    void a_million_values_cost_only_what_is_shown() {
        auto t = std::make_shared<WitnessResult>();
        LayerTrace l;
        l.name = "big";
        l.op = "Relu";
        l.shape = {1, 1000, 1000};
        l.scale = 7;
        l.quantised.resize(1'000'000);
        for (size_t i = 0; i < l.quantised.size(); ++i) l.quantised[i] = int64_t(i) - 500'000;
        t->layers.push_back(std::move(l));
        RawValuesModel m;
        m.set_layer(t, 0);
        QCOMPARE(m.rowCount(), 1'000'000);
        QCOMPARE(m.cell_text(999'999, RawValuesModel::Position), QString("[0, 999, 999]"));
        QCOMPARE(m.cell_text(999'999, RawValuesModel::Quantised), QString("499999"));
        QCOMPARE(m.cell_text(0, RawValuesModel::FloatReference), QString());  // no reference in this layer
    }

    void multi_index() {
        QCOMPARE(multi_index_text({1, 4, 4, 4}, 17), std::string("[0, 1, 0, 1]"));
        QCOMPARE(multi_index_text({}, 0), std::string("[]"));
    }

    void rejects_a_truncated_file() {
        QTemporaryDir dir;
        const std::string text = ps::read_file_text(fixture);
        const std::string path = dir.filePath("witness.json").toStdString();
        ps::write_file_atomically(path, std::string_view(text).substr(0, text.size() / 2));
        try {
            ps::read_witness_json(path);
            QFAIL("a truncated witness.json was accepted");
        } catch (const ps::Error& e) {
            QVERIFY(QString(e.where().c_str()).contains("witness.json"));
            QVERIFY(QString(e.problem().c_str()).contains("not valid JSON"));
        }
    }

    void rejects_values_that_do_not_fit_the_shape() {
        QTemporaryDir dir;
        std::string text = ps::read_file_text(fixture);
        const std::string from = "\"quantised\": [16, -40, 127]", to = "\"quantised\": [16, -40]";
        text.replace(text.find(from), from.size(), to);
        const std::string path = dir.filePath("witness.json").toStdString();
        ps::write_file_atomically(path, text);
        try {
            ps::read_witness_json(path);
            QFAIL("a layer with too few values was accepted");
        } catch (const ps::Error& e) {
            QCOMPARE(QString::fromStdString(e.where()), QString("witness.json: layers[1]"));
            QVERIFY(QString::fromStdString(e.problem()).contains("shape 1×3 needs 3 quantised values, found 2"));
        }
    }

    // The demo classifier through core: what the list shows is what core computed.
    void demo_model_witness() {
        QTemporaryDir dir;
        const std::filesystem::path folder = dir.path().toStdString();
        ps::demo::write_demo_project(folder);
        const ps::model::Graph graph = ps::model::load_onnx(folder / "network.onnx");
        const ps::CircuitPlan plan = ps::plan_circuit(graph, ps::RunArgs{}, false);
        const ps::InputData input = ps::read_input_json(folder / "input.json", ps::input_shapes(graph));
        ps::NullProgress progress;
        const ps::WitnessResult w = ps::generate_witness(plan.circuit, input, progress);
        ps::write_witness_json(w, folder / "witness.json");

        LayerListModel m;
        m.set_trace(std::make_shared<WitnessResult>(ps::read_witness_json(folder / "witness.json")));
        QCOMPARE(size_t(m.rowCount()), graph.inputs.size() + graph.nodes.size());
        const QStringList ops = {"Input", "Conv", "Relu", "MaxPool", "Flatten", "Gemm"};
        for (int r = 0; r < m.rowCount(); ++r) QCOMPARE(cell(m, r, LayerListModel::Op), ops[r]);
        QCOMPARE(cell(m, 1, LayerListModel::Shape), QString("1×4×8×8"));
        QCOMPARE(cell(m, 5, LayerListModel::Shape), QString("1×10"));

        const LayerTrace* logits = m.layer(5);
        QVERIFY(logits);
        QCOMPARE(logits->quantised, w.outputs.at(0));
        QCOMPARE(logits->min, *std::min_element(w.outputs[0].begin(), w.outputs[0].end()));
        for (size_t i = 0; i < logits->size(); ++i)
            QCOMPARE(logits->dequantised(i), double(logits->quantised[i]) / double(int64_t(1) << logits->scale));
        // The demo network classifies its input (a "3") correctly, in float and in the circuit.
        auto argmax = [](const auto& v) { return size_t(std::max_element(v.begin(), v.end()) - v.begin()); };
        QCOMPARE(argmax(logits->float_reference), size_t(3));
        QCOMPARE(argmax(logits->quantised), size_t(3));
        QVERIFY(logits->max_abs_error < 0.1);
    }
};

QTEST_GUILESS_MAIN(TestLayerModel)
#include "tst_layer_model.moc"
