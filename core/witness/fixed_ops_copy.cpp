// Data movement in fixed point: the same templates as the float executor
// (core/model/data_movement.hpp) on int64 values. Moved data keeps its scale; several
// data inputs (Concat, Where, Scatter*) are first brought to the largest of their scales.
// In the circuit these are copy constraints, no new values.
#include "core/model/data_movement.hpp"
#include "core/model/op_registry.hpp"
#include "core/witness/fixed_point.hpp"

namespace ps::fixed {
namespace {

using model::IntTensor;

FixedResult copy_kernel(const FixedCall& call) {
    const std::string& op = call.node.op;
    const size_t n = call.input_count();
    // The common scale of the moved data: the largest runtime data input's scale.
    Scale scale = call.env.args.input_scale;
    bool any_runtime = false;
    for (size_t i = 0; i < n; ++i)
        if (call.present(i) && !model::is_index_input(op, i) && call.runtime[i]) {
            scale = any_runtime ? std::max(scale, call.runtime[i]->scale) : call.runtime[i]->scale;
            any_runtime = true;
        }
    if (!any_runtime)
        for (size_t i = 0; i < n; ++i)
            if (call.present(i) && !model::is_index_input(op, i)) scale = call.natural_scale(i);

    std::vector<FixedTensor> data_storage(n);
    std::vector<IntTensor> index_storage(n);
    std::vector<const IntTensor*> data(n, nullptr), index(n, nullptr);
    for (size_t i = 0; i < n; ++i) {
        if (!call.present(i)) continue;
        if (model::is_index_input(op, i)) {
            index_storage[i] = call.integers(i);
            index[i] = &index_storage[i];
        } else {
            data_storage[i] = call.at_scale(i, scale);
            data[i] = &data_storage[i].t;
        }
    }
    if (op == "Pad" && call.env.graph.opset < 11 && call.node.attr_float("value", 0.0f) != 0.0f)
        call.fail("a non-zero constant pad value given as an attribute (opset < 11) is not supported in fixed point",
                  "re-export the model with opset >= 11");
    if ((op == "ScatterElements" || op == "ScatterND") && call.node.attr_string("reduction", "none") == "mul")
        call.fail("Scatter with reduction 'mul' is not a copy and is not supported in fixed point");
    std::vector<IntTensor> outs;
    try {
        outs = model::run_data_movement<int64_t>(call.node, call.env.graph.opset, data, index);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        call.fail(e.what());
    }
    FixedResult r;
    r.kind = ProofKind::Copy;
    for (auto& t : outs) r.outputs.push_back(FixedTensor{std::move(t), scale});
    return r;
}

}  // namespace

void register_fixed_copy_ops(FixedKernelTable& t) {
    for (const char* op : {"Identity", "Dropout", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose",
                           "Concat", "Split", "Slice", "Pad", "Expand", "Tile", "Gather", "GatherElements",
                           "GatherND", "ScatterElements", "Scatter", "ScatterND", "Where", "Trilu",
                           "DepthToSpace", "SpaceToDepth"})
        if (model::is_data_movement_op(op)) t[op] = &copy_kernel;
}

}  // namespace ps::fixed
