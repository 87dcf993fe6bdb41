#pragma once
// The project panel's table: one row per artifact with its state (coloured), key facts
// and, in the tooltip, the reason and the fix.
#include "ui/models/artifact_status.hpp"

#include <QAbstractTableModel>

namespace ps::ui {

class ArtifactListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { File, State, Facts, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, MakeCommandRole, StepAvailableRole };

    explicit ArtifactListModel(QObject* parent = nullptr);
    void set_status(ProjectStatus status);
    const ProjectStatus& status() const { return status_; }
    const ArtifactStatus* artifact(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ProjectStatus status_;
};

QColor state_colour(ArtifactState s);

}  // namespace ps::ui
