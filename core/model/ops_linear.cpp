// Gemm and MatMul (ONNX Operators.md). Products accumulate in double.
//   Gemm: Y = alpha·op(A)·op(B) + beta·C, op = transpose when transA/transB, C broadcast.
//   MatMul: numpy.matmul — 1-D operands are promoted (and the added dim removed), leading
//   batch dims broadcast.
#include "core/model/float_kernels.hpp"

namespace ps::model {
namespace {

std::vector<FloatTensor> gemm(const OpCall& call) {
    const FloatTensor& a = call.in(0);
    const FloatTensor& b = call.in(1);
    if (a.rank() != 2 || b.rank() != 2)
        call.fail("A and B must be 2-D, found " + shape_to_string(a.shape) + " and " + shape_to_string(b.shape),
                  "insert a Flatten before the Gemm");
    const bool ta = call.node.attr_int("transA", 0) != 0, tb = call.node.attr_int("transB", 0) != 0;
    const double alpha = call.node.attr_float("alpha", 1.0f), beta = call.node.attr_float("beta", 1.0f);
    const size_t m = static_cast<size_t>(ta ? a.shape[1] : a.shape[0]), k = static_cast<size_t>(ta ? a.shape[0] : a.shape[1]);
    const size_t kb = static_cast<size_t>(tb ? b.shape[1] : b.shape[0]), n = static_cast<size_t>(tb ? b.shape[0] : b.shape[1]);
    if (k != kb)
        call.fail("inner dimensions differ: A gives " + std::to_string(k) + ", B gives " + std::to_string(kb));
    FloatTensor y({static_cast<int64_t>(m), static_cast<int64_t>(n)});
    std::vector<double> acc(n);
    for (size_t i = 0; i < m; ++i) {
        std::fill(acc.begin(), acc.end(), 0.0);
        for (size_t p = 0; p < k; ++p) {
            const double av = a.data[ta ? p * m + i : i * k + p];
            if (av == 0.0) continue;
            if (tb) for (size_t j = 0; j < n; ++j) acc[j] += av * b.data[j * k + p];
            else for (size_t j = 0; j < n; ++j) acc[j] += av * b.data[p * n + j];
        }
        for (size_t j = 0; j < n; ++j) y.data[i * n + j] = static_cast<float>(alpha * acc[j]);
    }
    if (call.has(2) && beta != 0.0) {
        const std::vector<size_t> map = broadcast_map(call.in(2).shape, y.shape);
        for (size_t i = 0; i < y.size(); ++i)
            y.data[i] = static_cast<float>(static_cast<double>(y.data[i]) + beta * call.in(2).data[map[i]]);
    }
    return {y};
}

}  // namespace

// Batched matrix product shared with Einsum-free models and the recurrent ops.
FloatTensor matmul(const FloatTensor& a_in, const FloatTensor& b_in) {
    FloatTensor a = a_in, b = b_in;
    const bool a_vec = a.rank() == 1, b_vec = b.rank() == 1;
    if (a_vec) a.shape = {1, a.shape[0]};
    if (b_vec) b.shape = {b.shape[0], 1};
    if (a.rank() < 2 || b.rank() < 2) throw std::invalid_argument("MatMul: scalar operands are not allowed");
    const size_t m = static_cast<size_t>(a.shape[a.rank() - 2]), k = static_cast<size_t>(a.shape[a.rank() - 1]);
    const size_t kb = static_cast<size_t>(b.shape[b.rank() - 2]), n = static_cast<size_t>(b.shape[b.rank() - 1]);
    if (k != kb)
        throw std::invalid_argument("MatMul: inner dimensions differ (" + shape_to_string(a_in.shape) + " × " + shape_to_string(b_in.shape) + ")");
    const Shape a_batch(a.shape.begin(), a.shape.end() - 2), b_batch(b.shape.begin(), b.shape.end() - 2);
    const Shape batch = broadcast_shapes(a_batch, b_batch);
    const std::vector<size_t> ma = broadcast_map(a_batch, batch), mb = broadcast_map(b_batch, batch);
    Shape shape = batch;
    shape.push_back(static_cast<int64_t>(m));
    shape.push_back(static_cast<int64_t>(n));
    FloatTensor y(shape);
    std::vector<double> acc(n);
    for (size_t bi = 0; bi < ma.size(); ++bi) {
        const float* ap = a.data.data() + ma[bi] * m * k;
        const float* bp = b.data.data() + mb[bi] * k * n;
        float* yp = y.data.data() + bi * m * n;
        for (size_t i = 0; i < m; ++i) {
            std::fill(acc.begin(), acc.end(), 0.0);
            for (size_t p = 0; p < k; ++p) {
                const double av = ap[i * k + p];
                for (size_t j = 0; j < n; ++j) acc[j] += av * bp[p * n + j];
            }
            for (size_t j = 0; j < n; ++j) yp[i * n + j] = static_cast<float>(acc[j]);
        }
    }
    if (a_vec) shape.erase(shape.end() - 2);
    if (b_vec) shape.erase(shape.end() - 1);
    y.shape = shape;
    return y;
}

std::vector<FloatTensor> einsum_kernel(const OpCall& call);  // ops_einsum.cpp

namespace {
std::vector<FloatTensor> matmul_kernel(const OpCall& call) { return {matmul(call.in(0), call.in(1))}; }
}  // namespace

void register_linear_ops(KernelTable& t) {
    t["Gemm"] = &gemm;
    t["MatMul"] = &matmul_kernel;
    t["Einsum"] = &einsum_kernel;
}

}  // namespace ps::model
