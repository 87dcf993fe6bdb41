#include "ui/layer_views.hpp"

#include "ui/widgets/error_growth_plot.hpp"
#include "ui/widgets/float_vs_quant_plot.hpp"
#include "ui/widgets/input_view.hpp"
#include "ui/widgets/layer_heatmap.hpp"
#include "ui/widgets/layer_list_view.hpp"
#include "ui/widgets/range_plot.hpp"
#include "ui/widgets/raw_values_view.hpp"
#include "ui/widgets/value_histogram.hpp"

#include <QTabWidget>

namespace ps::ui {

QString LayerViews::view_title(View v) {
    switch (v) {
    case View::Heatmap: return "Heatmap";
    case View::Histogram: return "Histogram";
    case View::FloatVsQuant: return "Float vs quantised";
    case View::RawValues: return "Raw values";
    case View::ErrorGrowth: return "Error growth";
    case View::Ranges: return "Value ranges";
    case View::Input: return "Input";
    case View::Count: break;
    }
    return {};
}

LayerViews::LayerViews(QObject* parent) : QObject(parent) {
    layers_ = new LayerListView;
    build_tabs();
    connect(layers_, &LayerListView::layer_selected, this, &LayerViews::select_layer);
    // A click on a whole-model plot opens that layer's histogram.
    connect(error_growth_, &ErrorGrowthPlot::layer_clicked, this, [this](int row) {
        select_layer(row);
        show_view(View::Histogram);
    });
    connect(ranges_, &RangePlot::layer_clicked, this, [this](int row) {
        select_layer(row);
        show_view(View::Histogram);
    });
}

void LayerViews::build_tabs() {
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    heatmap_ = new LayerHeatmap;
    histogram_ = new ValueHistogram;
    float_vs_quant_ = new FloatVsQuantPlot;
    raw_values_ = new RawValuesView;
    error_growth_ = new ErrorGrowthPlot;
    ranges_ = new RangePlot;
    input_view_ = new InputView;
    const QString tips[] = {
        "The selected layer's output as an image, one 2-D slice at a time",
        "How the selected layer's values are spread, and whether any fall outside the circuit's bounds",
        "The selected layer: circuit (fixed-point) values against the float model's",
        "Every value of the selected layer: integer, field element, dequantised, float, error",
        "Quantisation error of every layer, in execution order (log scale)",
        "Every layer's value range against the range the circuit allows",
        "The model's input: view it, load an image, edit values"};
    for (int v = 0; v < int(View::Count); ++v) {
        tabs_->addTab(view_widget(View(v)), view_title(View(v)));
        tabs_->setTabToolTip(v, tips[v] + QString(" (Ctrl+%1)").arg(v + 1));
    }
}

QWidget* LayerViews::view_widget(View v) const {
    switch (v) {
    case View::Heatmap: return heatmap_;
    case View::Histogram: return histogram_;
    case View::FloatVsQuant: return float_vs_quant_;
    case View::RawValues: return raw_values_;
    case View::ErrorGrowth: return error_growth_;
    case View::Ranges: return ranges_;
    case View::Input: return input_view_;
    case View::Count: break;
    }
    return nullptr;
}

void LayerViews::show_view(View v) { tabs_->setCurrentWidget(view_widget(v)); }

LayerViews::Shown LayerViews::show_project(const ProjectPaths& paths, const ProjectStatus& status) {
    Shown shown;
    shown.witness_changed = status.witness != trace_;
    trace_ = status.witness;
    layers_->set_trace(trace_);
    error_growth_->set_trace(trace_);
    ranges_->set_trace(trace_);

    std::vector<int64_t> input_shape;
    if (trace_ && !trace_->layers.empty() && trace_->layers[0].op == "Input") input_shape = trace_->layers[0].shape;
    else if (!status.model_input_shapes.empty()) input_shape = status.model_input_shapes[0];
    if (!input_view_->dirty()) input_view_->set_input(paths.input_json, input_shape);

    if (trace_ && !trace_->layers.empty()) {
        // Start where it matters: the layer where the error grows most.
        int row = selected_layer_;
        shown.auto_selected = row < 0 || size_t(row) >= trace_->layers.size();
        if (shown.auto_selected) row = layer_with_largest_error_jump(*trace_);
        if (row < 0) row = 0;
        selected_layer_ = -1;
        layers_->select_layer(row);
        select_layer(row);
    } else {
        select_layer(-1);
    }
    return shown;
}

void LayerViews::select_layer(int row) {
    if (row == selected_layer_ && row >= 0) return;
    selected_layer_ = row;
    heatmap_->set_layer(trace_, row);
    histogram_->set_layer(trace_, row);
    float_vs_quant_->set_layer(trace_, row);
    raw_values_->set_layer(trace_, row);
}

}  // namespace ps::ui
