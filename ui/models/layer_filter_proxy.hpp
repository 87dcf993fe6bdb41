#pragma once
// Filters the layer list by a text matched against name and op (case-insensitive), and
// optionally shows only layers with saturated values. Sorts numerically.
#include <QSortFilterProxyModel>

namespace ps::ui {

class LayerFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LayerFilterProxy(QObject* parent = nullptr);
    void set_text(const QString& text);
    void set_only_saturated(bool only);

protected:
    bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;

private:
    QString text_;
    bool only_saturated_ = false;
};

}  // namespace ps::ui
