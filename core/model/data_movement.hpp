#pragma once
// One entry point for every data-movement op, templated on the element type: the float
// executor calls it with T = float, the fixed-point executor with T = int64_t, so both
// move values identically. Index-like inputs (shapes, axes, indices, Where's condition)
// travel separately as integers: they are never scaled.
#include "core/model/data_movement_index.hpp"
#include "core/model/data_movement_shape.hpp"

#include <string>

namespace ps::model {

bool is_data_movement_op(const std::string& op);
// True when input `position` of `op` is an integer parameter rather than moved data.
bool is_index_input(const std::string& op, size_t position);

namespace move {

// DepthToSpace (modes DCR, CRD) and SpaceToDepth on NCHW, as the spec's
// reshape–transpose–reshape.
template <class T>
Tensor<T> depth_to_space(const Tensor<T>& x, int64_t b, const std::string& mode) {
    if (x.rank() != 4) throw std::invalid_argument("DepthToSpace: input must be NCHW");
    const int64_t n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
    Tensor<T> t = mode == "CRD" ? transpose(reshape(x, {n, c / (b * b), b, b, h, w}), {0, 1, 4, 2, 5, 3})
                                : transpose(reshape(x, {n, b, b, c / (b * b), h, w}), {0, 3, 4, 1, 5, 2});
    return reshape(t, {n, c / (b * b), h * b, w * b});
}

template <class T>
Tensor<T> space_to_depth(const Tensor<T>& x, int64_t b) {
    if (x.rank() != 4) throw std::invalid_argument("SpaceToDepth: input must be NCHW");
    const int64_t n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
    Tensor<T> t = transpose(reshape(x, {n, c, h / b, b, w / b, b}), {0, 3, 5, 1, 2, 4});
    return reshape(t, {n, c * b * b, h / b, w / b});
}

}  // namespace move

// data[i] is set for data inputs, index[i] for index inputs (see is_index_input); either
// may be nullptr for an omitted optional input. `outputs` is the node's output count.
template <class T>
std::vector<Tensor<T>> run_data_movement(const Node& node, int64_t opset, const std::vector<const Tensor<T>*>& data,
                                         const std::vector<const IntTensor*>& index) {
    const std::string& op = node.op;
    auto d = [&](size_t i) -> const Tensor<T>& {
        if (i >= data.size() || !data[i]) throw std::invalid_argument("input " + std::to_string(i) + " is missing");
        return *data[i];
    };
    auto has_index = [&](size_t i) { return i < index.size() && index[i] != nullptr; };
    auto ints = [&](size_t i) -> std::vector<int64_t> { return has_index(i) ? index[i]->data : std::vector<int64_t>{}; };
    // Opset changes moved attributes to inputs (Squeeze/Unsqueeze/Split 13, Slice 10, Pad 11).
    auto ints_input_or_attr = [&](size_t i, const char* attr) { return has_index(i) ? ints(i) : node.attr_ints(attr); };

    if (op == "Identity" || op == "Dropout") return {d(0)};
    if (op == "Reshape") return {move::reshape(d(0), ints(1), node.attr_int("allowzero", 0) != 0)};
    if (op == "Flatten") return {move::flatten(d(0), node.attr_int("axis", 1))};
    if (op == "Squeeze") return {move::squeeze(d(0), ints_input_or_attr(1, "axes"))};
    if (op == "Unsqueeze") return {move::unsqueeze(d(0), ints_input_or_attr(1, "axes"))};
    if (op == "Transpose") return {move::transpose(d(0), node.attr_ints("perm"))};
    if (op == "Concat") {
        std::vector<const Tensor<T>*> parts;
        for (const Tensor<T>* p : data)
            if (p && p->size()) parts.push_back(p);  // zero-sized inputs contribute nothing
        if (parts.empty()) parts.push_back(&d(0));
        return {move::concat(parts, node.attr_int("axis", 0))};
    }
    if (op == "Split") {
        size_t outputs = node.outputs.size();
        if (node.has_attr("num_outputs")) outputs = static_cast<size_t>(node.attr_int("num_outputs", 1));
        return move::split(d(0), node.attr_int("axis", 0), ints_input_or_attr(1, "split"), outputs);
    }
    if (op == "Slice") {
        if (opset < 10 && !has_index(1))
            return {move::slice(d(0), node.attr_ints("starts"), node.attr_ints("ends"), node.attr_ints("axes"), {})};
        return {move::slice(d(0), ints(1), ints(2), ints(3), ints(4))};
    }
    if (op == "Pad") {
        const std::string mode = node.attr_string("mode", "constant");
        if (opset < 11 && !has_index(1))
            return {move::pad(d(0), node.attr_ints("pads"), mode, static_cast<T>(node.attr_float("value", 0.0f)))};
        const T constant = data.size() > 2 && data[2] && data[2]->size() ? data[2]->data[0] : T{};
        return {move::pad(d(0), ints(1), mode, constant, ints(3))};
    }
    if (op == "Expand") return {move::expand(d(0), ints(1))};
    if (op == "Tile") return {move::tile(d(0), ints(1))};
    if (op == "Gather") return {move::gather(d(0), *index.at(1), node.attr_int("axis", 0))};
    if (op == "GatherElements") return {move::gather_elements(d(0), *index.at(1), node.attr_int("axis", 0))};
    if (op == "GatherND") return {move::gather_nd(d(0), *index.at(1), node.attr_int("batch_dims", 0))};
    if (op == "ScatterElements" || op == "Scatter")
        return {move::scatter_elements(d(0), *index.at(1), d(2), node.attr_int("axis", 0), node.attr_string("reduction", "none"))};
    if (op == "ScatterND") return {move::scatter_nd(d(0), *index.at(1), d(2), node.attr_string("reduction", "none"))};
    if (op == "Where") return {move::where(*index.at(0), d(1), d(2))};
    if (op == "Trilu") return {move::trilu(d(0), has_index(1) ? index[1]->data.at(0) : 0, node.attr_int("upper", 1) != 0)};
    if (op == "DepthToSpace") return {move::depth_to_space(d(0), node.attr_int("blocksize", 1), node.attr_string("mode", "DCR"))};
    if (op == "SpaceToDepth") return {move::space_to_depth(d(0), node.attr_int("blocksize", 1))};
    if (op == "ReverseSequence")
        return {move::reverse_sequence(d(0), *index.at(1), node.attr_int("batch_axis", 1), node.attr_int("time_axis", 0))};
    if (op == "Compress") return {move::compress(d(0), *index.at(1), node.has_attr("axis"), node.attr_int("axis", 0))};
    throw std::invalid_argument("'" + op + "' is not a data-movement op");
}

}  // namespace ps::model
