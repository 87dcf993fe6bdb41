#include "ui/widgets/input_view.hpp"

#include "ui/atomic_export.hpp"

#include "core/util/error.hpp"
#include "ui/widgets/drawing_pad.hpp"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ps::ui {

InputView::InputView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    layout->addWidget(caption_);

    auto* body = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    picture_ = new QLabel;
    picture_->setFixedSize(256, 256);
    picture_->setAlignment(Qt::AlignCenter);
    picture_->setStyleSheet("background: #222; border: 1px solid #888;");
    picture_->setToolTip("The input as an image: the smallest value is black, the largest white");
    left->addWidget(picture_);
    auto* options = new QGridLayout;
    invert_ = new QCheckBox("Invert (dark ink → high values)");
    invert_->setChecked(true);
    invert_->setToolTip("Digit classifiers expect bright strokes on a dark background; "
                        "a scanned or drawn digit is usually dark on light");
    lo_ = new QDoubleSpinBox;
    hi_ = new QDoubleSpinBox;
    for (auto* s : {lo_, hi_}) {
        s->setRange(-1e6, 1e6);
        s->setDecimals(3);
    }
    lo_->setValue(0);
    hi_->setValue(1);
    lo_->setToolTip("Value a black (or, inverted, white) pixel becomes");
    hi_->setToolTip("Value a white (or, inverted, black) pixel becomes");
    options->addWidget(invert_, 0, 0, 1, 4);
    options->addWidget(new QLabel("Pixel range:"), 1, 0);
    options->addWidget(lo_, 1, 1);
    options->addWidget(new QLabel("to"), 1, 2);
    options->addWidget(hi_, 1, 3);
    left->addLayout(options);
    load_button_ = new QPushButton("Load image…");
    load_button_->setToolTip("Load a PNG or JPEG; it is resized to the model's input shape (Ctrl+I)");
    draw_button_ = new QPushButton("Draw a digit…");
    draw_button_->setToolTip("Draw the input with the mouse; it is resized to the model's input shape");
    save_button_ = new QPushButton("Save input.json");
    save_button_->setToolTip("Write the values to input.json (Ctrl+S)");
    regenerate_button_ = new QPushButton("Save and regenerate witness");
    regenerate_button_->setToolTip("Save input.json, then recompute every layer for it (F5)");
    for (auto* b : {load_button_, draw_button_, save_button_, regenerate_button_}) left->addWidget(b);
    left->addStretch(1);
    body->addLayout(left);

    auto* right = new QVBoxLayout;
    auto* channel_row = new QHBoxLayout;
    channel_row->addWidget(new QLabel("Values of channel:"));
    channel_ = new QSpinBox;
    channel_->setToolTip("Channel shown in the grid");
    channel_row->addWidget(channel_);
    channel_row->addWidget(new QLabel("— double-click a cell to edit it"));
    channel_row->addStretch(1);
    right->addLayout(channel_row);
    grid_ = new QTableWidget;
    grid_->horizontalHeader()->setDefaultSectionSize(52);
    grid_->verticalHeader()->setDefaultSectionSize(24);
    right->addWidget(grid_, 1);
    body->addLayout(right, 1);
    layout->addLayout(body, 1);

    connect(channel_, &QSpinBox::valueChanged, this, [this] { fill_grid(); });
    connect(grid_, &QTableWidget::cellChanged, this, &InputView::on_cell_edited);
    connect(load_button_, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, "Load an image as the input", QFileInfo(path_).absolutePath(),
                                                          "Images (*.png *.jpg *.jpeg *.bmp)");
        QString error;
        if (!file.isEmpty() && !load_image(file, &error)) emit problem(file, error, "pick a PNG or JPEG file");
    });
    connect(draw_button_, &QPushButton::clicked, this, &InputView::open_drawing_pad);
    connect(save_button_, &QPushButton::clicked, this, [this] {
        QString error;
        if (!save(&error)) emit problem(path_, error, "check that the folder is writable");
    });
    connect(regenerate_button_, &QPushButton::clicked, this, [this] {
        QString error;
        if (dirty_ && !save(&error)) {
            emit problem(path_, error, "check that the folder is writable");
            return;
        }
        emit regenerate_requested();
    });
    set_input({}, {});
}

