#pragma once
// The views of one witness kept in step: the layer list and the tabs (heatmap,
// histogram, float vs quantised, raw values, error growth, value ranges, input) show the
// same trace and the same selected layer. Given a freshly read project it picks what to
// show first: the layer where the quantisation error grows most.
#include "ui/models/artifact_status.hpp"
#include "ui/models/recent_projects.hpp"

#include <QObject>
#include <memory>

class QTabWidget;
class QWidget;

namespace ps::ui {

class ErrorGrowthPlot;
class FloatVsQuantPlot;
class InputView;
class LayerHeatmap;
class LayerListView;
class RangePlot;
class RawValuesView;
class ValueHistogram;

class LayerViews : public QObject {
    Q_OBJECT
public:
    enum class View { Heatmap, Histogram, FloatVsQuant, RawValues, ErrorGrowth, Ranges, Input, Count };

    explicit LayerViews(QObject* parent = nullptr);

    QTabWidget* tabs() const { return tabs_; }  // the window's central widget
    LayerListView* layer_list() const { return layers_; }
    InputView* input_view() const { return input_view_; }
    QWidget* view_widget(View v) const;
    static QString view_title(View v);
    void show_view(View v);

    std::shared_ptr<const WitnessResult> trace() const { return trace_; }
    int selected_layer() const { return selected_layer_; }

    struct Shown {
        bool witness_changed = false;
        bool auto_selected = false;  // the layer was chosen for the user (largest error jump)
    };
    // Shows the project's witness (and its input, unless the user is editing it).
    Shown show_project(const ProjectPaths& paths, const ProjectStatus& status);
    void forget_selection() { selected_layer_ = -1; }

public slots:
    void select_layer(int row);

private:
    void build_tabs();

    std::shared_ptr<const WitnessResult> trace_;
    int selected_layer_ = -1;
    QTabWidget* tabs_;
    LayerListView* layers_;
    LayerHeatmap* heatmap_;
    ValueHistogram* histogram_;
    FloatVsQuantPlot* float_vs_quant_;
    RawValuesView* raw_values_;
    ErrorGrowthPlot* error_growth_;
    RangePlot* ranges_;
    InputView* input_view_;
};

}  // namespace ps::ui
