// The GUI's image import: any bytes QImage decodes, converted to a model input of a few
// shapes (grey and RGB, small and odd sizes).
#include "fuzz_support.hpp"
#include "ui/models/input_image.hpp"

#include <QImage>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QImage image = QImage::fromData(data, int(size));
    if (image.isNull()) return 0;
    for (const ps::ui::ImageShape shape : {ps::ui::ImageShape{1, 28, 28}, ps::ui::ImageShape{3, 7, 5}})
        ps::fuzz::expect_value_or_error([&] { ps::ui::image_to_tensor(image, shape, -1.0, 1.0, true); });
    return 0;
}
