#include "ui/widgets/project_panel.hpp"

#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ps::ui {

QString next_step(const ProjectStatus& status) {
    for (const auto& a : status.artifacts)
        if (a.state != ArtifactState::Present && !a.make_command.isEmpty() && a.step_available && a.needed_now)
            return a.make_command;
    return {};
}

bool complete_for_this_release(const ProjectStatus& status) {
    if (!next_step(status).isEmpty()) return false;
    for (const auto& a : status.artifacts)
        if (a.state != ArtifactState::Present && !a.step_available) return true;
    return false;
}

namespace {

// "Not available in this version: pk.key, vk.key, proof.json (…)." for the summary and
// the next-step button once every step this version has is done.
QString release_note(const ProjectStatus& status) {
    QStringList files;
    for (const auto& a : status.artifacts)
        if (a.state != ArtifactState::Present && !a.step_available) files << a.file;
    if (files.isEmpty()) return {};
    return QString("Not available in this version: %1 (hover their rows for the reason).").arg(files.join(", "));
}

}  // namespace

ProjectPanel::ProjectPanel(QWidget* parent) : QWidget(parent) {
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* form = new QFormLayout;
    auto path_row = [this](QLineEdit*& edit, const QString& placeholder, const QString& tip, auto browse) {
        auto* row = new QHBoxLayout;
        edit = new QLineEdit;
        edit->setPlaceholderText(placeholder);
        edit->setToolTip(tip);
        row->addWidget(edit, 1);
        auto* button = new QToolButton;
        button->setText("…");
        button->setToolTip("Browse");
        row->addWidget(button);
        connect(button, &QToolButton::clicked, this, browse);
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            ProjectPaths p{folder_edit_->text().trimmed(), input_edit_->text().trimmed()};
            if (p != paths_) {
                paths_ = p;
                emit paths_changed(paths_);
            }
        });
        return row;
    };
    form->addRow("Artifact folder:", path_row(folder_edit_, "drop a folder here or browse",
                                             "Folder with network.onnx, settings.json, network.ezkl, keys, witness…",
                                             &ProjectPanel::browse_folder));
    form->addRow("Input:", path_row(input_edit_, "input.json (EZKL input_data)",
                                   "The input the witness is computed for", &ProjectPanel::browse_input));
    layout->addLayout(form);

    model_ = new ArtifactListModel(this);
    table_ = new QTableView;
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->setWordWrap(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(ArtifactListModel::File, 105);
    table_->setColumnWidth(ArtifactListModel::State, 105);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->setMinimumHeight(9 * (table_->fontMetrics().height() + 6) + table_->horizontalHeader()->sizeHint().height() + 4);
    layout->addWidget(table_, 1);

    summary_ = new QLabel;
    summary_->setWordWrap(true);
    layout->addWidget(summary_);

    auto* buttons = new QHBoxLayout;
    next_button_ = new QPushButton;
    next_button_->setToolTip("Run the first missing step of the pipeline");
    make_button_ = new QPushButton("Make selected");
    make_button_->setToolTip("(Re)make the selected artifact with the CLI step named in its row");
    auto* refresh = new QPushButton("Refresh");
    refresh->setToolTip("Read every artifact again (F6)");
    buttons->addWidget(next_button_);
    buttons->addWidget(make_button_);
    buttons->addStretch(1);
    buttons->addWidget(refresh);
    layout->addLayout(buttons);

    connect(refresh, &QPushButton::clicked, this, &ProjectPanel::refresh_requested);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { update_action(); });
    connect(make_button_, &QPushButton::clicked, this, [this] {
        if (const ArtifactStatus* a = model_->artifact(table_->currentIndex().row());
            a && !a->make_command.isEmpty() && a->step_available)
            emit make_requested(a->make_command);
    });
    connect(next_button_, &QPushButton::clicked, this, [this] {
        const QString step = next_step(model_->status());
        if (!step.isEmpty()) emit make_requested(step);
    });
    set_status({});
}

void ProjectPanel::set_paths(const ProjectPaths& p) {
    paths_ = p;
    folder_edit_->setText(p.folder);
    input_edit_->setText(p.input_json);
}

