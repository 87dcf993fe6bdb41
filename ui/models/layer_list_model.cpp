#include "ui/models/layer_list_model.hpp"

#include <QColor>

namespace ps::ui {

LayerListModel::LayerListModel(QObject* parent) : QAbstractItemModel(parent) {}

void LayerListModel::set_trace(std::shared_ptr<const WitnessResult> trace) {
    beginResetModel();
    trace_ = std::move(trace);
    endResetModel();
}

const LayerTrace* LayerListModel::layer(int row) const {
    if (!trace_ || row < 0 || size_t(row) >= trace_->layers.size()) return nullptr;
    return &trace_->layers[size_t(row)];
}

QModelIndex LayerListModel::index(int row, int column, const QModelIndex& parent) const {
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex LayerListModel::parent(const QModelIndex&) const { return {}; }

int LayerListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !trace_) return 0;
    return int(trace_->layers.size());
}

int LayerListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    static const char* titles[ColumnCount] = {"#", "Layer", "Op", "Shape", "Scale", "Min", "Max",
                                              "Max |err|", "Mean |err|", "Outside bounds", "Proved as"};
    static const char* tips[ColumnCount] = {
        "Execution order",
        "Node name (model inputs are called input_N)",
        "ONNX operator",
        "Output tensor shape",
        "Fixed-point scale s: a real value x is stored as round(x·2^s)",
        "Smallest quantised (integer) value of the output",
        "Largest quantised (integer) value of the output",
        "Largest |dequantised − float reference| over the output",
        "Mean |dequantised − float reference| over the output",
        "Values strictly outside the range the circuit allows (lookup/range bounds); a value at a bound is in range",
        "How the circuit constrains this value: linear gate, lookup table, range check, copy; "
        "float-fallback means computed from floats and not provable yet"};
    if (section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) return QString::fromUtf8(titles[section]);
    if (role == Qt::ToolTipRole) return QString::fromUtf8(tips[section]);
    return {};
}

QVariant LayerListModel::display(const LayerTrace& l, int column) const {
    switch (column) {
    case Index: return qulonglong(l.index);
    case Name: return QString::fromStdString(l.name);
    case Op: return QString::fromStdString(l.op);
    case Shape: return QString::fromStdString(l.shape_text());
    case Scale: return l.scale;
    case Min: return qlonglong(l.min);
    case Max: return qlonglong(l.max);
    case MaxError: return l.has_float_reference() ? QString::number(l.max_abs_error, 'g', 3) : QString("—");
    case MeanError: return l.has_float_reference() ? QString::number(l.mean_abs_error, 'g', 3) : QString("—");
    case Saturation: return l.saturated > 0 ? QString("⚠ %1").arg(l.saturated) : QString();
    case Kind: return l.kind ? QString(fixed::proof_kind_name(*l.kind)) : QString();
    }
    return {};
}

QVariant LayerListModel::sort_key(const LayerTrace& l, int column) const {
    switch (column) {
    case MaxError: return l.max_abs_error;
    case MeanError: return l.mean_abs_error;
    case Saturation: return qlonglong(l.saturated);
    case Shape: return qulonglong(l.size());
    default: return display(l, column);
    }
}

QVariant LayerListModel::tooltip(const LayerTrace& l, int column) const {
    switch (column) {
    case Min:
    case Max: {
        const int64_t q = column == Min ? l.min : l.max;
        return QString("%1 at scale %2 = %3").arg(q).arg(l.scale).arg(dequantise(q, l.scale), 0, 'g', 6);
    }
    case Saturation:
        if (l.saturated == 0) return QString("No value outside the bounds");
        return QString("%1 of %2 values lie outside the bounds [%3, %4]: the circuit clips them, "
                       "so the result departs from the float model here. Try a smaller input scale "
                       "or a larger lookup range.")
            .arg(l.saturated).arg(l.size())
            .arg(l.bounds ? l.bounds->first : 0).arg(l.bounds ? l.bounds->second : 0);
    case Name:
        return QString("%1 (%2) ← %3")
            .arg(QString::fromStdString(l.name), QString::fromStdString(l.op),
                 l.inputs.empty() ? QString("model input") : QString::fromStdString([&] {
                     std::string s;
                     for (const auto& i : l.inputs) s += (s.empty() ? "" : ", ") + i;
                     return s;
                 }()));
    default: return {};
    }
}

QVariant LayerListModel::data(const QModelIndex& index, int role) const {
    const LayerTrace* l = index.isValid() ? layer(index.row()) : nullptr;
    if (!l) return {};
    switch (role) {
    case Qt::DisplayRole: return display(*l, index.column());
    case SortRole: return sort_key(*l, index.column());
    case LayerIndexRole: return index.row();
    case SaturatedRole: return l->saturated > 0;
    case Qt::ToolTipRole: return tooltip(*l, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Saturation && l->saturated > 0) return QColor(0xc0, 0x39, 0x2b);
        if (index.column() == Kind && l->kind == fixed::ProofKind::FloatFallback) return QColor(0xd6, 0x8a, 0x00);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Name || index.column() == Op || index.column() == Kind) return {};
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

}  // namespace ps::ui
