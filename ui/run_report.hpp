#pragma once
// The one-page run report (PDF through Qt's printing): the model, its settings, a layer
// summary, the last run's stage times (table and chart) and the verdict, for a reader
// who has no ProofScope. Written next to the file name given via a temporary file and
// a rename, like every artifact.
#include "ui/models/artifact_status.hpp"
#include "ui/models/recent_projects.hpp"

#include "core/pipeline/run_history.hpp"

#include <QString>

namespace ps::ui {

class StageTimingChart;

struct RunReportContent {
    const ProjectPaths& paths;
    const ProjectStatus& status;
    const pipeline::RunHistory& history;
    const StageTimingChart* chart;  // may be null or empty: no chart image then
};

// The report as HTML (what the PDF shows; tests read it).
QString run_report_html(const RunReportContent& content);
bool write_run_report(const QString& pdf_path, const RunReportContent& content, QString* error);

}  // namespace ps::ui