void InputView::set_input(const QString& input_json, const std::vector<int64_t>& shape) {
    path_ = input_json;
    shape_ = shape;
    doc_ = {};
    set_dirty(false);
    if (!input_json.isEmpty() && QFileInfo::exists(input_json)) {
        try {
            doc_ = read_input_json(input_json.toStdString(), {});
        } catch (const Error& e) {
            emit problem(QString::fromStdString(e.where()), QString::fromStdString(e.problem()),
                         QString::fromStdString(e.fix()));
        }
    } else if (!input_json.isEmpty() && !shape.empty()) {
        // No file yet: start from zeros so an image can be loaded and saved.
        size_t n = 1;
        for (int64_t d : shape) n *= size_t(std::max<int64_t>(d, 1));
        doc_.inputs.assign(1, std::vector<double>(n, 0.0));
    }
    is_image_ = image_shape_of(shape, image_) && !doc_.inputs.empty() &&
                doc_.inputs[0].size() == size_t(image_.channels) * size_t(image_.height) * size_t(image_.width);
    refresh_views();
}

void InputView::refresh_views() {
    const bool has = !doc_.inputs.empty();
    load_button_->setEnabled(is_image_);
    draw_button_->setEnabled(is_image_);
    save_button_->setEnabled(has && !path_.isEmpty());
    regenerate_button_->setEnabled(has && !path_.isEmpty());
    if (path_.isEmpty()) {
        caption_->setText("<b>No input.</b> Open an artifact folder (Ctrl+O) or the demo project (Ctrl+D), or pick an input.json in the project panel.");
    } else if (!has) {
        caption_->setText(QString("<b>%1</b> could not be read (see Problems). Its shape is taken from the model once "
                                  "network.onnx or a witness is present.").arg(path_.toHtmlEscaped()));
    } else {
        QString shape_text;
        for (size_t i = 0; i < shape_.size(); ++i) shape_text += (i ? "×" : "") + QString::number(shape_[i]);
        caption_->setText(QString("<b>%1</b> — input 0 of %2, %3 values%4%5")
                              .arg(path_.toHtmlEscaped()).arg(doc_.inputs.size()).arg(doc_.inputs[0].size())
                              .arg(shape_text.isEmpty() ? QString() : ", shape " + shape_text)
                              .arg(is_image_ ? QString(". Load a PNG/JPEG, draw a digit or edit values, then regenerate the witness.")
                                             : QString(". Not image-shaped: edit values in the grid.")));
    }
    if (is_image_) {
        const QImage img = tensor_to_image(doc_.inputs[0], image_);
        picture_->setPixmap(QPixmap::fromImage(img.scaled(picture_->size(), Qt::KeepAspectRatio, Qt::FastTransformation)));
    } else {
        picture_->setPixmap({});
        picture_->setText(has ? "not an image-shaped input" : "no input");
    }
    channel_->setRange(0, is_image_ ? image_.channels - 1 : 0);
    channel_->setEnabled(is_image_ && image_.channels > 1);
    fill_grid();
}

void InputView::fill_grid() {
    filling_ = true;
    grid_->clear();
    if (doc_.inputs.empty()) {
        grid_->setRowCount(0);
        grid_->setColumnCount(0);
    } else if (is_image_) {
        grid_->setRowCount(image_.height);
        grid_->setColumnCount(image_.width);
        QStringList rows, cols;  // 0-based, as the heatmap's axes
        for (int y = 0; y < image_.height; ++y) rows << QString::number(y);
        for (int x = 0; x < image_.width; ++x) cols << QString::number(x);
        grid_->setVerticalHeaderLabels(rows);
        grid_->setHorizontalHeaderLabels(cols);
        const size_t base = size_t(channel_->value()) * size_t(image_.height) * size_t(image_.width);
        for (int y = 0; y < image_.height; ++y)
            for (int x = 0; x < image_.width; ++x)
                grid_->setItem(y, x, new QTableWidgetItem(QString::number(doc_.inputs[0][base + size_t(y * image_.width + x)], 'g', 4)));
    } else {
        const auto& v = doc_.inputs[0];
        const int n = int(std::min<size_t>(v.size(), 100000));  // a plain list beyond that is no help
        grid_->setRowCount(n);
        grid_->setColumnCount(1);
        for (int i = 0; i < n; ++i) grid_->setItem(i, 0, new QTableWidgetItem(QString::number(v[size_t(i)], 'g', 6)));
    }
    filling_ = false;
}

