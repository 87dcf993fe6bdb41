#pragma once
// The Problems panel: every failure of a job or a file, as where / problem / fix rows
// (newest first). Nothing in the workbench shows a raw exception in a modal box.
#include "ui/jobs/error_report.hpp"

#include <QWidget>

class QTreeWidget;
class QLabel;

namespace ps::ui {

class ErrorPanel : public QWidget {
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget* parent = nullptr);
    void add(const ErrorReport& report);
    int count() const;

public slots:
    void clear();

signals:
    void count_changed(int count);

private:
    QTreeWidget* list_;
    QLabel* empty_;
};

}  // namespace ps::ui
