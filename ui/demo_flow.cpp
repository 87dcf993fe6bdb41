#include "ui/demo_flow.hpp"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ps::ui {

namespace {
const char* titles[] = {"1. Your input", "2. The witness", "3. The proof", "4. The verification"};
}

QString DemoFlow::step_sentence(int step) {
    switch (step) {
    case 0: return "Draw or pick a digit. It stays on this computer: it is the private input, and nobody else will see it.";
    case 1: return "The model reads the digit inside the circuit. Every value it computes along the way (the witness) is private too.";
    case 2: return "The proof: a few kilobytes saying “this model gave these scores”, without saying anything about the digit.";
    case 3: return "Anyone with the public verifying key checks the proof in milliseconds. They see the scores — never the digit.";
    }
    return {};
}

DemoFlow::DemoFlow(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    auto* title = new QLabel("Prove what a model answered — without showing what it was asked");
    title->setStyleSheet("font-size: 16pt; font-weight: bold;");
    title->setWordWrap(true);
    outer->addWidget(title);
    auto* grid = new QGridLayout;
    grid->setColumnStretch(2, 1);
    grid->setVerticalSpacing(14);
    for (int i = 0; i < 4; ++i) {
        marks_[size_t(i)] = new QLabel("○");
        marks_[size_t(i)]->setStyleSheet("font-size: 20pt; color: #999;");
        auto* name = new QLabel(QString("<b>%1</b>").arg(titles[i]));
        name->setStyleSheet("font-size: 13pt;");
        auto* sentence = new QLabel(step_sentence(i));
        sentence->setWordWrap(true);
        sentence->setStyleSheet("font-size: 12pt;");
        grid->addWidget(marks_[size_t(i)], i, 0);
        grid->addWidget(name, i, 1);
        grid->addWidget(sentence, i, 2);
    }
    outer->addLayout(grid);
    auto* buttons = new QHBoxLayout;
    auto* pick = new QPushButton("Draw or pick a digit…");
    one_click_ = new QPushButton("Prove and verify in one click");
    one_click_->setStyleSheet("font-size: 13pt; font-weight: bold; padding: 8px 18px;");
    auto* sees = new QPushButton("What the verifier sees");
    buttons->addWidget(pick);
    buttons->addWidget(one_click_);
    buttons->addWidget(sees);
    buttons->addStretch(1);
    outer->addLayout(buttons);
    note_ = new QLabel;
    note_->setWordWrap(true);
    note_->setStyleSheet("color: #555;");
    outer->addWidget(note_);
    outer->addStretch(1);
    connect(pick, &QPushButton::clicked, this, &DemoFlow::pick_input_requested);
    connect(one_click_, &QPushButton::clicked, this, &DemoFlow::one_click_requested);
    connect(sees, &QPushButton::clicked, this, &DemoFlow::verifier_view_requested);
    set_status({}, false, false);
}

void DemoFlow::set_status(const ProjectStatus& status, bool project_open, bool verified) {
    auto present = [&status](const char* file) {
        const ArtifactStatus* a = status.find(file);
        return a && a->state == ArtifactState::Present;
    };
    const bool reached[] = {present("input.json"), present("witness.json"), present("proof.json"), verified};
    reached_ = 0;
    while (reached_ < 4 && reached[reached_]) ++reached_;
    for (int i = 0; i < 4; ++i) {
        marks_[size_t(i)]->setText(reached[i] ? "✔" : "○");
        marks_[size_t(i)]->setStyleSheet(QString("font-size: 20pt; color: %1;").arg(reached[i] ? "#1e8449" : "#999"));
    }
    note_->setText(project_open
                       ? "After the proof, open “What the verifier sees” and try the tamper buttons: change one byte, "
                         "change the claimed score, or use another model's key — verification fails and says why."
                       : "No project is open: the one-click button opens the bundled digit classifier first.");
}

}  // namespace ps::ui
