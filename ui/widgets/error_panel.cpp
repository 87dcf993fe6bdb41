#include "ui/widgets/error_panel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ps::ui {

ErrorPanel::ErrorPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    list_ = new QTreeWidget;
    list_->setHeaderLabels({"Time", "Task", "Where", "Problem", "Fix"});
    list_->setRootIsDecorated(false);
    list_->setWordWrap(true);
    list_->setAlternatingRowColors(true);
    list_->header()->setSectionResizeMode(QHeaderView::Interactive);
    list_->setColumnWidth(0, 70);
    list_->setColumnWidth(1, 130);
    list_->setColumnWidth(2, 220);
    list_->setColumnWidth(3, 380);
    empty_ = new QLabel("No problems. Errors from jobs and files appear here with the file, field or layer "
                        "they concern and what to do about them.");
    empty_->setStyleSheet("color: #666; padding: 6px;");
    empty_->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(empty_, 1);
    auto* clear_button = new QPushButton("Clear");
    clear_button->setToolTip("Remove every entry from this panel");
    row->addWidget(clear_button, 0, Qt::AlignTop);
    layout->addLayout(row);
    layout->addWidget(list_, 1);
    list_->hide();
    connect(clear_button, &QPushButton::clicked, this, &ErrorPanel::clear);
}

void ErrorPanel::add(const ErrorReport& r) {
    auto* item = new QTreeWidgetItem({r.when.toString("HH:mm:ss"), r.task, r.where, r.problem, r.fix});
    item->setToolTip(3, r.problem);
    item->setToolTip(4, r.fix);
    item->setToolTip(2, r.where);
    item->setForeground(3, QColor(0xc0, 0x39, 0x2b));
    list_->insertTopLevelItem(0, item);
    list_->show();
    empty_->setText(QString("%1 problem(s), newest first.").arg(count()));
    emit count_changed(count());
}

int ErrorPanel::count() const { return list_->topLevelItemCount(); }

void ErrorPanel::clear() {
    list_->clear();
    list_->hide();
    empty_->setText("No problems. Errors from jobs and files appear here with the file, field or layer "
                    "they concern and what to do about them.");
    emit count_changed(0);
}

}  // namespace ps::ui
