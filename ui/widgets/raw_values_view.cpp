#include "ui/widgets/raw_values_view.hpp"

#include "ui/atomic_export.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace ps::ui {

RawValuesView::RawValuesView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* row = new QHBoxLayout;
    caption_ = new QLabel("No layer selected. Pick a layer in the layer list to see its raw values.");
    caption_->setWordWrap(true);
    row->addWidget(caption_, 1);
    row->addWidget(new QLabel("Go to position:"));
    goto_ = new QSpinBox;
    goto_->setToolTip("Flat (row-major) index of the value to scroll to");
    goto_->setRange(0, 0);
    row->addWidget(goto_);
    layout->addLayout(row);

    model_ = new RawValuesModel(this);
    table_ = new QTableView;
    table_->setModel(model_);
    table_->setAlternatingRowColors(true);
    table_->setTextElideMode(Qt::ElideMiddle);  // field elements: both ends of the hex matter
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Fixed sizes: the view never asks every row for its size hint.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {100, 80, 250, 100, 100, 90};
    for (int c = 0; c < RawValuesModel::ColumnCount; ++c) table_->setColumnWidth(c, widths[c]);
    layout->addWidget(table_, 1);

    connect(goto_, &QSpinBox::valueChanged, this, [this](int v) {
        const QModelIndex i = model_->index(v, 0);
        table_->scrollTo(i, QAbstractItemView::PositionAtTop);
        table_->selectRow(v);
    });
}

void RawValuesView::set_layer(std::shared_ptr<const WitnessResult> trace, int layer_row) {
    model_->set_layer(std::move(trace), layer_row);
    const LayerTrace* l = model_->layer();
    goto_->setRange(0, l && l->size() ? int(l->size() - 1) : 0);
    if (!l) {
        caption_->setText("No layer selected. Pick a layer in the layer list to see its raw values.");
        return;
    }
    caption_->setText(QString("<b>%1</b> (%2): %3 values, shape %4, scale %5. The circuit computes with the "
                              "integers; red marks values outside the bounds (saturated).")
                          .arg(QString::fromStdString(l->name), QString::fromStdString(l->op))
                          .arg(l->size()).arg(QString::fromStdString(l->shape_text())).arg(l->scale));
}

QString RawValuesView::export_base_name() const {
    const LayerTrace* l = model_->layer();
    return l ? "values_" + QString::fromStdString(l->name) : QString("values");
}

bool RawValuesView::export_to(const QString& path, QString* error) const {
    QByteArray chunk = "position,quantised,field_element,dequantised,float_reference,abs_error\n";
    for (int r = 0; r < model_->rowCount(); ++r) {
        for (int c = 0; c < RawValuesModel::ColumnCount; ++c) {
            QString cell = model_->cell_text(r, c);
            if (c == RawValuesModel::Position) cell = "\"" + cell + "\"";  // holds commas
            chunk += cell.toUtf8();
            chunk += c + 1 < RawValuesModel::ColumnCount ? ',' : '\n';
        }
    }
    return export_atomically(path, chunk, error);
}

}  // namespace ps::ui
