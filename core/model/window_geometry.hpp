#pragma once
// Sliding-window geometry shared by Conv and the pooling ops (ONNX Operators.md, Conv /
// MaxPool "auto_pad", "pads", "strides", "dilations", "ceil_mode"): the output spatial
// shape and, for every (output position, kernel position), the input offset it reads.
#include "core/model/graph.hpp"

#include <vector>

namespace ps::model {

struct WindowGeometry {
    Shape input, kernel, output;  // spatial dims only
    std::vector<int64_t> strides, dilations, pad_begin, pad_end;
    size_t input_count = 1, kernel_count = 1, output_count = 1;
    // offsets[o * kernel_count + k]: flat spatial input offset, kPadding inside the explicit
    // padding, kBeyond past it (only with ceil_mode).
    std::vector<int64_t> offsets;
    static constexpr int64_t kPadding = -1, kBeyond = -2;
};

// `input` and `kernel` are spatial shapes. Throws std::invalid_argument on inconsistent
// attributes.
WindowGeometry make_window_geometry(const Node& node, const Shape& input, const Shape& kernel, bool ceil_mode);

}  // namespace ps::model
