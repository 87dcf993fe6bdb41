#pragma once
// What happens when the user presses Run: a step name on the open project is checked
// (a project is open, the step exists in this build, its input is there), becomes the
// core/pipeline call of ui/jobs/step_jobs on the JobRunner (QThreadPool), and the
// project is read again when it succeeds. "Run all missing steps" chains the steps
// towards the witness, one after each reload.
#include "ui/jobs/job_runner.hpp"

#include <QObject>

namespace ps::ui {

class ProjectController;

class StepRunner : public QObject {
    Q_OBJECT
public:
    explicit StepRunner(ProjectController& project, QObject* parent = nullptr);

    JobRunner& jobs() { return jobs_; }  // progress, stage and outcome signals
    bool busy() const { return jobs_.busy(); }
    // Core threads for setup and prove (0: every core).
    void set_threads(unsigned threads) { threads_ = threads; }

public slots:
    void run(const QString& step);
    void generate_witness();   // gen-witness, with a clear message when network.ezkl is missing
    void run_missing_steps();  // every missing step up to and including the witness
    void run_to_proof();       // every missing step up to and including proof.json (the one-click demo)
    void cancel();

signals:
    // A step refused before it started (no project, unknown step, missing input), or a
    // warning the user must see (gen-srs makes a development-only SRS).
    void problem(const ps::ui::ErrorReport& error);
    // Just before `step` starts on the JobRunner (its stage rows can be laid out).
    void step_starting(const QString& step);
    // run_to_proof is done: proof.json exists (the caller verifies it where it is shown).
    void chain_reached_proof();

private:
    void continue_chain();
    // A warning in the Problems panel when the step's estimated peak exceeds free memory.
    void warn_if_memory_short(const QString& step);

    ProjectController& project_;
    JobRunner jobs_;
    bool chaining_ = false;
    bool chain_to_proof_ = false;  // run_to_proof: on through SRS, keys and proof
    unsigned threads_ = 0;
};

}  // namespace ps::ui
