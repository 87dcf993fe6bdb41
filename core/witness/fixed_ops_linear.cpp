// Ops the circuit proves with polynomial (linear and product) gates: Add, Sub, Mul, Div,
// Sum, Mean, Neg, MatMul, Gemm, ReduceSum/ReduceMean, BatchNormalization. Products add
// scales and are rebased (EZKL RebaseScale); sums align scales by exact multiplication.
#include "core/model/op_registry.hpp"
#include "core/witness/fixed_tensor_ops.hpp"
#include <cmath>

namespace ps::fixed {
namespace {

using model::IntTensor;
using model::Shape;
using quant::i128;

// Runtime inputs set the common scale of a sum; constants follow them.
Scale common_scale(const FixedCall& call) {
    Scale s = 0;
    bool any = false;
    for (size_t i = 0; i < call.input_count(); ++i)
        if (call.present(i) && call.runtime[i]) {
            s = any ? std::max(s, call.runtime[i]->scale) : call.runtime[i]->scale;
            any = true;
        }
    return any ? s : call.env.args.param_scale;
}

FixedResult add_sub(const FixedCall& call, bool subtract) {
    const Scale s = common_scale(call);
    const FixedTensor a = call.at_scale(0, s), b = call.at_scale(1, s);
    WideTensor r = zip_wide(a.t, b.t, [subtract](i128 x, i128 y) { return subtract ? x - y : x + y; });
    call.add_cells(3 * r.size());
    return {{call.narrow(r, s)}, ProofKind::Linear};
}

FixedResult add(const FixedCall& c) { return add_sub(c, false); }
FixedResult sub(const FixedCall& c) { return add_sub(c, true); }

FixedResult sum_or_mean(const FixedCall& call, bool mean) {
    const Scale s = common_scale(call);
    WideTensor acc;
    size_t count = 0;
    for (size_t i = 0; i < call.input_count(); ++i) {
        if (!call.present(i)) continue;
        const FixedTensor v = call.at_scale(i, s);
        acc = count == 0 ? widen(v.t) : [&] {
            WideTensor next(model::broadcast_shapes(acc.shape, v.t.shape));
            const auto ma = model::broadcast_map(acc.shape, next.shape), mb = model::broadcast_map(v.t.shape, next.shape);
            for (size_t k = 0; k < next.size(); ++k) next.data[k] = acc.data[ma[k]] + v.t.data[mb[k]];
            return next;
        }();
        ++count;
    }
    if (mean)
        for (auto& x : acc.data) x = quant::div_round(x, i128(count));
    call.add_cells((count + 1) * acc.size());
    return {{call.narrow(acc, s)}, ProofKind::Linear};
}

FixedResult sum(const FixedCall& c) { return sum_or_mean(c, false); }
FixedResult mean(const FixedCall& c) { return sum_or_mean(c, true); }

FixedResult mul(const FixedCall& call) {
    const FixedTensor a = call.natural(0), b = call.natural(1);
    WideTensor r = zip_wide(a.t, b.t, [](i128 x, i128 y) { return x * y; });
    call.add_cells(3 * r.size());
    if (call.integer_typed(0) && call.integer_typed(1)) return {{call.narrow(r, 0)}, ProofKind::Linear};
    return {{call.rebase(std::move(r), a.scale + b.scale)}, ProofKind::Linear};
}

FixedResult neg(const FixedCall& call) {
    FixedTensor a = call.natural(0);
    for (auto& x : a.t.data) x = -x;
    call.add_cells(2 * a.t.size());
    return {{a}, ProofKind::Linear};
}

// A derived constant (reciprocal, folded BatchNorm factor) quantised at `s`.
IntTensor quantise_constant(const model::FloatTensor& values, Scale s, const FixedCall& call,
                            double (*f)(double) = nullptr) {
    IntTensor out(values.shape);
    for (size_t i = 0; i < values.size(); ++i)
        out.data[i] = quant::quantize(f ? f(values.data[i]) : values.data[i], s, model::node_location(call.node));
    call.env.stats.fixed_cells += out.size();
    return out;
}

FixedResult div(const FixedCall& call) {
    if (call.integer_typed(0) && call.integer_typed(1)) {  // ONNX integer division truncates
        const IntTensor a = call.integers(0), b = call.integers(1);
        WideTensor r = zip_wide(a, b, [&](i128 x, i128 y) -> i128 {
            if (y == 0) {
                if (!call.env.stop_on_saturation) return 0;  // planning on placeholder inputs
                call.fail("integer division by zero");
            }
            return x / y;
        });
        call.add_cells(4 * r.size());
        return {{call.narrow(r, 0)}, ProofKind::Linear};
    }
    const FixedTensor a = call.natural(0);
    if (call.is_constant(1)) {
        const model::FloatTensor& c = call.constant(1);
        bool integral = true;
        int64_t largest = 1;
        for (float v : c.data) {
            if (v == 0.0f) call.fail("division by the constant 0");
            if (v != std::trunc(v) || std::fabs(v) > 1e15) integral = false;
            else largest = std::max<int64_t>(largest, std::llabs(int64_t(v)));
        }
        if (integral) {  // EZKL HybridOp::Div: round(x / d), remainder range-checked
            const IntTensor d(c.shape, model::to_ints(c));
            WideTensor r = zip_wide(a.t, d, [](i128 x, i128 y) { return y < 0 ? -quant::div_round(x, -y) : quant::div_round(x, y); });
            call.env.stats.range_checks.insert({0, largest - 1});
            call.add_cells(4 * r.size());
            return {{call.narrow(r, a.scale)}, ProofKind::Linear};
        }
        // A fractional divisor: multiply by its reciprocal at param_scale, then rebase.
        const Scale ps = call.env.args.param_scale;
        const IntTensor recip = quantise_constant(c, ps, call, [](double v) { return 1.0 / v; });
        WideTensor r = zip_wide(a.t, recip, [](i128 x, i128 y) { return x * y; });
        call.add_cells(3 * r.size());
        return {{call.rebase(std::move(r), a.scale + ps)}, ProofKind::Linear};
    }
    // Runtime divisor: q = round(a · 2^sb / b) at a's scale, proven as b·q + rem = a·2^sb.
    // A divisor that quantised to 0 stands for the smallest step 2^−sb (as the Reciprocal
    // table does): e.g. LayerNorm's √(var + ε) with a near-constant row, whose numerator
    // is ≈ 0 as well.
    const FixedTensor b = call.natural(1);
    WideTensor r = zip_wide(a.t, b.t, [&](i128 x, i128 y) -> i128 {
        if (y == 0) y = 1;
        const i128 n = x * (i128(1) << b.scale);
        return y < 0 ? -quant::div_round(n, -y) : quant::div_round(n, y);
    });
    call.add_cells(5 * r.size());
    call.check_range_input(1, b);
    return {{call.narrow(r, a.scale)}, ProofKind::Linear};
}

// numpy.matmul on integers with batch broadcasting, accumulated in i128.
WideTensor matmul_wide(const IntTensor& a_in, const IntTensor& b_in, const FixedCall& call) {
    Shape as = a_in.shape, bs = b_in.shape;
    const bool a_vec = as.size() == 1, b_vec = bs.size() == 1;
    if (a_vec) as.insert(as.begin(), 1);
    if (b_vec) bs.push_back(1);
    if (as.size() < 2 || bs.size() < 2) call.fail("MatMul needs inputs of rank >= 1");
    const int64_t m = as[as.size() - 2], k = as.back(), n = bs.back();
    if (bs[bs.size() - 2] != k)
        call.fail("MatMul inner dimensions differ: " + model::shape_to_string(a_in.shape) + " × " +
                  model::shape_to_string(b_in.shape));
    const Shape a_batch(as.begin(), as.end() - 2), b_batch(bs.begin(), bs.end() - 2);
    const Shape batch = model::broadcast_shapes(a_batch, b_batch);
    const auto ma = model::broadcast_map(a_batch, batch), mb = model::broadcast_map(b_batch, batch);
    Shape out_shape = batch;
    if (!a_vec) out_shape.push_back(m);
    if (!b_vec) out_shape.push_back(n);
    WideTensor out(out_shape);
    const size_t batches = model::element_count(batch);
    for (size_t bi = 0; bi < batches; ++bi) {
        const int64_t* A = a_in.data.data() + ma[bi] * size_t(m * k);
        const int64_t* B = b_in.data.data() + mb[bi] * size_t(k * n);
        i128* O = out.data.data() + bi * size_t(m * n);
        for (int64_t i = 0; i < m; ++i)
            for (int64_t j = 0; j < n; ++j) {
                i128 acc = 0;
                for (int64_t t = 0; t < k; ++t) acc += i128(A[i * k + t]) * B[t * n + j];
                O[i * n + j] = acc;
            }
    }
    call.add_cells(3 * uint64_t(batches) * uint64_t(m * n * k));
    return out;
}

FixedResult matmul(const FixedCall& call) {
    const FixedTensor a = call.natural(0), b = call.natural(1);
    return {{call.rebase(matmul_wide(a.t, b.t, call), a.scale + b.scale)}, ProofKind::Linear};
}

IntTensor transpose2(const IntTensor& x) {
    IntTensor t({x.shape[1], x.shape[0]});
    for (int64_t i = 0; i < x.shape[0]; ++i)
        for (int64_t j = 0; j < x.shape[1]; ++j) t.data[size_t(j * x.shape[0] + i)] = x.data[size_t(i * x.shape[1] + j)];
    return t;
}

FixedResult gemm(const FixedCall& call) {
    const float alpha = call.node.attr_float("alpha", 1.0f), beta = call.node.attr_float("beta", 1.0f);
    FixedTensor a = call.natural(0);
    FixedTensor b;
    if (alpha != 1.0f) {  // fold alpha into a constant B
        const Scale ps = call.env.args.param_scale;
        model::FloatTensor scaled = call.constant(1);
        for (auto& v : scaled.data) v *= alpha;
        b = FixedTensor{quantise_constant(scaled, ps, call), ps};
    } else {
        b = call.natural(1);
    }
    if (a.t.rank() != 2 || b.t.rank() != 2) call.fail("Gemm needs rank-2 A and B");
    if (call.node.attr_int("transA", 0)) a.t = transpose2(a.t);
    if (call.node.attr_int("transB", 0)) b.t = transpose2(b.t);
    WideTensor y = matmul_wide(a.t, b.t, call);
    const Scale s = a.scale + b.scale;
    if (call.present(2) && beta != 0.0f) {
        FixedTensor c;
        if (beta != 1.0f) {
            model::FloatTensor scaled = call.constant(2);
            for (auto& v : scaled.data) v *= beta;
            c = FixedTensor{quantise_constant(scaled, s, call), s};
        } else {
            c = call.at_scale(2, s);  // the bias at the product's scale (EZKL rebases constants)
        }
        const auto mc = model::broadcast_map(c.t.shape, y.shape);
        for (size_t i = 0; i < y.size(); ++i) y.data[i] += c.t.data[mc[i]];
        call.add_cells(y.size());
    }
    return {{call.rebase(std::move(y), s)}, ProofKind::Linear};
}

FixedResult reduce(const FixedCall& call, bool mean) {
    const FixedTensor x = call.natural(0);
    std::vector<int64_t> axes = reduction_axes(call);
    if (axes.empty() && call.node.attr_int("noop_with_empty_axes", 0)) return {{x}, ProofKind::Copy};
    const ReductionPlan p = plan_reduction(x.t.shape, axes, call.node.attr_int("keepdims", 1) != 0);
    WideTensor out(p.out_shape);
    for (size_t i = 0; i < x.t.size(); ++i) out.data[p.target[i]] += x.t.data[i];
    if (mean)
        for (auto& v : out.data) v = quant::div_round(v, i128(p.group));
    call.add_cells(2 * x.t.size() + (mean ? 3 * out.size() : 0));
    return {{call.narrow(out, x.scale)}, ProofKind::Linear};
}

FixedResult reduce_sum(const FixedCall& c) { return reduce(c, false); }
FixedResult reduce_mean(const FixedCall& c) { return reduce(c, true); }

// Inference BatchNorm folded to y = a·x + b per channel, a = γ/√(σ²+ε), b = β − μ·a.
FixedResult batch_norm(const FixedCall& call) {
    const FixedTensor x = call.natural(0);
    const model::FloatTensor &gamma = call.constant(1), &beta = call.constant(2), &mu = call.constant(3),
                             &var = call.constant(4);
    const double eps = call.node.attr_float("epsilon", 1e-5f);
    const Scale ps = call.env.args.param_scale, s = x.scale + ps;
    const size_t channels = gamma.size();
    const FoldedBatchNorm folded = fold_batch_norm(gamma, beta, mu, var, eps);
    const IntTensor qa = quantise_constant(folded.a, ps, call), qb = quantise_constant(folded.b, s, call);
    if (x.t.rank() < 2 || size_t(x.t.shape[1]) != channels) call.fail("BatchNormalization: channel count mismatch");
    const auto split = model::split_at_axis(x.t.shape, 1);
    WideTensor y(x.t.shape);
    for (size_t o = 0; o < split.outer; ++o)
        for (size_t c = 0; c < channels; ++c)
            for (size_t i = 0; i < split.inner; ++i) {
                const size_t at = (o * channels + c) * split.inner + i;
                y.data[at] = i128(x.t.data[at]) * qa.data[c] + qb.data[c];
            }
    call.add_cells(3 * y.size());
    return {{call.rebase(std::move(y), s)}, ProofKind::Linear};
}

}  // namespace

void register_fixed_linear_ops(FixedKernelTable& t) {
    t["Add"] = &add;
    t["Sub"] = &sub;
    t["Sum"] = &sum;
    t["Mean"] = &mean;
    t["Mul"] = &mul;
    t["Neg"] = &neg;
    t["Div"] = &div;
    t["MatMul"] = &matmul;
    t["Gemm"] = &gemm;
    t["ReduceSum"] = &reduce_sum;
    t["ReduceMean"] = &reduce_mean;
    t["BatchNormalization"] = &batch_norm;
}

}  // namespace ps::fixed
