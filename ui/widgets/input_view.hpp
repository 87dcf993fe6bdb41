#pragma once
// The model's input: for image-shaped inputs (N×C×H×W) the picture and a grid of its
// values; load a PNG/JPEG or draw a digit with the mouse (either resized and scaled to the
// input shape), edit single values, save input.json (atomically) and regenerate the
// witness to see the change.
#include "core/artifacts/input_data.hpp"
#include "ui/models/input_image.hpp"
#include "ui/widgets/exportable.hpp"

#include <QWidget>

class QCheckBox;
class QDialog;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ps::ui {

class InputView : public QWidget, public Exportable {
    Q_OBJECT
public:
    explicit InputView(QWidget* parent = nullptr);

    // `shape` is model input 0's shape (empty when unknown). Reads the file; a missing or
    // broken file leaves the view empty and reports through `problem`.
    void set_input(const QString& input_json, const std::vector<int64_t>& shape);
    bool load_image(const QString& image_path, QString* error);  // into the values, unsaved
    bool use_image(const QImage& image, QString* error);         // the same, from memory
    // The drawing window (created on first use): draw, then "Use this drawing".
    void open_drawing_pad();
    class DrawingPad* drawing_pad() const { return pad_; }
    bool use_drawing(QString* error);
    bool save(QString* error);
    bool dirty() const { return dirty_; }
    const InputData& document() const { return doc_; }

    QString export_base_name() const override { return "input"; }
    QStringList export_formats() const override { return {"png", "csv"}; }
    bool export_to(const QString& path, QString* error) const override;

signals:
    void saved(const QString& input_json);
    void regenerate_requested();
    void problem(const QString& where, const QString& what, const QString& fix);

private:
    void refresh_views();
    void fill_grid();
    void on_cell_edited(int row, int column);
    void set_dirty(bool d);

    QString path_;
    std::vector<int64_t> shape_;
    InputData doc_;
    ImageShape image_;
    bool is_image_ = false;
    bool dirty_ = false;
    bool filling_ = false;
    QLabel* caption_ = nullptr;
    QLabel* picture_ = nullptr;
    QSpinBox* channel_ = nullptr;
    QTableWidget* grid_ = nullptr;
    QCheckBox* invert_ = nullptr;
    QDoubleSpinBox* lo_ = nullptr;
    QDoubleSpinBox* hi_ = nullptr;
    QPushButton* load_button_ = nullptr;
    QPushButton* draw_button_ = nullptr;
    QDialog* draw_dialog_ = nullptr;
    class DrawingPad* pad_ = nullptr;
    QPushButton* save_button_ = nullptr;
    QPushButton* regenerate_button_ = nullptr;
};

}  // namespace ps::ui
