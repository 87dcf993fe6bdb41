#include "ui/widgets/layer_list_view.hpp"

#include "ui/atomic_export.hpp"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace ps::ui {

LayerListView::LayerListView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* row = new QHBoxLayout;
    filter_ = new QLineEdit;
    filter_->setPlaceholderText("Filter by name or op (Ctrl+F)");
    filter_->setClearButtonEnabled(true);
    filter_->setToolTip("Shows only layers whose name or operator contains this text");
    row->addWidget(filter_, 1);
    only_saturated_ = new QCheckBox("Only saturated");
    only_saturated_->setToolTip("Show only layers with values at the range the circuit allows (saturated)");
    row->addWidget(only_saturated_);
    layout->addLayout(row);

    model_ = new LayerListModel(this);
    proxy_ = new LayerFilterProxy(this);
    proxy_->setSourceModel(model_);
    tree_ = new QTreeView;
    tree_->setModel(proxy_);
    tree_->setRootIsDecorated(false);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->setSortingEnabled(true);
    tree_->sortByColumn(LayerListModel::Index, Qt::AscendingOrder);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->header()->setSectionResizeMode(QHeaderView::Interactive);
    const int widths[] = {28, 84, 62, 72, 40, 52, 52, 62, 66, 64, 74};
    for (int c = 0; c < LayerListModel::ColumnCount; ++c) tree_->setColumnWidth(c, widths[c]);
    layout->addWidget(tree_, 1);
    empty_ = new QLabel("No witness yet. Open an artifact folder (Ctrl+O) or the demo project (Ctrl+D), then "
                        "Run ▸ Run all missing steps (Ctrl+R): every layer of the model will be listed here.");
    empty_->setWordWrap(true);
    empty_->setStyleSheet("color: #666; padding: 6px;");
    layout->addWidget(empty_);
    tree_->hide();

    connect(filter_, &QLineEdit::textChanged, proxy_, &LayerFilterProxy::set_text);
    connect(only_saturated_, &QCheckBox::toggled, proxy_, &LayerFilterProxy::set_only_saturated);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) emit layer_selected(proxy_->mapToSource(current).row());
            });
}

void LayerListView::set_trace(std::shared_ptr<const WitnessResult> trace) {
    const bool has = trace && !trace->layers.empty();
    model_->set_trace(std::move(trace));
    // Fit the columns to the numbers when that is cheap (it reads every row).
    if (has && model_->rowCount() <= 500)
        for (int c = 0; c < LayerListModel::ColumnCount; ++c) tree_->resizeColumnToContents(c);
    tree_->setVisible(has);
    empty_->setVisible(!has);
}

int LayerListView::selected_layer() const {
    const QModelIndex current = tree_->currentIndex();
    return current.isValid() ? proxy_->mapToSource(current).row() : -1;
}

void LayerListView::focus_filter() {
    filter_->setFocus();
    filter_->selectAll();
}

void LayerListView::select_layer(int source_row) {
    const QModelIndex p = proxy_->mapFromSource(model_->index(source_row, 0));
    if (!p.isValid()) {  // filtered out: clear the filter rather than ignore the request
        filter_->clear();
        only_saturated_->setChecked(false);
    }
    const QModelIndex q = proxy_->mapFromSource(model_->index(source_row, 0));
    if (!q.isValid()) return;
    tree_->setCurrentIndex(q);
    tree_->scrollTo(q);
}

bool LayerListView::export_to(const QString& path, QString* error) const {
    QStringList header;
    for (int c = 0; c < LayerListModel::ColumnCount; ++c) header << model_->headerData(c, Qt::Horizontal).toString();
    QString text = header.join(',') + "\n";
    for (int r = 0; r < proxy_->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < LayerListModel::ColumnCount; ++c) {
            QString v = proxy_->index(r, c).data(LayerListModel::SortRole).toString();
            cells << (v.contains(',') ? "\"" + v + "\"" : v);
        }
        text += cells.join(',') + "\n";
    }
    return export_atomically(path, text.toUtf8(), error);
}

}  // namespace ps::ui
