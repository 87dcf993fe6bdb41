#pragma once
// The "Verify" tab: drop or pick a proof.json (vk.key, settings.json and kzg.srs come from
// the project) → one large verdict, VALID or INVALID, with the verifier's reason in plain
// words, what the verifier sees (the proof and its public outputs as class scores — and
// not the input), and tamper buttons that break a copy of the proof (one byte, the
// claimed output, another model's key) so anyone can watch verification fail and why.
// Every verdict comes from core's pipeline::verify, on the shared JobRunner.
#include "ui/jobs/job_runner.hpp"
#include "ui/models/recent_projects.hpp"

#include "core/pipeline/tamper.hpp"

#include <QDateTime>
#include <QTemporaryDir>
#include "ui/widgets/exportable.hpp"

#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;

namespace ps::ui {

class ClassScoresChart;

class VerifyPanel : public QWidget, public Exportable {
    Q_OBJECT
public:
    // File ▸ Export saves the class-score chart (PNG, PDF, CSV).
    QString export_base_name() const override;
    QStringList export_formats() const override { return {"png", "pdf", "csv"}; }
    bool export_to(const QString& path, QString* error) const override;
    explicit VerifyPanel(JobRunner& jobs, QWidget* parent = nullptr);

    void set_project(const ProjectPaths& paths);
    void set_proof(const QString& proof_json);  // another proof.json than the project's
    QString proof_path() const { return proof_; }

    // What the panel shows (tests read these).
    enum class Shown { Nothing, Valid, Invalid, Error };
    Shown shown() const { return shown_; }
    QString verdict_text() const;
    QString reason_text() const;
    ClassScoresChart* scores() const { return scores_; }
    // VALID is shown for the proof file as it is now (not for one since replaced).
    bool shows_valid_current_proof() const;

public slots:
    void verify();                          // the genuine proof
    void tamper(ps::pipeline::Tamper kind);  // a broken copy, then verify it
    void restore() { verify(); }

signals:
    void verdict_shown();  // after every verify (valid, invalid, or unusable files)

protected:
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    struct Outcome;
    void start(const QString& title, std::optional<pipeline::Tamper> kind);
    void show_outcome(const Outcome& o);
    void show_error(const QString& text);
    void set_busy(bool busy);

    JobRunner& jobs_;
    ProjectPaths paths_;
    QString proof_;
    QTemporaryDir scratch_;  // tampered copies live here, never in the project
    std::shared_ptr<Outcome> pending_;
    Shown shown_ = Shown::Nothing;
    QDateTime verified_modified_;  // proof.json's time stamp when the shown verdict was made

    QLabel* proof_label_;
    QLabel* verdict_;
    QLabel* reason_;
    QLabel* sees_;
    QLabel* changed_;
    ClassScoresChart* scores_;
    QPushButton* verify_button_;
    std::vector<QPushButton*> tamper_buttons_;
    QPushButton* restore_button_;
};

// The verifier's check in one plain sentence ("The proof was made for another model").
QString plain_reason(plonk::VerifyCheck check);

}  // namespace ps::ui
