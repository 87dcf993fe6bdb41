// Recurrent layers LSTM, GRU and RNN (ONNX Operators.md, opset 7–14 semantics incl.
// layout, sequence_lens, clip, peepholes, bidirectional, linear_before_reset).
// Gate order in W/R/B: LSTM i, o, f, c; GRU z, r, h; RNN one gate. Outputs Y
// [seq, dirs, batch, hidden], Y_h [dirs, batch, hidden] (and Y_c for LSTM); layout = 1
// swaps seq and batch in X, Y, and batch first in the states.
#include "core/model/float_kernels.hpp"
#include "core/model/recurrent_activation.hpp"

namespace ps::model {
namespace {

enum class Cell { LSTM, GRU, RNN };

template <Cell C>
constexpr size_t gate_count() { return C == Cell::LSTM ? 4 : C == Cell::GRU ? 3 : 1; }

// out[g·H + j] = Σ_k M[g·H + j, k] · v[k] for rows [0, rows).
void mat_vec(const float* m, const double* v, size_t rows, size_t cols, double* out) {
    for (size_t r = 0; r < rows; ++r) {
        double s = 0;
        for (size_t k = 0; k < cols; ++k) s += static_cast<double>(m[r * cols + k]) * v[k];
        out[r] = s;
    }
}

template <Cell C>
std::vector<FloatTensor> recurrent(const OpCall& call) {
    const Node& node = call.node;
    constexpr size_t G = gate_count<C>();
    const FloatTensor& x_in = call.in(0);
    const FloatTensor &w = call.in(1), &r = call.in(2);
    const bool batch_first = node.attr_int("layout", 0) != 0;
    if (x_in.rank() != 3) call.fail("X must be 3-D, found " + shape_to_string(x_in.shape));
    const size_t seq = static_cast<size_t>(x_in.shape[batch_first ? 1 : 0]), batch = static_cast<size_t>(x_in.shape[batch_first ? 0 : 1]);
    const size_t input = static_cast<size_t>(x_in.shape[2]);
    const std::string direction = node.attr_string("direction", "forward");
    const size_t dirs = direction == "bidirectional" ? 2 : 1;
    const size_t H = static_cast<size_t>(node.attr_int("hidden_size", r.shape.size() == 3 ? r.shape[2] : 0));
    if (w.size() != dirs * G * H * input || r.size() != dirs * G * H * H)
        call.fail("W/R sizes " + shape_to_string(w.shape) + "/" + shape_to_string(r.shape) + " do not match hidden_size " + std::to_string(H));
    auto expect_size = [&](size_t i, size_t n, const char* what) {
        if (call.has(i) && call.in(i).size() != n)
            call.fail(std::string(what) + " holds " + std::to_string(call.in(i).size()) + " values, expected " + std::to_string(n));
    };
    expect_size(3, dirs * 2 * G * H, "B");
    expect_size(4, batch, "sequence_lens");
    expect_size(5, dirs * batch * H, "initial_h");
    expect_size(6, dirs * batch * H, "initial_c");
    expect_size(7, dirs * 3 * H, "P");
    const double clip = node.attr_float("clip", 0.0f);
    const bool linear_before_reset = node.attr_int("linear_before_reset", 0) != 0;
    const bool input_forget = node.attr_int("input_forget", 0) != 0;
    const std::vector<RecurrentActivation> acts = recurrent_activations(node, C == Cell::LSTM ? 3 : C == Cell::GRU ? 2 : 1, dirs);
    const size_t per_dir = acts.size() / dirs;

    auto x_at = [&](size_t t, size_t b, size_t k) {
        return static_cast<double>(x_in.data[batch_first ? (b * seq + t) * input + k : (t * batch + b) * input + k]);
    };
    auto state_index = [&](size_t d, size_t b, size_t j) { return batch_first ? (b * dirs + d) * H + j : (d * batch + b) * H + j; };
    std::vector<int64_t> lens(batch, static_cast<int64_t>(seq));
    if (call.has(4))
        for (size_t b = 0; b < batch; ++b) lens[b] = to_index(call.in(4).data[b]);

    Shape y_shape = batch_first ? Shape{static_cast<int64_t>(batch), static_cast<int64_t>(seq), static_cast<int64_t>(dirs), static_cast<int64_t>(H)}
                                : Shape{static_cast<int64_t>(seq), static_cast<int64_t>(dirs), static_cast<int64_t>(batch), static_cast<int64_t>(H)};
    Shape state_shape = batch_first ? Shape{static_cast<int64_t>(batch), static_cast<int64_t>(dirs), static_cast<int64_t>(H)}
                                    : Shape{static_cast<int64_t>(dirs), static_cast<int64_t>(batch), static_cast<int64_t>(H)};
    FloatTensor y(y_shape, 0.0f), y_h(state_shape, 0.0f), y_c(state_shape, 0.0f);

    std::vector<double> xt(input), h(H), c(H), wx(G * H), rh(G * H), gates(G * H), rh_reset(H);
    for (size_t d = 0; d < dirs; ++d) {
        const bool reverse = direction == "reverse" || d == 1;
        const float* wd = w.data.data() + d * G * H * input;
        const float* rd = r.data.data() + d * G * H * H;
        const float* bias = call.has(3) ? call.in(3).data.data() + d * 2 * G * H : nullptr;
        const float* peep = C == Cell::LSTM && call.has(7) ? call.in(7).data.data() + d * 3 * H : nullptr;
        const RecurrentActivation* f = &acts[d * per_dir];
        for (size_t b = 0; b < batch; ++b) {
            for (size_t j = 0; j < H; ++j) {
                h[j] = call.has(5) ? call.in(5).data[state_index(d, b, j)] : 0.0;
                c[j] = C == Cell::LSTM && call.has(6) ? call.in(6).data[state_index(d, b, j)] : 0.0;
            }
            const size_t len = static_cast<size_t>(std::clamp<int64_t>(lens[b], 0, static_cast<int64_t>(seq)));
            for (size_t step = 0; step < len; ++step) {
                const size_t t = reverse ? len - 1 - step : step;
                for (size_t k = 0; k < input; ++k) xt[k] = x_at(t, b, k);
                mat_vec(wd, xt.data(), G * H, input, wx.data());
                mat_vec(rd, h.data(), G * H, H, rh.data());
                auto pre = [&](size_t g, size_t j, double extra) {
                    double v = wx[g * H + j] + rh[g * H + j] + extra;
                    if (bias) v += static_cast<double>(bias[g * H + j]) + bias[G * H + g * H + j];
                    return clip > 0 ? std::clamp(v, -clip, clip) : v;
                };
                if constexpr (C == Cell::LSTM) {
                    for (size_t j = 0; j < H; ++j) {
                        const double i_g = f[0](pre(0, j, peep ? peep[j] * c[j] : 0.0));
                        double f_g = f[0](pre(2, j, peep ? peep[2 * H + j] * c[j] : 0.0));
                        if (input_forget) f_g = 1.0 - i_g;
                        const double c_g = f[1](pre(3, j, 0.0));
                        c[j] = f_g * c[j] + i_g * c_g;
                        const double o_g = f[0](pre(1, j, peep ? peep[H + j] * c[j] : 0.0));
                        gates[j] = o_g * f[2](c[j]);
                    }
                    for (size_t j = 0; j < H; ++j) h[j] = gates[j];
                } else if constexpr (C == Cell::GRU) {
                    std::vector<double> z(H), rg(H);
                    for (size_t j = 0; j < H; ++j) {
                        z[j] = f[0](pre(0, j, 0.0));
                        rg[j] = f[0](pre(1, j, 0.0));
                    }
                    if (!linear_before_reset) {  // (r ⊙ H) · Rhᵀ needs its own product
                        std::vector<double> rh_in(H);
                        for (size_t j = 0; j < H; ++j) rh_in[j] = rg[j] * h[j];
                        mat_vec(rd + 2 * H * H, rh_in.data(), H, H, rh_reset.data());
                    }
                    for (size_t j = 0; j < H; ++j) {
                        const double wb = bias ? bias[2 * H + j] : 0.0, rb = bias ? bias[G * H + 2 * H + j] : 0.0;
                        double v = linear_before_reset ? wx[2 * H + j] + wb + rg[j] * (rh[2 * H + j] + rb)
                                                       : wx[2 * H + j] + wb + rh_reset[j] + rb;
                        if (clip > 0) v = std::clamp(v, -clip, clip);
                        gates[j] = (1.0 - z[j]) * f[1](v) + z[j] * h[j];
                    }
                    for (size_t j = 0; j < H; ++j) h[j] = gates[j];
                } else {
                    for (size_t j = 0; j < H; ++j) gates[j] = f[0](pre(0, j, 0.0));
                    for (size_t j = 0; j < H; ++j) h[j] = gates[j];
                }
                for (size_t j = 0; j < H; ++j) {
                    const size_t at = batch_first ? ((b * seq + t) * dirs + d) * H + j : ((t * dirs + d) * batch + b) * H + j;
                    y.data[at] = static_cast<float>(h[j]);
                }
            }
            for (size_t j = 0; j < H; ++j) {
                y_h.data[state_index(d, b, j)] = static_cast<float>(h[j]);
                y_c.data[state_index(d, b, j)] = static_cast<float>(c[j]);
            }
        }
    }
    if constexpr (C == Cell::LSTM) return {y, y_h, y_c};
    return {y, y_h};
}

}  // namespace

void register_recurrent_ops(KernelTable& t) {
    t["LSTM"] = &recurrent<Cell::LSTM>;
    t["GRU"] = &recurrent<Cell::GRU>;
    t["RNN"] = &recurrent<Cell::RNN>;
}

}  // namespace ps::model
