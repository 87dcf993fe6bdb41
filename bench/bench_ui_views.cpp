// The workbench on a 10^6-value layer (1×1000×1000): reading witness.json, painting the
// raw-value table (virtualised: only visible rows are asked for), and rebuilding the
// heatmap and histogram. Run offscreen:  QT_QPA_PLATFORM=offscreen build/bench/bench_ui_views
#include "bench_common.hpp"

#include "core/witness/generate.hpp"
#include "ui/models/raw_values_model.hpp"
#include "ui/widgets/layer_heatmap.hpp"
#include "ui/widgets/value_histogram.hpp"

#include <QApplication>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <qcustomplot.h>
#include <cmath>
#include <fstream>

using namespace ps::ui;

namespace {

// A witness.json with one input layer of n×n values, written the way the schema says
// (the EZKL fields left empty: the views read the layers).
void write_big_witness(const std::string& path, int n) {
    std::ofstream out(path);
    out << "{\"inputs\": [], \"outputs\": [], \"lookup_range\": [-32768, 32768], \"layers\": [{\"index\": 0, \"name\": \"input_0\", \"op\": \"Input\", "
           "\"inputs\": [], \"output\": \"x\", \"shape\": [1, "
        << n << ", " << n << "], \"scale\": 7, \"quantised\": [";
    const size_t count = size_t(n) * size_t(n);
    auto q = [](size_t i) { return int64_t(std::lround(std::sin(double(i) * 0.001) * 1000)); };
    for (size_t i = 0; i < count; ++i) out << (i ? "," : "") << q(i);
    out << "], \"dequantised\": [";
    for (size_t i = 0; i < count; ++i) out << (i ? "," : "") << double(q(i)) / 128;
    out << "], \"float_reference\": [";
    for (size_t i = 0; i < count; ++i) out << (i ? "," : "") << std::sin(double(i) * 0.001) * 1000 / 128;
    out << "], \"min\": -1000, \"max\": 1000, \"bounds\": [-32768, 32768], \"saturated\": 0, "
           "\"max_abs_error\": 0.004, \"mean_abs_error\": 0.002}]}\n";
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ps::bench::print_header("GUI views on one 1×1000×1000 layer (10^6 values)");
    QTemporaryDir dir;
    const std::string path = dir.filePath("witness.json").toStdString();
    write_big_witness(path, 1000);

    std::shared_ptr<const ps::WitnessResult> trace;
    const double load = ps::bench::median_ns(5, [&] { trace = std::make_shared<ps::WitnessResult>(ps::read_witness_json(path)); });
    std::printf("read_witness_json (3×10^6 numbers)    %10.1f ms\n", load / 1e6);

    RawValuesModel model;
    QTableView table;
    table.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table.setModel(&model);
    table.resize(900, 700);
    table.show();
    const double set_and_paint = ps::bench::median_ns(5, [&] {
        model.set_layer(trace, 0);
        (void)table.grab();
    });
    std::printf("raw table: set layer + paint first page %10.2f ms\n", set_and_paint / 1e6);
    int row = 0;
    const double scroll = ps::bench::median_ns(9, [&] {
        row = (row + 333'331) % 1'000'000;
        table.scrollTo(model.index(row, 0));
        (void)table.grab();
    });
    std::printf("raw table: jump anywhere + paint       %10.2f ms\n", scroll / 1e6);

    LayerHeatmap heatmap;
    heatmap.resize(900, 700);
    const double heat = ps::bench::median_ns(5, [&] {
        heatmap.set_layer(trace, 0);
        heatmap.plot()->replot(QCustomPlot::rpImmediateRefresh);  // the coalesced replot, now
        (void)heatmap.grab();
    });
    std::printf("heatmap 1000×1000: rebuild + replot    %10.1f ms\n", heat / 1e6);

    ValueHistogram histogram;
    histogram.resize(900, 700);
    const double hist = ps::bench::median_ns(5, [&] {
        histogram.set_layer(trace, 0);
        histogram.plot()->replot(QCustomPlot::rpImmediateRefresh);
        (void)histogram.grab();
    });
    std::printf("histogram of 10^6 values + replot      %10.1f ms\n", hist / 1e6);
    std::printf("peak RSS %.0f MiB\n", ps::bench::peak_rss_mib());
    return 0;
}
