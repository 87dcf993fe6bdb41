#pragma once
// The sliding-window geometry of the fixed-point Conv/ConvTranspose/AveragePool kernels,
// shared with the circuit gadgets that constrain them (core/circuit/gadgets_conv.cpp), so
// the witness and the circuit read the same input cells for every output.
#include "core/model/graph.hpp"

#include <cstdint>
#include <vector>

namespace ps::fixed {

struct Window {
    size_t rank = 0;                       // spatial dimensions
    std::vector<int64_t> in, out, kernel;  // spatial extents
    std::vector<int64_t> strides, dilations, pad_begin, pad_end;
};

// Spatial geometry of a Conv/Pool node on input shape x (N, C, spatial...); the output
// extent comes from the graph's shape inference when it is known (it covers ceil_mode),
// else from the ONNX formulas.
Window window_of(const model::Node& node, const model::Graph& graph, const model::Shape& x,
                 const std::vector<int64_t>& kernel);

// For every (output position, kernel position) pair the input position it reads, or −1
// when it falls into padding; `inside_pads` tells padding from beyond-the-pads.
struct Taps {
    size_t out_count = 0, kernel_count = 0;
    std::vector<int64_t> input;        // out_count × kernel_count
    std::vector<uint8_t> inside_pads;  // 1 when within the explicit pads
};

Taps taps_of(const Window& w);

// ConvTranspose: the output spatial extent and, for every (input position, kernel
// position) pair, the flat output position it adds to, or −1.
struct TransposeTaps {
    std::vector<int64_t> in, kernel, out;  // spatial extents
    size_t in_count = 0, kernel_count = 0, out_count = 0;
    std::vector<int64_t> land;  // in_count × kernel_count
};

TransposeTaps transpose_taps_of(const model::Node& node, const model::Shape& x, const model::Shape& w);

}  // namespace ps::fixed
