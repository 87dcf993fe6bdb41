#include "ui/dialogs/about_dialog.hpp"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <oneapi/tbb/version.h>
#include <openssl/crypto.h>
#include <qcustomplot.h>

// The .qrc is compiled into the static proofscope_ui library: its initialiser must be
// referenced explicitly or the linker drops it (Qt docs, "Using Resources in a Library").
// Q_INIT_RESOURCE has to be used outside any namespace.
static void init_ui_resources() { Q_INIT_RESOURCE(proofscope); }

namespace ps::ui {

QString AboutDialog::versions_html() {
    return QString("<table>"
                   "<tr><td>ProofScope</td><td>%1</td></tr>"
                   "<tr><td>Qt</td><td>%2 (built with %3)</td></tr>"
                   "<tr><td>QCustomPlot</td><td>%4</td></tr>"
                   "<tr><td>OpenSSL</td><td>%5</td></tr>"
                   "<tr><td>nlohmann/json</td><td>%6.%7.%8</td></tr>"
                   "<tr><td>oneTBB</td><td>%9</td></tr>"
                   "</table>")
        .arg(PROOFSCOPE_UI_VERSION, qVersion(), QT_VERSION_STR, QCUSTOMPLOT_VERSION_STR,
             OpenSSL_version(OPENSSL_VERSION))
        .arg(NLOHMANN_JSON_VERSION_MAJOR).arg(NLOHMANN_JSON_VERSION_MINOR).arg(NLOHMANN_JSON_VERSION_PATCH)
        .arg(TBB_runtime_version());
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle("About ProofScope");
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        "<h2>ProofScope</h2>"
        "<p>A workbench for zero-knowledge proofs of machine-learning models, in the style of EZKL: "
        "PLONKish arithmetisation with KZG commitments over BN254.</p>"
        "<p>It shows what a network computes layer by layer, in the fixed-point arithmetic the "
        "circuit proves, and where that departs from the float model.</p>"
        "<p>ProofScope is free software, licensed under the GNU General Public License, version 3 "
        "or (at your option) any later version (GPL-3.0-or-later): you may use, study, share and "
        "change it. It comes with NO WARRANTY. GPL because it links QCustomPlot, which is GPL; "
        "the full text is in LICENSE, or /usr/share/common-licenses/GPL-3 on Debian.</p>");
    intro->setWordWrap(true);
    layout->addWidget(intro);
    init_ui_resources();
    auto* text = new QTextBrowser;
    QFile licences(":/about/licences.html");
    QString html = "<h3>Versions</h3>" + versions_html();
    if (licences.open(QIODevice::ReadOnly)) html += QString::fromUtf8(licences.readAll());
    text->setHtml(html);
    text->setOpenExternalLinks(true);
    layout->addWidget(text, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 520);
}

}  // namespace ps::ui
