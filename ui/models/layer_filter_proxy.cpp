#include "ui/models/layer_filter_proxy.hpp"

#include "ui/models/layer_list_model.hpp"

namespace ps::ui {

LayerFilterProxy::LayerFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(LayerListModel::SortRole);
}

void LayerFilterProxy::set_text(const QString& text) {
    text_ = text.trimmed();
    invalidateFilter();
}

void LayerFilterProxy::set_only_saturated(bool only) {
    only_saturated_ = only;
    invalidateFilter();
}

bool LayerFilterProxy::filterAcceptsRow(int row, const QModelIndex& parent) const {
    const QAbstractItemModel* m = sourceModel();
    if (!m) return false;
    if (only_saturated_ && !m->index(row, 0, parent).data(LayerListModel::SaturatedRole).toBool())
        return false;
    if (text_.isEmpty()) return true;
    for (int column : {int(LayerListModel::Name), int(LayerListModel::Op)})
        if (m->index(row, column, parent).data().toString().contains(text_, Qt::CaseInsensitive))
            return true;
    return false;
}

}  // namespace ps::ui
