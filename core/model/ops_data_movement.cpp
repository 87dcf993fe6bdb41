// Float kernels for the data-movement ops: a thin adapter over the templates in
// data_movement.hpp (shared with the fixed-point executor).
#include "core/model/data_movement.hpp"
#include "core/model/op_registry.hpp"

#include <set>

namespace ps::model {

namespace {
const std::set<std::string>& data_movement_ops() {
    static const std::set<std::string> ops = {
        "Identity", "Dropout", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose", "Concat",
        "Split", "Slice", "Pad", "Expand", "Tile", "Gather", "GatherElements", "GatherND",
        "ScatterElements", "Scatter", "ScatterND", "Where", "Trilu", "DepthToSpace", "SpaceToDepth",
        "ReverseSequence", "Compress"};
    return ops;
}

std::vector<FloatTensor> data_movement_kernel(const OpCall& call) {
    std::vector<const FloatTensor*> data(call.input_count(), nullptr);
    std::vector<IntTensor> index_storage(call.input_count());
    std::vector<const IntTensor*> index(call.input_count(), nullptr);
    for (size_t i = 0; i < call.input_count(); ++i) {
        if (!call.has(i)) continue;
        if (is_index_input(call.node.op, i)) {
            index_storage[i] = IntTensor(call.inputs[i]->shape, to_ints(*call.inputs[i]));
            index[i] = &index_storage[i];
        } else {
            data[i] = call.inputs[i];
        }
    }
    return run_data_movement<float>(call.node, call.opset, data, index);
}
}  // namespace

bool is_data_movement_op(const std::string& op) { return data_movement_ops().count(op) != 0; }

bool is_index_input(const std::string& op, size_t position) {
    if (op == "Where") return position == 0;
    if (op == "Slice") return position >= 1;
    if (op == "Pad") return position == 1 || position == 3;
    if (op == "Reshape" || op == "Squeeze" || op == "Unsqueeze" || op == "Split" || op == "Expand" ||
        op == "Tile" || op == "Gather" || op == "GatherElements" || op == "GatherND" ||
        op == "ScatterElements" || op == "Scatter" || op == "ScatterND" || op == "Trilu" ||
        op == "ReverseSequence" || op == "Compress")
        return position == 1;
    return false;
}

void register_data_movement_ops(KernelTable& table) {
    for (const std::string& op : data_movement_ops()) table[op] = &data_movement_kernel;
}

}  // namespace ps::model
