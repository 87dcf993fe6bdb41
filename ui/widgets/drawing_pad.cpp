#include "ui/widgets/drawing_pad.hpp"

#include <QMouseEvent>
#include <QPainter>

namespace ps::ui {

namespace {
constexpr int page_side = 280;
// Strokes an eighth of the page wide: one pixel of the demo's 8×8 input, about three of MNIST's 28×28.
constexpr double pen_width = page_side / 8.0;
}  // namespace

DrawingPad::DrawingPad(QWidget* parent) : QWidget(parent), page_(page_side, page_side, QImage::Format_Grayscale8) {
    setMinimumSize(140, 140);
    setCursor(Qt::CrossCursor);
    setToolTip("Draw with the left mouse button; the drawing is resized to the model's input");
    clear();
}

void DrawingPad::clear() {
    page_.fill(Qt::white);
    blank_ = true;
    update();
    emit changed();
}

QPointF DrawingPad::to_page(QPointF p) const {
    const double side = std::min(width(), height());
    return {p.x() * page_side / side, p.y() * page_side / side};
}

void DrawingPad::stroke(QPointF from, QPointF to) {
    QPainter painter(&page_);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::black, pen_width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawLine(to_page(from), to_page(to));
    blank_ = false;
    update();
    emit changed();
}

void DrawingPad::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const int side = std::min(width(), height());
    painter.fillRect(rect(), palette().window());
    painter.drawImage(QRect(0, 0, side, side), page_);
    painter.setPen(QPen(Qt::gray, 1));
    painter.drawRect(0, 0, side - 1, side - 1);
}

void DrawingPad::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return;
    last_ = e->position();
    stroke(last_, last_);  // a click is a dot
}

void DrawingPad::mouseMoveEvent(QMouseEvent* e) {
    if (!(e->buttons() & Qt::LeftButton)) return;
    stroke(last_, e->position());
    last_ = e->position();
}

}  // namespace ps::ui
