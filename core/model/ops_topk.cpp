// TopK (ONNX Operators.md): the k largest (or smallest) along an axis, ties by lower index.
#include "core/model/float_kernels.hpp"

#include <numeric>

namespace ps::model {
namespace {

std::vector<FloatTensor> top_k(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const int64_t k = call.has(1) ? to_index(scalar_input(call, 1, 0)) : call.node.attr_int("k", 0);
    const size_t axis = normalise_axis(call.node.attr_int("axis", -1), x.rank());
    const bool largest = call.node.attr_int("largest", 1) != 0;
    const AxisSplit s = split_at_axis(x.shape, axis);
    if (k < 0 || static_cast<size_t>(k) > s.length)
        call.fail("k = " + std::to_string(k) + " exceeds the axis length " + std::to_string(s.length));
    Shape shape = x.shape;
    shape[axis] = k;
    FloatTensor values(shape), indices(shape);
    std::vector<size_t> order(s.length);
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            auto at = [&](size_t j) { return x.data[(o * s.length + j) * s.inner + in]; };
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return largest ? at(a) > at(b) : at(a) < at(b); });
            for (size_t j = 0; j < static_cast<size_t>(k); ++j) {
                const size_t dst = (o * static_cast<size_t>(k) + j) * s.inner + in;
                values.data[dst] = at(order[j]);
                indices.data[dst] = static_cast<float>(order[j]);
            }
        }
    return {values, indices};
}

// Dropout at inference is the identity with an all-true mask; training mode with a
// non-zero ratio is random and has no reference value to reproduce.
std::vector<FloatTensor> dropout(const OpCall& call) {
    const bool training = call.has(2) && call.in(2).size() && call.in(2).data[0] != 0.0f;
    const float ratio = call.has(1) && call.in(1).size() ? call.in(1).data[0] : call.node.attr_float("ratio", 0.5f);
    if (training && ratio != 0.0f)
        call.fail("training_mode = true drops values at random", "export the model in eval() mode");
    return {call.in(0), FloatTensor(call.in(0).shape, 1.0f)};
}

// Det of [..., M, M] by LU decomposition with partial pivoting, in double.
std::vector<FloatTensor> det(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    if (x.rank() < 2 || x.shape[x.rank() - 1] != x.shape[x.rank() - 2])
        call.fail("expects square matrices in the last two dims, found " + shape_to_string(x.shape));
    const size_t m = static_cast<size_t>(x.shape.back()), count = x.size() / std::max<size_t>(m * m, 1);
    FloatTensor out(Shape(x.shape.begin(), x.shape.end() - 2));
    std::vector<double> a(m * m);
    for (size_t b = 0; b < count; ++b) {
        for (size_t i = 0; i < m * m; ++i) a[i] = x.data[b * m * m + i];
        double d = 1;
        for (size_t col = 0; col < m && d != 0; ++col) {
            size_t pivot = col;
            for (size_t r = col + 1; r < m; ++r)
                if (std::fabs(a[r * m + col]) > std::fabs(a[pivot * m + col])) pivot = r;
            if (a[pivot * m + col] == 0) { d = 0; break; }
            if (pivot != col) {
                for (size_t k = 0; k < m; ++k) std::swap(a[pivot * m + k], a[col * m + k]);
                d = -d;
            }
            d *= a[col * m + col];
            for (size_t r = col + 1; r < m; ++r) {
                const double f = a[r * m + col] / a[col * m + col];
                for (size_t k = col; k < m; ++k) a[r * m + k] -= f * a[col * m + k];
            }
        }
        out.data[b] = static_cast<float>(d);
    }
    return {out};
}

}  // namespace

std::vector<FloatTensor> unique_kernel(const OpCall& call);  // ops_unique.cpp
std::vector<FloatTensor> resize_kernel(const OpCall& call);  // ops_resize.cpp

void register_topk_ops(KernelTable& t) {
    t["TopK"] = &top_k;
    t["Dropout"] = &dropout;
    t["Det"] = &det;
    t["Unique"] = &unique_kernel;  // replaces the data-movement identity: it also yields the mask
    t["Resize"] = &resize_kernel;
    t["Upsample"] = &resize_kernel;
}

}  // namespace ps::model
