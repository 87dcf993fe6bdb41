#include "ui/widgets/output_view.hpp"

#include "ui/widgets/class_scores_chart.hpp"

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace ps::ui {

OutputView::OutputView(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);
    caption_->setStyleSheet("font-size: 12pt;");
    chart_ = new ClassScoresChart;
    outer->addWidget(caption_);
    outer->addWidget(chart_, 1);
    set_trace(nullptr);
}

QString OutputView::caption() const { return caption_->text(); }

void OutputView::set_trace(std::shared_ptr<const WitnessResult> trace) {
    if (!trace || trace->layers.empty()) {
        caption_->clear();
        chart_->clear("No witness yet.\nMake one (Run ▸ Generate witness, F5): this view then shows what the model "
                      "predicted for the input, the circuit's answer beside the float model's.");
        return;
    }
    const LayerTrace& out = trace->layers.back();
    std::vector<double> circuit(out.quantised.size());
    for (size_t i = 0; i < circuit.size(); ++i) circuit[i] = out.dequantised(i);
    const bool has_float = out.float_reference.size() == circuit.size();
    chart_->set_scores(circuit, "circuit (fixed point, dequantised)", has_float ? out.float_reference : std::vector<double>{},
                       "float model (reference)");
    auto argmax = [](const std::vector<double>& v) { return int(std::max_element(v.begin(), v.end()) - v.begin()); };
    QString text = QString("The circuit predicts <b>class %1</b> (output layer %2, %3 values).")
                       .arg(argmax(circuit)).arg(QString::fromStdString(out.name)).arg(circuit.size());
    if (has_float) {
        const int f = argmax(out.float_reference);
        text += f == argmax(circuit) ? QString(" The float model agrees (class %1); largest difference %2.")
                                           .arg(f).arg(out.max_abs_error, 0, 'g', 3)
                                     : QString(" <span style='color:#c0392b'><b>The float model predicts class %1</b></span>: "
                                               "quantisation changed the answer (try a larger scale).").arg(f);
    }
    caption_->setText(text);
}

QString OutputView::export_base_name() const { return "model_output"; }

bool OutputView::export_to(const QString& path, QString* error) const { return chart_->export_to(path, error); }

}  // namespace ps::ui