void ProjectPanel::set_status(ProjectStatus status) {
    model_->set_status(std::move(status));
    const ProjectStatus& s = model_->status();
    if (paths_.folder.isEmpty()) {
        summary_->setText("<b>No project open.</b> Pick an artifact folder (or drop one here), or open the demo "
                          "project (File ▸ Open demo project).");
    } else if (!s.consistent()) {
        int bad = 0;
        for (const auto& a : s.artifacts) bad += a.state == ArtifactState::Invalid || a.state == ArtifactState::Inconsistent;
        summary_->setText(QString("<span style='color:#c0392b'><b>%1 artifact(s) need attention</b></span> — "
                                  "hover a row for the reason and the fix.").arg(bad));
    } else {
        const QString step = next_step(s);
        if (complete_for_this_release(s))
            summary_->setText("<span style='color:#2e9d4f'><b>Workbench complete for this release.</b></span> " +
                              release_note(s).toHtmlEscaped());
        else if (step.isEmpty())
            summary_->setText("<span style='color:#2e9d4f'><b>All artifacts present and consistent.</b></span>");
        else
            summary_->setText(QString("<b>Consistent so far.</b> Next step: <b>%1</b>.").arg(step));
    }
    update_action();
}

void ProjectPanel::set_busy(bool busy) {
    busy_ = busy;
    update_action();
}

void ProjectPanel::update_action() {
    const QString step = next_step(model_->status());
    const bool release_done = complete_for_this_release(model_->status());
    next_button_->setText(!step.isEmpty() ? "Run next step: " + step
                          : release_done  ? QString("Complete for this release")
                                          : QString("Pipeline complete"));
    next_button_->setToolTip(release_done ? release_note(model_->status())
                                          : QString("Run the first missing step of the pipeline"));
    next_button_->setEnabled(!busy_ && !step.isEmpty() && !paths_.folder.isEmpty());
    const ArtifactStatus* a = model_->artifact(table_->currentIndex().row());
    const bool has_step = a && !a->make_command.isEmpty();
    make_button_->setText(has_step ? QString("Make %1 (%2)").arg(a->file, a->make_command) : QString("Make selected"));
    make_button_->setEnabled(!busy_ && has_step && a->step_available && !paths_.folder.isEmpty());
    make_button_->setToolTip(has_step && !a->step_available
                                 ? a->unavailable_reason
                                 : QString("(Re)make the selected artifact with the CLI step named in its row"));
}

void ProjectPanel::browse_folder() {
    const QString dir = QFileDialog::getExistingDirectory(this, "Artifact folder", paths_.folder);
    if (dir.isEmpty()) return;
    ProjectPaths p = paths_;
    p.folder = dir;
    if (p.input_json.isEmpty() || !QFileInfo::exists(p.input_json)) p.input_json = dir + "/input.json";
    set_paths(p);
    emit paths_changed(paths_);
}

void ProjectPanel::browse_input() {
    const QString file = QFileDialog::getOpenFileName(this, "Input (input.json)", paths_.folder, "JSON (*.json)");
    if (file.isEmpty()) return;
    ProjectPaths p = paths_;
    p.input_json = file;
    if (p.folder.isEmpty()) p.folder = QFileInfo(file).absolutePath();
    set_paths(p);
    emit paths_changed(paths_);
}

void ProjectPanel::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void ProjectPanel::dropEvent(QDropEvent* e) {
    ProjectPaths p = paths_;
    for (const QUrl& url : e->mimeData()->urls()) {
        const QFileInfo fi(url.toLocalFile());
        if (fi.isDir()) {
            p.folder = fi.absoluteFilePath();
            if (QFileInfo::exists(p.folder + "/input.json")) p.input_json = p.folder + "/input.json";
        } else if (fi.suffix().compare("json", Qt::CaseInsensitive) == 0) {
            p.input_json = fi.absoluteFilePath();
            if (p.folder.isEmpty()) p.folder = fi.absolutePath();
        }
    }
    if (p != paths_) {
        set_paths(p);
        emit paths_changed(paths_);
    }
    e->acceptProposedAction();
}

}  // namespace ps::ui
