#pragma once
// Every pipeline step as a JobRunner job: the same core/pipeline call the CLI makes, on
// the project's default paths, in this process (on the QThreadPool), so the GUI and the
// CLI write the same bytes and there is one execution path.
#include "ui/jobs/job_runner.hpp"
#include "ui/models/recent_projects.hpp"

#include "core/pipeline/project.hpp"
#include "core/pipeline/proving_run.hpp"

#include <optional>

namespace ps::ui {

pipeline::Project to_project(const ProjectPaths& paths);

// The work for `step` on `paths`; nothing when the step has no implementation in this
// build (the step table says why). gen-srs sizes the SRS from settings.json's logrows.
// Setup and prove append to the project's run history; `options.threads` caps the core's
// parallelism for them.
std::optional<JobRunner::Work> step_work(const QString& step, const ProjectPaths& paths,
                                         const pipeline::RunOptions& options = {});

}  // namespace ps::ui
