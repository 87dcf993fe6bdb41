#pragma once
// A square page to draw a digit on with the mouse (or a finger): dark ink on white, as
// on paper, so the input view's usual "invert" turns it into the bright-on-dark strokes
// digit classifiers were trained on. The page is kept at a fixed resolution and resized
// to the model's input shape only when it is used.
#include <QImage>
#include <QWidget>

namespace ps::ui {

class DrawingPad : public QWidget {
    Q_OBJECT
public:
    explicit DrawingPad(QWidget* parent = nullptr);

    const QImage& page() const { return page_; }
    bool blank() const { return blank_; }
    void clear();
    // A stroke from `from` to `to` in widget coordinates (what a mouse drag draws).
    void stroke(QPointF from, QPointF to);

    QSize sizeHint() const override { return {280, 280}; }

signals:
    void changed();

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;

private:
    QPointF to_page(QPointF widget_point) const;

    QImage page_;
    QPointF last_;
    bool blank_ = true;
};

}  // namespace ps::ui
