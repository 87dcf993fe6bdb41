// The plots, the input view and the main window, offscreen: empty states that say what
// to do, slices and bins with known answers, exports that write real files, and a
// project folder opened end to end.
#include "ui/main_window.hpp"
#include "ui/models/input_image.hpp"
#include "ui/widgets/error_growth_plot.hpp"
#include "ui/widgets/error_panel.hpp"
#include "ui/widgets/drawing_pad.hpp"
#include "ui/widgets/input_view.hpp"
#include "ui/widgets/layer_heatmap.hpp"
#include "ui/widgets/layer_list_view.hpp"
#include "ui/widgets/range_plot.hpp"
#include "ui/widgets/value_histogram.hpp"

#include <QDir>
#include <QFile>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ps::ui;
using ps::LayerTrace;
using ps::WitnessResult;

namespace {
const QString fixture = PROOFSCOPE_SOURCE_DIR "/tests/ui/data/small_witness.json";

std::shared_ptr<const WitnessResult> load_fixture() {
    return std::make_shared<WitnessResult>(ps::read_witness_json(fixture.toStdString()));
}

QStringList lines_of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}
}  // namespace

class TestViews : public QObject {
    Q_OBJECT
private slots:
    void empty_views_say_what_to_do() {
        LayerHeatmap heatmap;
        ValueHistogram histogram;
        ErrorGrowthPlot growth;
        QVERIFY(heatmap.showing_empty_state());
        QVERIFY(heatmap.empty_message().contains("Open an artifact folder (Ctrl+O)"));
        QVERIFY(histogram.empty_message().contains("Pick a layer"));
        QVERIFY(growth.empty_message().contains("Run all missing steps"));
        RangePlot ranges;
        QVERIFY(ranges.showing_empty_state());
        QString error;
        QTemporaryDir dir;
        QVERIFY(!heatmap.export_to(dir.filePath("x.png"), &error));
        QVERIFY(error.contains("empty"));
    }

