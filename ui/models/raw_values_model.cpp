#include "ui/models/raw_values_model.hpp"
#include "ui/models/tensor_text.hpp"

#include "core/field/fr.hpp"

#include <QColor>
#include <cmath>

namespace ps::ui {

QString field_element_hex(int64_t v) { return QString::fromStdString(Fr::from_i64(v).to_hex()); }

RawValuesModel::RawValuesModel(QObject* parent) : QAbstractTableModel(parent) {}

void RawValuesModel::set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row) {
    beginResetModel();
    trace_ = std::move(trace);
    layer_ = (trace_ && layer_row >= 0 && size_t(layer_row) < trace_->layers.size())
                 ? &trace_->layers[size_t(layer_row)]
                 : nullptr;
    endResetModel();
}

int RawValuesModel::rowCount(const QModelIndex& parent) const {
    return (parent.isValid() || !layer_) ? 0 : int(layer_->size());
}

int RawValuesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RawValuesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) return role == Qt::DisplayRole ? QVariant(section) : QVariant();
    static const char* titles[ColumnCount] = {"Position", "Quantised", "Field element (mod r)",
                                              "Dequantised", "Float reference", "|Error|"};
    static const char* tips[ColumnCount] = {
        "Index into the output tensor (row-major)",
        "The integer the circuit computes with, at the layer's scale",
        "The same integer as a BN254 scalar-field element; negatives wrap to r − |v|",
        "Quantised / 2^scale: the real number the circuit stands for",
        "What the float model computes for this value",
        "|Dequantised − float reference|"};
    if (section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) return QString::fromUtf8(titles[section]);
    if (role == Qt::ToolTipRole) return QString::fromUtf8(tips[section]);
    return {};
}

QString RawValuesModel::cell_text(int row, int column) const {
    if (!layer_ || row < 0 || size_t(row) >= layer_->size()) return {};
    const size_t i = size_t(row);
    const bool has_ref = layer_->has_float_reference();
    switch (column) {
    case Position: return QString::fromStdString(multi_index_text(layer_->shape, i));
    case Quantised: return QString::number(layer_->quantised[i]);
    case FieldElement: return field_element_hex(layer_->quantised[i]);
    case Dequantised: return QString::number(layer_->dequantised(i), 'g', 9);
    case FloatReference: return has_ref ? QString::number(layer_->float_reference[i], 'g', 9) : QString();
    case AbsError:
        return has_ref ? QString::number(std::abs(layer_->dequantised(i) - layer_->float_reference[i]), 'g', 6)
                       : QString();
    }
    return {};
}

QVariant RawValuesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !layer_) return {};
    const size_t i = size_t(index.row());
    if (i >= layer_->size()) return {};
    if (role == Qt::DisplayRole) return cell_text(index.row(), index.column());
    if (role == NumericRole) {
        switch (index.column()) {
        case Quantised: return qlonglong(layer_->quantised[i]);
        case Dequantised: return layer_->dequantised(i);
        case FloatReference: return layer_->has_float_reference() ? QVariant(layer_->float_reference[i]) : QVariant();
        case AbsError:
            return layer_->has_float_reference()
                       ? QVariant(std::abs(layer_->dequantised(i) - layer_->float_reference[i]))
                       : QVariant();
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Quantised && layer_->bounds) {
        const int64_t q = layer_->quantised[i];
        if (q < layer_->bounds->first || q > layer_->bounds->second) return QColor(0xc0, 0x39, 0x2b);
    }
    return {};
}

}  // namespace ps::ui
