#pragma once
// The layer list: a QTreeView over LayerListModel through LayerFilterProxy, with a
// filter box (name or op) and an "only layers with values outside their bounds" switch. Exports as CSV.
#include "ui/models/layer_filter_proxy.hpp"
#include "ui/models/layer_list_model.hpp"
#include "ui/widgets/exportable.hpp"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTreeView;

namespace ps::ui {

class LayerListView : public QWidget, public Exportable {
    Q_OBJECT
public:
    explicit LayerListView(QWidget* parent = nullptr);
    void set_trace(std::shared_ptr<const WitnessResult> trace);
    LayerListModel* model() const { return model_; }
    LayerFilterProxy* proxy() const { return proxy_; }
    int selected_layer() const;  // source row, -1 when none
    void focus_filter();

    QString export_base_name() const override { return "layers"; }
    QStringList export_formats() const override { return {"csv"}; }
    bool export_to(const QString& path, QString* error) const override;

public slots:
    void select_layer(int source_row);

signals:
    void layer_selected(int source_row);

private:
    LayerListModel* model_;
    LayerFilterProxy* proxy_;
    QTreeView* tree_;
    QLineEdit* filter_;
    QCheckBox* only_saturated_;
    QLabel* empty_;
};

}  // namespace ps::ui
