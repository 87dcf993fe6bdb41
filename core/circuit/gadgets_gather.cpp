// Gather, GatherElements, GatherND, ScatterElements (and the older Scatter) and ScatterND
// with indices computed at run time; fixed_ops_copy.cpp runs the same model::move
// templates on the values. Each index picks one of n positions by a proved one-hot
// choice (gadget_helpers.hpp): a gathered value is the dot product of the bits with the
// candidates, and a scatter rewrites every candidate cell in the kernel's order as
// cell ← cell + e_k·(update − cell), so the last write wins there as it does in the
// kernel. Constant indices stay plain copies (gadgets_copy.cpp).
#include "core/circuit/gadget_helpers.hpp"
#include "core/circuit/node_context.hpp"
#include "core/model/tensor_index.hpp"

namespace ps::circuit {
namespace {

using model::Shape;

Gadget constant_index_copy = nullptr;

// The indices as integers, rounded to scale 0 as FixedCall::integers rounds them.
WireTensor runtime_indices(NodeContext& c) { return c.at_scale(1, 0); }

std::vector<int64_t> coordinates(size_t flat, const Shape& shape) {
    std::vector<int64_t> idx;
    model::unravel(flat, shape, idx);
    return idx;
}

// The row-major position of an index tuple within dims: each component proved in
// [−d, d) on its own (so components cannot trade range), then the tuple's position.
std::vector<Wire> choose_tuple(CircuitBuilder& b, std::span<const Wire> components, std::span<const int64_t> dims) {
    if (components.size() == 1) return choose_position(b, components[0], size_t(dims[0]), true);
    std::vector<Wire> bits;
    std::vector<i128> weights;
    size_t count = 1;
    for (int64_t d : dims) count *= size_t(d);
    size_t stride = count;
    for (size_t t = 0; t < components.size(); ++t) {
        stride /= size_t(dims[t]);
        const std::vector<Wire> own = choose_position(b, components[t], size_t(dims[t]), true);
        for (size_t k = 0; k < own.size(); ++k) {
            bits.push_back(own[k]);
            weights.push_back(i128(k * stride));
        }
    }
    return choose_position(b, b.dot_fixed(bits, weights), count, false);
}

// Σ_k bits_k · data[candidate(k)]
template <class Candidate>
Wire pick(CircuitBuilder& b, std::span<const Wire> bits, const WireTensor& data, Candidate candidate) {
    std::vector<Wire> cells(bits.size());
    for (size_t k = 0; k < bits.size(); ++k) cells[k] = data.wires.at(candidate(k));
    return b.dot(bits, cells);
}

// Writes `update` over the candidate cell the bits pick; every other candidate keeps its
// value (e_k = 0). Two rows per candidate: the difference, then one dot row.
template <class Candidate>
void overwrite(CircuitBuilder& b, std::vector<Wire>& cells, std::span<const Wire> bits, Candidate candidate,
               const Wire& update) {
    const Wire one = b.constant(1);
    for (size_t k = 0; k < bits.size(); ++k) {
        Wire& cell = cells.at(candidate(k));
        const Wire xs[2] = {bits[k], one}, ys[2] = {b.sub(update, cell), cell};
        cell = b.dot(xs, ys);
    }
}

std::vector<WireTensor> gather(NodeContext& c) {
    if (!c.runtime(1)) return constant_index_copy(c);
    const Scale scale = c.data_scale();
    const WireTensor x = c.at_scale(0, scale), idx = runtime_indices(c);
    if (x.shape.empty()) c.fail("Gather expects data of rank >= 1");
    const size_t axis = model::normalise_axis(c.node.attr_int("axis", 0), x.shape.size());
    const model::AxisSplit s = model::split_at_axis(x.shape, axis);
    Shape shape(x.shape.begin(), x.shape.begin() + std::ptrdiff_t(axis));
    shape.insert(shape.end(), idx.shape.begin(), idx.shape.end());
    shape.insert(shape.end(), x.shape.begin() + std::ptrdiff_t(axis) + 1, x.shape.end());
    std::vector<std::vector<Wire>> choices;
    for (const Wire& w : idx.wires) choices.push_back(choose_position(c.b, w, s.length, true));
    WireTensor out{shape, scale, {}};
    for (size_t o = 0; o < s.outer; ++o)
        for (const auto& bits : choices)
            for (size_t i = 0; i < s.inner; ++i)
                out.wires.push_back(pick(c.b, bits, x, [&](size_t k) { return (o * s.length + k) * s.inner + i; }));
    return {out};
}

// The axis and the checks model::move::gather_elements/scatter_elements make.
size_t element_axis(const NodeContext& c, const Shape& data, const Shape& indices) {
    const size_t axis = model::normalise_axis(c.node.attr_int("axis", 0), data.size());
    if (indices.size() != data.size()) c.fail(c.node.op + ": indices rank differs from data rank");
    for (size_t d = 0; d < data.size(); ++d)
        if (d != axis && indices[d] > data[d])
            c.fail(c.node.op + ": indices " + model::shape_to_string(indices) + " exceed data " +
                   model::shape_to_string(data) + " off the axis");
    return axis;
}

std::vector<WireTensor> gather_elements(NodeContext& c) {
    if (!c.runtime(1)) return constant_index_copy(c);
    const Scale scale = c.data_scale();
    const WireTensor x = c.at_scale(0, scale), idx = runtime_indices(c);
    const size_t axis = element_axis(c, x.shape, idx.shape);
    const std::vector<size_t> strides = model::strides_of(x.shape);
    WireTensor out{idx.shape, scale, {}};
    for (size_t e = 0; e < idx.size(); ++e) {
        std::vector<int64_t> at = coordinates(e, idx.shape);
        const auto bits = choose_position(c.b, idx.wires[e], size_t(x.shape[axis]), true);
        out.wires.push_back(pick(c.b, bits, x, [&](size_t k) {
            at[axis] = int64_t(k);
            return model::ravel(at, strides);
        }));
    }
    return {out};
}

// The tuples of GatherND/ScatterND's indices [batch..., n..., k] over data dims
// [batch_dims, batch_dims + k), with nd_offsets' checks.
struct Tuples {
    size_t length = 0, count = 0, slice = 1, per_batch = 0, batch_stride = 0;
    std::span<const int64_t> dims;
};

Tuples tuples_of(const NodeContext& c, const Shape& data, const Shape& indices, size_t batch_dims) {
    if (indices.empty()) c.fail(c.node.op + ": indices must have rank >= 1");
    Tuples t;
    t.length = size_t(indices.back());
    if (t.length == 0) c.fail(c.node.op + ": index tuples of length 0 are not provable yet");
    if (indices.size() <= batch_dims || data.size() < batch_dims + t.length)
        c.fail(c.node.op + ": index tuples of length " + std::to_string(t.length) + " exceed the data rank");
    for (size_t d = 0; d < batch_dims; ++d)
        if (indices[d] != data[d]) c.fail(c.node.op + ": batch dims of indices and data differ");
    for (size_t d = batch_dims + t.length; d < data.size(); ++d) t.slice *= size_t(data[d]);
    size_t batches = 1;
    for (size_t d = 0; d < batch_dims; ++d) batches *= size_t(data[d]);
    t.count = model::element_count(indices) / t.length;
    t.per_batch = batches ? t.count / batches : 0;
    t.batch_stride = batch_dims ? model::strides_of(data)[batch_dims - 1] : 0;
    t.dims = std::span<const int64_t>(data).subspan(batch_dims, t.length);
    return t;
}

std::vector<WireTensor> gather_nd(NodeContext& c) {
    if (!c.runtime(1)) return constant_index_copy(c);
    const Scale scale = c.data_scale();
    const WireTensor x = c.at_scale(0, scale), idx = runtime_indices(c);
    const size_t batch_dims = size_t(c.node.attr_int("batch_dims", 0));
    const Tuples t = tuples_of(c, x.shape, idx.shape, batch_dims);
    Shape shape(idx.shape.begin(), idx.shape.end() - 1);
    shape.insert(shape.end(), x.shape.begin() + std::ptrdiff_t(batch_dims + t.length), x.shape.end());
    WireTensor out{shape, scale, {}};
    const std::span<const Wire> components(idx.wires);
    for (size_t n = 0; n < t.count; ++n) {
        const auto bits = choose_tuple(c.b, components.subspan(n * t.length, t.length), t.dims);
        const size_t base = t.per_batch ? (n / t.per_batch) * t.batch_stride : 0;
        // Contiguous dims: the tuple at row-major position k starts k·slice past the batch.
        for (size_t j = 0; j < t.slice; ++j)
            out.wires.push_back(pick(c.b, bits, x, [&](size_t k) { return base + k * t.slice + j; }));
    }
    return {out};
}

void require_overwrite(const NodeContext& c) {
    const std::string reduction = c.node.attr_string("reduction", "none");
    if (reduction != "none")
        c.fail(c.node.op + " with reduction '" + reduction + "' and indices computed at run time is not provable yet",
               "only Scatter that overwrites (reduction 'none') is proved with run-time indices");
}

std::vector<WireTensor> scatter_elements(NodeContext& c) {
    if (!c.runtime(1)) return constant_index_copy(c);
    require_overwrite(c);
    const Scale scale = c.data_scale();
    const WireTensor x = c.at_scale(0, scale), idx = runtime_indices(c), updates = c.at_scale(2, scale);
    const size_t axis = element_axis(c, x.shape, idx.shape);
    if (updates.shape != idx.shape) c.fail(c.node.op + ": indices and updates differ in shape");
    const std::vector<size_t> strides = model::strides_of(x.shape);
    std::vector<Wire> cells = x.wires;
    for (size_t e = 0; e < idx.size(); ++e) {
        std::vector<int64_t> at = coordinates(e, idx.shape);
        const auto bits = choose_position(c.b, idx.wires[e], size_t(x.shape[axis]), true);
        overwrite(c.b, cells, bits, [&](size_t k) {
            at[axis] = int64_t(k);
            return model::ravel(at, strides);
        }, updates.wires[e]);
    }
    return {WireTensor{x.shape, scale, std::move(cells)}};
}

std::vector<WireTensor> scatter_nd(NodeContext& c) {
    if (!c.runtime(1)) return constant_index_copy(c);
    require_overwrite(c);
    const Scale scale = c.data_scale();
    const WireTensor x = c.at_scale(0, scale), idx = runtime_indices(c), updates = c.at_scale(2, scale);
    const Tuples t = tuples_of(c, x.shape, idx.shape, 0);
    if (updates.size() != t.count * t.slice)
        c.fail("ScatterND: updates hold " + std::to_string(updates.size()) + " values, expected " +
               std::to_string(t.count * t.slice));
    std::vector<Wire> cells = x.wires;
    const std::span<const Wire> components(idx.wires);
    for (size_t n = 0; n < t.count; ++n) {
        const auto bits = choose_tuple(c.b, components.subspan(n * t.length, t.length), t.dims);
        for (size_t j = 0; j < t.slice; ++j)
            overwrite(c.b, cells, bits, [&](size_t k) { return k * t.slice + j; }, updates.wires[n * t.slice + j]);
    }
    return {WireTensor{x.shape, scale, std::move(cells)}};
}

}  // namespace

void register_gather_gadgets(GadgetTable& t) {
    // Refines register_copy_gadgets' constant-index copies, which must run first.
    constant_index_copy = t.at("Gather");
    const std::pair<const char*, Gadget> gadgets[] = {{"Gather", &gather},
                                                      {"GatherElements", &gather_elements},
                                                      {"GatherND", &gather_nd},
                                                      {"ScatterElements", &scatter_elements},
                                                      {"Scatter", &scatter_elements},
                                                      {"ScatterND", &scatter_nd}};
    for (const auto& [op, gadget] : gadgets)
        if (t.count(op)) t[op] = gadget;
}

}  // namespace ps::circuit