    void heatmap_slices_and_exports() {
        auto t = std::make_shared<WitnessResult>();
        LayerTrace l;
        l.name = "conv";
        l.op = "Conv";
        l.shape = {1, 3, 2, 2};
        l.scale = 1;  // dequantised = quantised / 2
        for (int i = 0; i < 12; ++i) {
            l.quantised.push_back(i);

            l.float_reference.push_back(i / 2.0 + 0.01);
        }
        t->layers.push_back(l);
        LayerHeatmap heatmap;
        heatmap.resize(500, 400);
        heatmap.set_layer(t, 0);
        QVERIFY(!heatmap.showing_empty_state());
        QCOMPARE(heatmap.slice_count(), 3);
        heatmap.set_slice(2);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(heatmap.export_to(dir.filePath("slice.csv"), &error), qPrintable(error));
        const QStringList csv = lines_of(dir.filePath("slice.csv"));
        QCOMPARE(csv.size(), 5);
        QCOMPARE(csv[0], QString("row,column,value"));
        QCOMPARE(csv[1], QString("0,0,4"));  // channel 2 starts at flat index 8: 8 / 2
        QCOMPARE(csv[4], QString("1,1,5.5"));
        heatmap.set_quantity(LayerHeatmap::Quantity::AbsError);
        QVERIFY(heatmap.export_to(dir.filePath("error.csv"), &error));
        QVERIFY(lines_of(dir.filePath("error.csv"))[1].startsWith("0,0,0.01"));
        for (const char* f : {"slice.png", "slice.pdf"}) {
            QVERIFY2(heatmap.export_to(dir.filePath(f), &error), qPrintable(error));
            QVERIFY(QFileInfo(dir.filePath(f)).size() > 1000);
        }
        // Exports go through ps::write_file_atomically (ui/atomic_export.hpp): the file is
        // complete (its format's signature), an existing one is replaced, and nothing else
        // — no Qt temporary, no ".part" — is left in the folder.
        QFile marker(dir.filePath("slice.png"));
        QVERIFY(marker.open(QIODevice::WriteOnly) && marker.write("old") == 3);
        marker.close();
        QVERIFY2(heatmap.export_to(dir.filePath("slice.png"), &error), qPrintable(error));
        auto head = [&](const char* f) {
            QFile in(dir.filePath(f));
            return in.open(QIODevice::ReadOnly) ? in.read(4) : QByteArray();
        };
        QCOMPARE(head("slice.png"), QByteArray("\x89PNG"));
        QCOMPARE(head("slice.pdf"), QByteArray("%PDF"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
                 (QStringList{"error.csv", "slice.csv", "slice.pdf", "slice.png"}));
        QVERIFY(!heatmap.export_to(dir.filePath("no-such-folder/slice.png"), &error));
        QVERIFY2(error.contains("no-such-folder"), qPrintable(error));
        QVERIFY(!heatmap.export_to(dir.filePath("slice.bmp"), &error));
        QVERIFY(error.contains("unknown format"));
    }

    void histogram_bins_integers() {
        const HistogramBins b = histogram_bins({0, 1, 1, 3}, 80);
        QCOMPARE(b.width, 1.0);
        QCOMPARE(b.first_edge, -0.5);
        QCOMPARE(b.counts, (std::vector<double>{1, 2, 0, 1}));
        const HistogramBins wide = histogram_bins({16, -40, 127}, 80);
        QCOMPARE(wide.width, 3.0);  // 168 integers in at most 80 bins
        double total = 0;
        for (double c : wide.counts) total += c;
        QCOMPARE(total, 3.0);
        QCOMPARE(wide.counts.back(), 1.0);  // 127 in the last bin
    }

    void histogram_marks_saturation() {
        // Bounds [-2, 5]: -3 and 6 lie outside (saturated), -2 and 5 sit on the bounds (in range).
        auto t = std::make_shared<WitnessResult>();
        LayerTrace l;
        l.name = "clip";
        l.op = "Clip";
        l.shape = {1, 6};
        l.quantised = {-3, -2, 0, 3, 5, 6};
        l.min = -3;
        l.max = 6;
        l.bounds = std::pair<int64_t, int64_t>{-2, 5};
        l.saturated = 2;
        t->layers.push_back(l);
        ValueHistogram h;
        h.resize(600, 400);
        h.set_layer(t, 0);
        QVERIFY(!h.showing_empty_state());
        QCOMPARE(h.bins().width, 1.0);
        QCOMPARE(h.bins().counts.size(), size_t(10));  // one bin per integer in -3..6
        for (size_t i = 0; i < h.bins().counts.size(); ++i) {
            const int64_t value = int64_t(i) - 3;
            QVERIFY2(h.bin_saturated(i) == (value == -3 || value == 6), qPrintable(QString::number(value)));
        }

        // The fixture's gemm layer: 127 is beyond its bound 120; -40 and 16 are not.
        h.set_layer(load_fixture(), 1);
        const HistogramBins& b = h.bins();
        for (size_t i = 0; i < b.counts.size(); ++i)
            QCOMPARE(h.bin_saturated(i), i == b.counts.size() - 1);
        QTemporaryDir dir;
        QString error;
        QVERIFY(h.export_to(dir.filePath("h.csv"), &error));
        QCOMPARE(lines_of(dir.filePath("h.csv")).size(), int(h.bins().counts.size()) + 1);
        QVERIFY(h.export_to(dir.filePath("h.png"), &error));
    }

    void largest_error_jump_is_found() {
        // gemm_1 goes from 0.02 (its input) to 0.3625; relu_2 adds nothing.
        QCOMPARE(layer_with_largest_error_jump(*load_fixture()), 1);
        ErrorGrowthPlot growth;
        growth.set_trace(load_fixture());
        QVERIFY(!growth.showing_empty_state());
        QTemporaryDir dir;
        QString error;
        QVERIFY(growth.export_to(dir.filePath("g.csv"), &error));
        const QStringList csv = lines_of(dir.filePath("g.csv"));
        QCOMPARE(csv.size(), 4);
        QVERIFY(csv[2].startsWith("1,gemm_1,Gemm,0.3625"));
        RangePlot ranges;
        ranges.set_trace(load_fixture());
        QVERIFY(ranges.export_to(dir.filePath("r.csv"), &error));
        QCOMPARE(lines_of(dir.filePath("r.csv"))[2], QString("1,gemm_1,Gemm,4,-40,127,-128,120,1"));
    }

    void input_view_loads_an_image_and_saves_input_json() {
        QTemporaryDir dir;
        const QString input = dir.filePath("input.json");
        InputView view;
        view.set_input(input, {1, 1, 8, 8});  // no file yet: zeros
        QCOMPARE(view.document().inputs.at(0).size(), size_t(64));
        QString error;
        QVERIFY2(view.load_image(PROOFSCOPE_SOURCE_DIR "/resources/demo/samples/digit_1.png", &error), qPrintable(error));
        QVERIFY(view.dirty());
        const auto& v = view.document().inputs[0];
        // digit_1.png: the "1" glyph at column offset 1; its stem is font column 2 → image column 3.
        QVERIFY(v[1 * 8 + 3] > 0.9);  // ink (dark) → high after inversion
        QVERIFY(v[0 * 8 + 0] < 0.1);  // white page → 0
        QVERIFY(view.save(&error));
        QVERIFY(!view.dirty());
        const ps::InputData back = ps::read_input_json(input.toStdString(), {{1, 1, 8, 8}});  // the CLI's reader
        QCOMPARE(back.inputs.size(), size_t(1));
        for (size_t i = 0; i < 64; ++i) QVERIFY(qAbs(back.inputs[0][i] - v[i]) < 1e-6);
    }

    // A "1" drawn down the middle of the pad, through its mouse events: ink lands in the
    // middle columns (high after inversion) and nowhere near the left and right edges.
    void input_view_uses_a_drawn_digit() {
        QTemporaryDir dir;
        InputView view;
        view.set_input(dir.filePath("input.json"), {1, 1, 8, 8});
        view.open_drawing_pad();
        DrawingPad* pad = view.drawing_pad();
        QVERIFY(pad && pad->blank());
        QString error;
        QVERIFY(!view.use_drawing(&error));  // nothing drawn yet
        pad->resize(280, 280);
        const QPointF top(140, 30), bottom(140, 250);
        QMouseEvent press(QEvent::MouseButtonPress, top, pad->mapToGlobal(top), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(pad, &press);
        QMouseEvent move(QEvent::MouseMove, bottom, pad->mapToGlobal(bottom), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(pad, &move);
        QVERIFY(!pad->blank());
        QVERIFY2(view.use_drawing(&error), qPrintable(error));
        QVERIFY(view.dirty());
        const auto& v = view.document().inputs[0];
        for (int row = 2; row < 6; ++row) {
            // x = 140 is the border of columns 3 and 4: the ink splits between them.
            const double middle = v[size_t(row * 8 + 3)] + v[size_t(row * 8 + 4)];
            QVERIFY2(middle > 0.6, qPrintable(QString("row %1: %2").arg(row).arg(middle)));
            QVERIFY(v[size_t(row * 8 + 0)] < 0.05 && v[size_t(row * 8 + 7)] < 0.05);
        }
        pad->clear();
        QVERIFY(pad->blank());
    }

    void image_shapes() {
        ImageShape s;
        QVERIFY(image_shape_of({1, 1, 8, 8}, s));
        QCOMPARE(s.height, 8);
        QVERIFY(image_shape_of({1, 3, 32, 32}, s));
        QCOMPARE(s.channels, 3);
        QVERIFY(!image_shape_of({1, 10}, s));
        QVERIFY(!image_shape_of({1, 5, 8, 8}, s));
    }

    void main_window_opens_a_project_folder() {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture, dir.filePath("witness.json")));
        MainWindow w;
        QSignalSpy loaded(&w, &MainWindow::project_loaded);
        w.open_project(project_for_folder(dir.path()));
        QVERIFY(loaded.wait(30'000));
        QVERIFY(w.trace());
        QCOMPARE(w.layer_list()->model()->rowCount(), 3);
        QCOMPARE(w.layer_list()->selected_layer(), 1);  // starts at the largest error jump
        auto* heatmap = static_cast<LayerHeatmap*>(w.view_widget(MainWindow::View::Heatmap));
        QVERIFY(!heatmap->showing_empty_state());
        w.select_layer(2);
        QCOMPARE(w.status().find("witness.json")->state, ArtifactState::Present);
        // Generating without a compiled circuit is reported in the panel, not thrown.
        const int before = w.error_panel()->count();
        w.generate_witness();
        QCOMPARE(w.error_panel()->count(), before + 1);
    }
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