void InputView::on_cell_edited(int row, int column) {
    if (filling_ || doc_.inputs.empty()) return;
    QTableWidgetItem* item = grid_->item(row, column);
    bool ok = false;
    const double v = item ? item->text().toDouble(&ok) : 0;
    size_t flat = size_t(row);
    if (is_image_) flat = size_t(channel_->value()) * size_t(image_.height) * size_t(image_.width) + size_t(row * image_.width + column);
    if (!ok) {
        emit problem(QString("%1: value at %2").arg(QFileInfo(path_).fileName()).arg(flat),
                     QString("\"%1\" is not a number").arg(item ? item->text() : QString()), "type a decimal number such as 0.5");
        filling_ = true;
        if (item) item->setText(QString::number(doc_.inputs[0][flat], 'g', 4));
        filling_ = false;
        return;
    }
    doc_.inputs[0][flat] = v;
    set_dirty(true);
    if (is_image_) {
        const QImage img = tensor_to_image(doc_.inputs[0], image_);
        picture_->setPixmap(QPixmap::fromImage(img.scaled(picture_->size(), Qt::KeepAspectRatio, Qt::FastTransformation)));
    }
}

bool InputView::load_image(const QString& image_path, QString* error) {
    if (!is_image_) {
        if (error) *error = "the model's input is not image-shaped (N×C×H×W)";
        return false;
    }
    QImageReader reader(image_path);
    const QImage img = reader.read();
    if (img.isNull()) {
        if (error) *error = "cannot be read as an image: " + reader.errorString();
        return false;
    }
    return use_image(img, error);
}

bool InputView::use_image(const QImage& image, QString* error) {
    if (!is_image_ || doc_.inputs.empty()) {
        if (error) *error = "the model's input is not image-shaped (N×C×H×W)";
        return false;
    }
    doc_.inputs[0] = image_to_tensor(image, image_, lo_->value(), hi_->value(), invert_->isChecked());
    set_dirty(true);
    refresh_views();
    return true;
}

void InputView::open_drawing_pad() {
    if (!draw_dialog_) {
        draw_dialog_ = new QDialog(this);
        draw_dialog_->setWindowTitle("Draw a digit");
        auto* layout = new QVBoxLayout(draw_dialog_);
        layout->addWidget(new QLabel("Draw a digit, large and centred, then press “Use this drawing”."));
        pad_ = new DrawingPad;
        layout->addWidget(pad_, 1);
        auto* buttons = new QDialogButtonBox;
        auto* use = buttons->addButton("Use this drawing", QDialogButtonBox::AcceptRole);
        auto* clear = buttons->addButton("Clear", QDialogButtonBox::ResetRole);
        buttons->addButton(QDialogButtonBox::Close);
        layout->addWidget(buttons);
        connect(clear, &QPushButton::clicked, pad_, &DrawingPad::clear);
        connect(pad_, &DrawingPad::changed, use, [this, use] { use->setEnabled(!pad_->blank()); });
        use->setEnabled(false);
        connect(use, &QPushButton::clicked, this, [this] {
            QString error;
            if (!use_drawing(&error)) emit problem("the drawing", error, "open a model whose input is an image");
        });
        connect(buttons, &QDialogButtonBox::rejected, draw_dialog_, &QDialog::hide);
    }
    draw_dialog_->show();
    draw_dialog_->raise();
}

bool InputView::use_drawing(QString* error) {
    if (!pad_ || pad_->blank()) {
        if (error) *error = "nothing has been drawn";
        return false;
    }
    return use_image(pad_->page(), error);
}

bool InputView::save(QString* error) {
    try {
        write_input_json(doc_, path_.toStdString());
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    set_dirty(false);
    emit saved(path_);
    return true;
}

void InputView::set_dirty(bool d) {
    dirty_ = d;
    if (save_button_) save_button_->setText(d ? "Save input.json *" : "Save input.json");
}

bool InputView::export_to(const QString& path, QString* error) const {
    if (doc_.inputs.empty()) {
        if (error) *error = "no input to export";
        return false;
    }
    if (QFileInfo(path).suffix().toLower() == "png") {
        if (!is_image_) {
            if (error) *error = "the input is not an image";
            return false;
        }
        const QImage image = tensor_to_image(doc_.inputs[0], image_);
        return export_atomically(path, [&](const QString& temp) { return image.save(temp); }, error);
    }
    QByteArray text = "position,value\n";
    for (size_t i = 0; i < doc_.inputs[0].size(); ++i) text += QByteArray::number(qulonglong(i)) + "," + QByteArray::number(doc_.inputs[0][i], 'g', 9) + "\n";
    return export_atomically(path, text, error);
}

}  // namespace ps::ui
