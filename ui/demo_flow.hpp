#pragma once
// The "Demo" tab, for an audience that has never heard of zero knowledge: four steps
// (input → witness → proof → verification), each with one plain sentence about what is
// private and what is public, a tick when the project has reached it, and one button
// that proves and verifies the bundled digit classifier from a fresh start.
#include "ui/models/artifact_status.hpp"

#include <QWidget>
#include <array>

class QLabel;
class QPushButton;

namespace ps::ui {

class DemoFlow : public QWidget {
    Q_OBJECT
public:
    explicit DemoFlow(QWidget* parent = nullptr);
    // `verified`: the Verify tab shows VALID for the current proof.
    void set_status(const ProjectStatus& status, bool project_open, bool verified);
    int steps_reached() const { return reached_; }
    static QString step_sentence(int step);  // the plain words of step 0..3

signals:
    void pick_input_requested();   // show the Input tab (draw or load a digit)
    void one_click_requested();    // prove and verify, from whatever is missing
    void verifier_view_requested();  // show the Verify tab

private:
    std::array<QLabel*, 4> marks_{};
    QPushButton* one_click_;
    QLabel* note_;
    int reached_ = 0;
};

}  // namespace ps::ui
