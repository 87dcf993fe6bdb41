#pragma once
// The raw values of one layer: position, quantised integer, its field element (v mod r,
// as the circuit holds it), dequantised value, float reference and the error. Cells are
// computed on demand in data(), so a view over 10^6 values only pays for visible rows.
#include "core/witness/generate.hpp"

#include <QAbstractTableModel>
#include <memory>

namespace ps::ui {

class RawValuesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Position, Quantised, FieldElement, Dequantised, FloatReference, AbsError, ColumnCount };
    enum Role { NumericRole = Qt::UserRole + 1 };

    explicit RawValuesModel(QObject* parent = nullptr);

    // Keeps the trace alive while the layer is shown; nullptr / -1 clears.
    void set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row);
    const LayerTrace* layer() const { return layer_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The text of one cell as the CSV export writes it (full precision).
    QString cell_text(int row, int column) const;

private:
    std::shared_ptr<const WitnessResult> trace_;
    const LayerTrace* layer_ = nullptr;
};

// BN254 Fr element of a signed integer, 0x-prefixed big-endian hex (negative v as r − |v|).
QString field_element_hex(int64_t v);

}  // namespace ps::ui
