#pragma once
// The virtualised table of one layer's raw values (RawValuesModel): fixed row heights and
// no content-based column sizing, so 10^6 rows scroll as fast as 10. Exports to CSV by
// streaming every row.
#include "ui/models/raw_values_model.hpp"
#include "ui/widgets/exportable.hpp"

#include <QWidget>

class QLabel;
class QSpinBox;
class QTableView;

namespace ps::ui {

class RawValuesView : public QWidget, public Exportable {
    Q_OBJECT
public:
    explicit RawValuesView(QWidget* parent = nullptr);
    void set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row);
    RawValuesModel* model() const { return model_; }

    QString export_base_name() const override;
    QStringList export_formats() const override { return {"csv"}; }
    bool export_to(const QString& path, QString* error) const override;

private:
    RawValuesModel* model_;
    QTableView* table_;
    QLabel* caption_;
    QSpinBox* goto_;
};

}  // namespace ps::ui
