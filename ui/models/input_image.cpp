#include "ui/models/input_image.hpp"

#include <algorithm>

namespace ps::ui {

bool image_shape_of(const std::vector<int64_t>& shape, ImageShape& out) {
    std::vector<int64_t> s = shape;
    while (s.size() > 3 && s.front() == 1) s.erase(s.begin());  // drop batch dimensions of 1
    if (s.size() == 2) s.insert(s.begin(), 1);
    if (s.size() != 3) return false;
    if ((s[0] != 1 && s[0] != 3) || s[1] < 2 || s[2] < 2) return false;
    out = {int(s[0]), int(s[1]), int(s[2])};
    return true;
}

QImage tensor_to_image(const std::vector<double>& values, const ImageShape& shape) {
    const size_t plane = size_t(shape.height) * size_t(shape.width);
    if (values.size() < plane * size_t(shape.channels)) return {};
    const auto [lo_it, hi_it] = std::minmax_element(values.begin(), values.end());
    const double lo = *lo_it, span = std::max(*hi_it - *lo_it, 1e-12);
    auto level = [&](size_t i) { return int(std::clamp((values[i] - lo) / span, 0.0, 1.0) * 255.0 + 0.5); };
    QImage img(shape.width, shape.height, QImage::Format_RGB32);
    for (int y = 0; y < shape.height; ++y)
        for (int x = 0; x < shape.width; ++x) {
            const size_t p = size_t(y) * size_t(shape.width) + size_t(x);
            if (shape.channels == 3)
                img.setPixel(x, y, qRgb(level(p), level(plane + p), level(2 * plane + p)));
            else
                img.setPixel(x, y, qRgb(level(p), level(p), level(p)));
        }
    return img;
}

std::vector<double> image_to_tensor(const QImage& image, const ImageShape& shape, double lo, double hi,
                                    bool invert) {
    const QImage scaled = image.convertToFormat(QImage::Format_RGB32)
                              .scaled(shape.width, shape.height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const size_t plane = size_t(shape.height) * size_t(shape.width);
    std::vector<double> out(plane * size_t(shape.channels));
    auto map = [&](int v) {
        double t = v / 255.0;
        if (invert) t = 1.0 - t;
        return lo + t * (hi - lo);
    };
    for (int y = 0; y < shape.height; ++y)
        for (int x = 0; x < shape.width; ++x) {
            const QRgb px = scaled.pixel(x, y);
            const size_t p = size_t(y) * size_t(shape.width) + size_t(x);
            if (shape.channels == 3) {
                out[p] = map(qRed(px));
                out[plane + p] = map(qGreen(px));
                out[2 * plane + p] = map(qBlue(px));
            } else {
                out[p] = map(qGray(px));
            }
        }
    return out;
}

}  // namespace ps::ui
