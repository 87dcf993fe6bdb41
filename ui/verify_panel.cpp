#include "ui/verify_panel.hpp"

#include "ui/jobs/step_jobs.hpp"
#include "ui/widgets/class_scores_chart.hpp"

#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace ps::ui {

QString plain_reason(plonk::VerifyCheck check) {
    using enum plonk::VerifyCheck;
    switch (check) {
    case Passed: return "Everything checks out: this model, run on some private input, really produced these outputs.";
    case ProofFormat: return "The proof is damaged: its bytes are not a well-formed proof.";
    case VerifyingKey: return "The proof was made for another model than this verifying key describes.";
    case PublicInputs: return "The claimed outputs are not the ones the proof was made for.";
    case Vanishing:
        return "The proof does not fit the claim: for these public outputs and this model, the circuit's equations do not hold.";
    case OpeningPairing: return "The proof's commitments do not open to the values it claims (the final pairing check failed).";
    case Srs: return "The proof or the key belongs to a different trusted setup (kzg.srs).";
    }
    return {};
}

struct VerifyPanel::Outcome {
    pipeline::VerifyStepResult result;
    std::optional<pipeline::Tamper> tampered;
    std::string what_changed;
    bool done = false;
};

VerifyPanel::VerifyPanel(JobRunner& jobs, QWidget* parent) : QWidget(parent), jobs_(jobs) {
    setAcceptDrops(true);
    auto* outer = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    proof_label_ = new QLabel;
    proof_label_->setWordWrap(true);
    auto* pick = new QPushButton("Pick proof.json…");
    verify_button_ = new QPushButton("Verify");
    verify_button_->setToolTip("Check the proof with the project's vk.key, settings.json and kzg.srs");
    top->addWidget(proof_label_, 1);
    top->addWidget(pick);
    top->addWidget(verify_button_);
    outer->addLayout(top);

    verdict_ = new QLabel("—");
    verdict_->setAlignment(Qt::AlignCenter);
    verdict_->setMinimumHeight(70);
    verdict_->setStyleSheet("font-size: 30pt; font-weight: bold; color: #888;");
    reason_ = new QLabel("Drop a proof.json here or press Verify to check the project's proof.");
    reason_->setAlignment(Qt::AlignCenter);
    reason_->setWordWrap(true);
    reason_->setStyleSheet("font-size: 12pt;");
    changed_ = new QLabel;
    changed_->setAlignment(Qt::AlignCenter);
    changed_->setWordWrap(true);
    changed_->setStyleSheet("color: #a04000;");
    outer->addWidget(verdict_);
    outer->addWidget(reason_);
    outer->addWidget(changed_);

    auto* tamper_row = new QHBoxLayout;
    tamper_row->addWidget(new QLabel("Try to cheat:"));
    const std::pair<pipeline::Tamper, const char*> kinds[] = {
        {pipeline::Tamper::ProofByte, "Change one byte of the proof"},
        {pipeline::Tamper::ClaimedOutput, "Change the claimed output by one unit"},
        {pipeline::Tamper::OtherModelKey, "Use another model's key"},
    };
    for (const auto& [kind, text] : kinds) {
        auto* b = new QPushButton(text);
        b->setToolTip("Verifies a broken copy (kept outside the project); the genuine proof.json is not touched");
        // A copy, not the structured binding: clang before 16 cannot capture those, and the
        // sanitizer build (run-tests.sh --sanitize) uses Debian's clang 14.
        const pipeline::Tamper chosen = kind;
        connect(b, &QPushButton::clicked, this, [this, chosen] { tamper(chosen); });
        tamper_row->addWidget(b);
        tamper_buttons_.push_back(b);
    }
    restore_button_ = new QPushButton("Restore the valid proof");
    connect(restore_button_, &QPushButton::clicked, this, &VerifyPanel::restore);
    tamper_row->addWidget(restore_button_);
    tamper_row->addStretch(1);
    outer->addLayout(tamper_row);

    sees_ = new QLabel;
    sees_->setWordWrap(true);
    sees_->setTextFormat(Qt::RichText);
    outer->addWidget(sees_);
    scores_ = new ClassScoresChart;
    scores_->clear("Verify a proof to see the outputs it claims, as the model's class scores.");
    outer->addWidget(scores_, 1);

    connect(pick, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, "Proof (proof.json)", paths_.folder, "JSON (*.json)");
        if (!f.isEmpty()) set_proof(f);
    });
    connect(verify_button_, &QPushButton::clicked, this, &VerifyPanel::verify);
    connect(&jobs_, &JobRunner::failed, this, [this](const ErrorReport& e) {
        if (pending_) show_error(e.one_line());
    });
    connect(&jobs_, &JobRunner::cancelled, this, [this] {
        if (pending_) show_error("Verification was cancelled.");
    });
    connect(&jobs_, &JobRunner::succeeded, this, [this] {
        if (pending_ && pending_->done) show_outcome(*pending_);
    });
    connect(&jobs_, &JobRunner::started, this, [this] { set_busy(true); });
    connect(&jobs_, &JobRunner::finished, this, [this] {
        pending_.reset();
        set_busy(false);
    });
    set_busy(false);
}

