// Data movement (Reshape, Transpose, Slice, Concat, Gather/Scatter with constant indices, Pad, …)
// costs no rows: the output wires are input wires. Which input element lands where is
// found by running the very kernel the witness uses (model::run_data_movement) on
// element identifiers instead of values; anything that is not an identifier (a pad
// value) is a constant. Cast to a float type moves values unchanged.
#include "core/circuit/node_context.hpp"
#include "core/model/data_movement.hpp"

namespace ps::circuit {
namespace {

// Identifiers far above any quantised constant a pad could produce at sane scales, and
// recognisable: bit 61 set, input index in bits 40..47, element in bits 0..39.
constexpr int64_t ID_MARK = int64_t(1) << 61;
int64_t element_id(size_t input, size_t element) { return ID_MARK | (int64_t(input) << 40) | int64_t(element); }

std::vector<WireTensor> copy(NodeContext& c) {
    const std::string& op = c.node.op;
    const size_t n = c.input_count();
    const Scale scale = c.data_scale();

    if ((op == "ScatterElements" || op == "ScatterND" || op == "Scatter") &&
        c.node.attr_string("reduction", "none") != "none")
        c.fail("Scatter with reduction '" + c.node.attr_string("reduction", "none") + "' adds or compares values",
               "only Scatter that overwrites (reduction 'none') is wired as copies");
    std::vector<WireTensor> data(n);
    std::vector<model::IntTensor> ids(n), index_storage(n);
    std::vector<const model::IntTensor*> data_ptr(n, nullptr), index_ptr(n, nullptr);
    for (size_t i = 0; i < n; ++i) {
        if (!c.present(i)) continue;
        if (model::is_index_input(op, i)) {
            if (!c.is_constant(i))
                c.fail("input '" + c.node.inputs[i] + "' (indices, shape or condition) is computed at run time",
                       "only data movement with constant indices is wired into the circuit");
            const model::FloatTensor& k = c.constant(i);
            index_storage[i] = model::IntTensor(k.shape, model::to_ints(k));
            index_ptr[i] = &index_storage[i];
        } else {
            data[i] = c.at_scale(i, scale);
            ids[i] = model::IntTensor(data[i].shape);
            for (size_t e = 0; e < data[i].size(); ++e) ids[i].data[e] = element_id(i, e);
            data_ptr[i] = &ids[i];
        }
    }
    const std::vector<model::IntTensor> moved = model::run_data_movement<int64_t>(c.node, c.circuit.graph.opset, data_ptr, index_ptr);
    std::vector<WireTensor> out;
    for (const auto& t : moved) {
        WireTensor w{t.shape, scale, {}};
        for (int64_t v : t.data) {
            if ((v & ID_MARK) && v > 0) {
                const size_t input = size_t((v >> 40) & 0xff), element = size_t(v & ((int64_t(1) << 40) - 1));
                w.wires.push_back(data.at(input).wires.at(element));
            } else {
                w.wires.push_back(c.b.constant(v));
            }
        }
        out.push_back(std::move(w));
    }
    return out;
}

std::vector<WireTensor> cast(NodeContext& c) {
    const auto to = model::DType(c.node.attr_int("to", int64_t(model::DType::Float)));
    if (model::is_integer(to)) c.fail("Cast to an integer type is not provable yet");
    return {c.natural(0)};
}

}  // namespace

void register_copy_gadgets(GadgetTable& t) {
    for (const char* op : {"Identity", "Dropout", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose",
                           "Concat", "Split", "Slice", "Pad", "Expand", "Tile", "Gather", "GatherElements",
                           "GatherND", "ScatterElements", "Scatter", "ScatterND", "Where", "Trilu", "DepthToSpace",
                           "SpaceToDepth"})
        if (model::is_data_movement_op(op)) t[op] = &copy;
    t["Cast"] = &cast;
}

}  // namespace ps::circuit
