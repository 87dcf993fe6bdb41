#pragma once
// A classifier's outputs as one bar per class, the predicted class (the highest score)
// in green: what the public values of a proof or a witness say the model answered.
// Optionally a second series (the float model's scores) beside the circuit's.
#include "ui/widgets/plot_view.hpp"

#include <vector>

namespace ps::ui {

class ClassScoresChart : public PlotView {
    Q_OBJECT
public:
    explicit ClassScoresChart(QWidget* parent = nullptr);
    // `reference` empty: one series. `what`: "claimed by the proof", "circuit (fixed point)".
    // `proven` false (a proof that failed verification): the bars are greyed and the
    // predicted class is marked "not proven", so nobody reads them as established.
    void set_scores(const std::vector<double>& scores, const QString& what, const std::vector<double>& reference = {},
                    const QString& reference_what = {}, bool proven = true);
    void clear(const QString& message);
    int predicted_class() const { return predicted_; }

protected:
    QString csv() const override;

private:
    std::vector<double> scores_, reference_;
    int predicted_ = -1;
};

}  // namespace ps::ui