void VerifyPanel::set_project(const ProjectPaths& paths) {
    if (paths.folder != paths_.folder) proof_.clear();
    paths_ = paths;
    if (proof_.isEmpty() && !paths.folder.isEmpty()) proof_ = paths.folder + "/proof.json";
    proof_label_->setText(proof_.isEmpty() ? QString("No project open.")
                                           : QString("Proof: %1  (checked with vk.key, settings.json and kzg.srs of the project)").arg(proof_));
    set_busy(jobs_.busy());
}

void VerifyPanel::set_proof(const QString& proof_json) {
    proof_ = QFileInfo(proof_json).absoluteFilePath();
    set_project(paths_);
    verify();
}

bool VerifyPanel::shows_valid_current_proof() const {
    return shown_ == Shown::Valid && QFileInfo(proof_).lastModified() == verified_modified_;
}

QString VerifyPanel::verdict_text() const { return verdict_->text(); }
QString VerifyPanel::reason_text() const { return reason_->text(); }

void VerifyPanel::verify() { start("Verify proof", std::nullopt); }

void VerifyPanel::tamper(pipeline::Tamper kind) { start("Verify a tampered proof", kind); }

void VerifyPanel::start(const QString& title, std::optional<pipeline::Tamper> kind) {
    if (paths_.folder.isEmpty() || jobs_.busy()) return;
    pipeline::TamperSources sources = pipeline::TamperSources::of(to_project(paths_));
    sources.genuine.proof = proof_.toStdString();
    const std::filesystem::path scratch = scratch_.path().toStdString();
    auto outcome = std::make_shared<Outcome>();
    outcome->tampered = kind;
    pending_ = outcome;
    const bool started = jobs_.start(title, [outcome, sources, scratch](ProgressSink& sink) {
        if (outcome->tampered) {
            auto v = pipeline::verify_tampered(sources, *outcome->tampered, scratch, sink);
            outcome->result = std::move(v.result);
            outcome->what_changed = std::move(v.copy.what_changed);
        } else {
            outcome->result = pipeline::verify(sources.genuine, sink);
        }
        outcome->done = true;
    });
    if (!started) pending_.reset();
}

void VerifyPanel::show_outcome(const Outcome& o) {
    const auto& v = o.result.verdict;
    shown_ = v.ok ? Shown::Valid : Shown::Invalid;
    verified_modified_ = QFileInfo(proof_).lastModified();
    verdict_->setText(v.ok ? "✔ VALID" : "✘ INVALID");
    verdict_->setStyleSheet(QString("font-size: 30pt; font-weight: bold; color: %1;").arg(v.ok ? "#1e8449" : "#c0392b"));
    reason_->setText(plain_reason(v.check) +
                     (v.ok ? QString() : QString("\nThe verifier's reason: %1").arg(QString::fromStdString(v.reason))));
    changed_->setText(o.tampered ? QString("What was changed: %1. Press “Restore the valid proof” to check the genuine one again.")
                                       .arg(QString::fromStdString(o.what_changed))
                                 : QString());
    const auto& pretty = o.result.pretty_public_inputs;
    std::vector<double> outputs;
    if (pretty.contains("rescaled_outputs") && !pretty["rescaled_outputs"].empty())
        for (const auto& x : pretty["rescaled_outputs"][0]) outputs.push_back(x.get<double>());
    const bool input_public = pretty.contains("rescaled_inputs");
    sees_->setText(QString("<b>What the verifier sees:</b> the proof (%1), the verifying key, the settings and the SRS, "
                           "and %2 public value(s): the model's outputs below. %3 Checked in %4 ms.")
                       .arg(QString("%1 bytes").arg(o.result.proof_bytes))
                       .arg(outputs.size())
                       .arg(input_public ? QString("<span style='color:#a04000'>The input is public in these settings (input_visibility = public).</span>")
                                         : QString("<b>Not the input:</b> the digit the model saw (input.json, witness.json) never leaves the prover."))
                       .arg(o.result.verify_milliseconds, 0, 'f', 1));
    if (outputs.empty()) scores_->clear("The proof has no public outputs (output_visibility is not public).");
    else if (v.ok) scores_->set_scores(outputs, "score proven by the proof");
    else scores_->set_scores(outputs, "score claimed, NOT proven: verification failed", {}, {}, false);
    emit verdict_shown();
}

void VerifyPanel::show_error(const QString& text) {
    shown_ = Shown::Error;
    verdict_->setText("cannot verify");
    verdict_->setStyleSheet("font-size: 24pt; font-weight: bold; color: #a04000;");
    reason_->setText(text);
    changed_->clear();
    emit verdict_shown();
}

void VerifyPanel::set_busy(bool busy) {
    const bool can = !busy && !paths_.folder.isEmpty();
    verify_button_->setEnabled(can);
    restore_button_->setEnabled(can);
    for (auto* b : tamper_buttons_) b->setEnabled(can);
}

void VerifyPanel::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void VerifyPanel::dropEvent(QDropEvent* e) {
    for (const QUrl& url : e->mimeData()->urls())
        if (url.toLocalFile().endsWith(".json", Qt::CaseInsensitive)) {
            set_proof(url.toLocalFile());
            break;
        }
    e->acceptProposedAction();
}

QString VerifyPanel::export_base_name() const { return "verified_outputs"; }

bool VerifyPanel::export_to(const QString& path, QString* error) const { return scores_->export_to(path, error); }

}  // namespace ps::ui
