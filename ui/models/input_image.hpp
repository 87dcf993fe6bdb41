#pragma once
// Between an image-like model input and a QImage. input.json itself is read and written
// by core's one reader/writer (core/artifacts/input_data.hpp), as the CLI does.
#include <QImage>
#include <QString>
#include <vector>

namespace ps::ui {

// Shape of an image-like input N×C×H×W (or C×H×W / H×W); nothing when not image-like.
struct ImageShape {
    int channels = 1, height = 0, width = 0;
};
bool image_shape_of(const std::vector<int64_t>& shape, ImageShape& out);

// The input as a grey (1 channel) or RGB (3 channels) image, values mapped so that the
// tensor's min..max spans black..white.
QImage tensor_to_image(const std::vector<double>& values, const ImageShape& shape);

// An image resized to the input's H×W (smooth, ignoring aspect ratio) and converted to
// channel-major floats in [lo, hi]: grey for 1 channel, RGB for 3. `invert` maps dark
// strokes on a light page to high values, as digit classifiers expect.
std::vector<double> image_to_tensor(const QImage& image, const ImageShape& shape, double lo, double hi,
                                    bool invert);

}  // namespace ps::ui
