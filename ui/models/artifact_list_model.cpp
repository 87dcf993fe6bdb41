#include "ui/models/artifact_list_model.hpp"

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPixmap>

namespace ps::ui {

QColor state_colour(ArtifactState s) {
    switch (s) {
    case ArtifactState::Present: return QColor(0x2e, 0x9d, 0x4f);
    case ArtifactState::Missing: return QColor(0x99, 0x99, 0x99);
    case ArtifactState::Invalid: return QColor(0xc0, 0x39, 0x2b);
    case ArtifactState::Inconsistent: return QColor(0xd6, 0x8a, 0x00);
    }
    return {};
}

namespace {

QPixmap state_dot(ArtifactState s) {
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(state_colour(s));
    p.setPen(Qt::NoPen);
    p.drawEllipse(1, 1, 10, 10);
    return pm;
}

// What a table cell has room for; the tooltip keeps the whole reason.
QString short_reason(const ArtifactStatus& a) {
    return QString("not in this version: %1 is not built in").arg(a.make_command);
}

QString missing_text(const ArtifactStatus& a) {
    if (a.make_command.isEmpty()) return "not found";
    if (!a.step_available) return short_reason(a);
    if (!a.needed_now) return QString("not needed yet: only later steps read it (make it with %1)").arg(a.make_command);
    return QString("make it with %1").arg(a.make_command);
}

}  // namespace

ArtifactListModel::ArtifactListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ArtifactListModel::set_status(ProjectStatus status) {
    beginResetModel();
    status_ = std::move(status);
    endResetModel();
}

const ArtifactStatus* ArtifactListModel::artifact(int row) const {
    if (row < 0 || size_t(row) >= status_.artifacts.size()) return nullptr;
    return &status_.artifacts[size_t(row)];
}

int ArtifactListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(status_.artifacts.size());
}

int ArtifactListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArtifactListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case File: return QString("Artifact");
    case State: return QString("State");
    case Facts: return QString("Key facts");
    }
    return {};
}

QVariant ArtifactListModel::data(const QModelIndex& index, int role) const {
    const ArtifactStatus* a = index.isValid() ? artifact(index.row()) : nullptr;
    if (!a) return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case File: return a->file;
        case State:
            return a->state == ArtifactState::Missing && !a->step_available ? QString("unavailable") : to_text(a->state);
        case Facts:
            if (a->state == ArtifactState::Missing) return missing_text(*a);
            if (!a->problem.isEmpty()) return a->problem;
            return a->facts.mid(1).join(" · ");  // facts[0] is size + digest, in the tooltip
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(state_dot(a->state)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == State ? QVariant(state_colour(a->state)) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = QString("<b>%1</b>: %2<br>%3").arg(a->file, a->purpose, a->path.toHtmlEscaped());
        if (!a->facts.isEmpty()) tip += "<br>" + a->facts.join("<br>").toHtmlEscaped();
        if (!a->problem.isEmpty()) tip += "<br><b>Problem:</b> " + a->problem.toHtmlEscaped();
        if (!a->fix.isEmpty()) tip += "<br><b>Fix:</b> " + a->fix.toHtmlEscaped();
        if (!a->step_available && !a->fix.contains(a->unavailable_reason)) tip += "<br><b>Not available:</b> " + a->unavailable_reason.toHtmlEscaped();
        return tip;
    }
    case StateRole: return int(a->state);
    case MakeCommandRole: return a->make_command;
    case StepAvailableRole: return a->step_available;
    }
    return {};
}

}  // namespace ps::ui
