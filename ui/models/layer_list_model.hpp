#pragma once
// Every layer of a witness trace in execution order, one row each: op, output shape,
// scale, quantised min/max, float-vs-quantised error and a saturation badge. A flat
// QAbstractItemModel (rows have no children) shown in a QTreeView.
#include "core/witness/generate.hpp"

#include <QAbstractItemModel>
#include <memory>

namespace ps::ui {

class LayerListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Index, Name, Op, Shape, Scale, Min, Max, MaxError, MeanError, Saturation, Kind, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, LayerIndexRole, SaturatedRole };

    explicit LayerListModel(QObject* parent = nullptr);

    void set_trace(std::shared_ptr<const WitnessResult> trace);
    std::shared_ptr<const WitnessResult> trace() const { return trace_; }
    const LayerTrace* layer(int row) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const LayerTrace& l, int column) const;
    QVariant sort_key(const LayerTrace& l, int column) const;
    QVariant tooltip(const LayerTrace& l, int column) const;

    std::shared_ptr<const WitnessResult> trace_;
};

// Real value of a quantised integer at `scale`.
inline double dequantise(int64_t q, int scale) { return double(q) / double(int64_t(1) << scale); }

}  // namespace ps::ui
