#pragma once
// The "Remote" tab: send the project's steps to a Slurm cluster and follow them. Submit
// a step (the project folder must be on storage the cluster's nodes share), watch every
// ProofScope job of this folder refresh through pending, running, done or failed, read a
// job's log, cancel it, and verify a finished prove's proof.json here with one click.
// Every scheduler call goes through core/remote's SlurmClient (the one the CLI's `job`
// uses) on the QThreadPool, so a slow controller never freezes the window.
#include "core/remote/slurm_client.hpp"
#include "ui/models/recent_projects.hpp"

#include <QWidget>
#include <functional>
#include <map>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace ps::ui {

class RemotePanel : public QWidget {
    Q_OBJECT
public:
    // `client` null: the real one (Slurm's tools on PATH); tests pass a fake.
    explicit RemotePanel(std::shared_ptr<remote::SlurmClient> client = nullptr, QWidget* parent = nullptr);
    void set_project(const ProjectPaths& paths);

    // The jobs shown, in table order; for tests and the status bar.
    const std::vector<remote::JobInfo>& jobs() const { return jobs_; }
    QString message() const;       // the line above the table: what happened, or what to do
    QString log_text() const;       // the log pane
    QString verdict_text() const;   // "VALID: …" / "INVALID: …" after Verify proof here
    bool can_verify() const;        // the selected job is a finished prove
    bool busy() const { return in_flight_ > 0; }
    void select_job(const QString& id);
    // What the next submission asks for: Slurm's --time ("" = from the last run in
    // runs.jsonl), --mem in MiB (0 = from the pre-flight estimate), --cpus-per-task (0 = the
    // cluster's default). The fields of the form; a setter for tests.
    void set_resources(const QString& time, int mem_mib, int cpus);
    void set_refresh_interval(int ms);

public slots:
    void submit();             // the chosen step, in the project folder
    void refresh();            // asks the scheduler again
    void show_log();           // of the selected job
    void cancel_selected();
    void verify_selected();    // the selected (finished) prove job's proof.json, verified here

signals:
    void updated();            // after each answer from the scheduler or the verifier

protected:
    // The scheduler is asked only while the tab is on screen.
    void showEvent(QShowEvent* e) override;

private:
    // Runs `work` on the QThreadPool; the closure it returns runs back on the GUI thread.
    // A ps::Error (or any exception) becomes the panel's message instead.
    void in_background(std::function<std::function<void()>()> work);
    void show_jobs(std::vector<remote::JobInfo> jobs);
    void set_message(const QString& text, bool error = false);
    const remote::JobInfo* selected() const;
    void update_buttons();

    std::shared_ptr<remote::SlurmClient> client_;
    ProjectPaths project_;
    std::vector<remote::JobInfo> jobs_;
    int in_flight_ = 0;

    QComboBox* step_;
    QLineEdit* partition_;
    QLineEdit* time_;
    QSpinBox* mem_mib_;
    QSpinBox* cpus_;
    QLineEdit* cli_;
    QPushButton* submit_;
    QLabel* message_;
    QTableWidget* table_;
    QPushButton* log_button_;
    QPushButton* cancel_button_;
    QPushButton* verify_button_;
    QLabel* verdict_;
    QPlainTextEdit* log_;
    QTimer* timer_;
};

}  // namespace ps::ui
