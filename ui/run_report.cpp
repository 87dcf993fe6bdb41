#include "ui/run_report.hpp"

#include "ui/atomic_export.hpp"

#include "ui/widgets/stage_timing_chart.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPrinter>
#include <QTextDocument>
#include <map>
#include <qcustomplot.h>

namespace ps::ui {

namespace {
const pipeline::RunRecord* last_run(const pipeline::RunHistory& h, const char* step) {
    for (auto it = h.runs.rbegin(); it != h.runs.rend(); ++it)
        if (it->step == step) return &*it;
    return nullptr;
}
}  // namespace

QString run_report_html(const RunReportContent& c) {
    QString h = "<h2>ProofScope run report</h2>";
    h += QString("<p><b>Project:</b> %1<br><b>Input:</b> %2</p>").arg(c.paths.folder.toHtmlEscaped(), c.paths.input_json.toHtmlEscaped());
    h += "<h3>Model and settings</h3><table cellspacing=0 cellpadding=2>";
    for (const char* file : {"network.onnx", "settings.json", "network.ezkl", "kzg.srs", "vk.key"}) {
        const ArtifactStatus* a = c.status.find(file);
        if (!a) continue;
        h += QString("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                 .arg(file, to_text(a->state), a->facts.join(", ").toHtmlEscaped());
    }
    h += "</table>";
    if (c.status.witness) {
        std::map<std::string, int> ops;
        for (const auto& l : c.status.witness->layers) ++ops[l.op];
        QStringList parts;
        for (const auto& [op, n] : ops) parts << QString("%1 × %2").arg(n).arg(QString::fromStdString(op));
        h += QString("<h3>Layers</h3><p>%1 layers: %2</p>").arg(c.status.witness->layers.size()).arg(parts.join(", ").toHtmlEscaped());
    }
    const pipeline::RunRecord* prove = last_run(c.history, "prove");
    if (prove) {
        const bool valid = prove->verdict == "valid";
        h += QString("<h3>Last proof (%1)</h3>").arg(QString::fromStdString(prove->date));
        h += QString("<p style='font-size:16pt; color:%1'><b>%2</b></p>")
                 .arg(valid ? "#1e8449" : "#c0392b", valid ? "VALID" : QString::fromStdString(prove->verdict).toHtmlEscaped());
        h += QString("<p>Prove %1 · proof %2 · peak memory %3 · verify %4 · threads %5</p>")
                 .arg(duration_text(prove->total_milliseconds), bytes_text(prove->proof_bytes), peak_memory_text(*prove),
                      duration_text(prove->verify_milliseconds), prove->threads ? QString::number(prove->threads) : QString("all cores"));
        h += "<table border=1 cellspacing=0 cellpadding=2><tr><th>stage</th><th>time</th></tr>";
        for (const auto& s : prove->stages)
            if (s.depth == 0)
                h += QString("<tr><td>%1</td><td align=right>%2</td></tr>").arg(QString::fromStdString(s.stage).toHtmlEscaped(), duration_text(s.milliseconds));
        h += "</table>";
    } else {
        h += "<p>No proof has been made in this project yet.</p>";
    }
    if (const pipeline::RunRecord* setup = last_run(c.history, "setup"))
        h += QString("<p>Keys generated %1 in %2 (peak memory %3).</p>")
                 .arg(QString::fromStdString(setup->date), duration_text(setup->total_milliseconds), peak_memory_text(*setup));
    h += QString("<p style='color:#666'>%1 run(s) in runs.jsonl. proof.json itself holds no timings or digests.</p>").arg(c.history.runs.size());
    return h;
}

bool write_run_report(const QString& pdf_path, const RunReportContent& c, QString* error) {
    QString html = run_report_html(c);
    QTextDocument doc;
    if (c.chart && !c.chart->showing_empty_state()) {
        doc.addResource(QTextDocument::ImageResource, QUrl("stage_times.png"), c.chart->plot()->toPixmap(900, 420).toImage());
        html += "<p><img width=620 src='stage_times.png'></p>";
    }
    doc.setHtml(html);
    return export_atomically(pdf_path, [&](const QString& temp) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(temp);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        doc.print(&printer);
        return QFileInfo(temp).exists();
    }, error);
}

}  // namespace ps::ui
