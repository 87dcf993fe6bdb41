#!/usr/bin/python3
"""Trains the demo digit classifier and writes its weights as C++ (demo_weights.hpp).

The model (built by make_demo_project): image 1x1x8x8 -> Conv 4x3x3 (pad 1) -> Relu ->
MaxPool 2x2 -> Flatten (64) -> Gemm 10 -> logits. The data: the ten digits of a 5x7
pixel font, drawn into 8x8 at random offsets with random ink strength, noise and
dropped pixels. Deterministic (fixed seed): rerunning rewrites the same file.
Also writes samples/digit_<d>.png (32x32, dark ink on white) for the GUI's image loader.

Usage: /usr/bin/python3 train_demo_weights.py   (Debian python3-numpy; about 20 s)
"""
import os
import struct
import zlib

import numpy as np

FONT = {  # 5 columns x 7 rows, '#' = ink
    0: [" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### "],
    1: ["  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "],
    2: [" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"],
    3: ["#### ", "    #", "    #", " ### ", "    #", "    #", "#### "],
    4: ["   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "],
    5: ["#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "],
    6: [" ### ", "#    ", "#    ", "#### ", "#   #", "#   #", " ### "],
    7: ["#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "],
    8: [" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "],
    9: [" ### ", "#   #", "#   #", " ####", "    #", "    #", " ### "],
}
GLYPHS = {d: np.array([[c == "#" for c in row] for row in rows], dtype=np.float64) for d, rows in FONT.items()}


def render(digit, dx, dy, ink, rng, noise):
    img = np.zeros((8, 8))
    img[dy:dy + 7, dx:dx + 5] = GLYPHS[digit] * ink
    if noise:
        img += rng.normal(0, 0.08, img.shape)
        img[rng.random(img.shape) < 0.04] = 0
    return np.clip(img, 0, 1)


def dataset(n, rng):
    xs, ys = [], []
    for _ in range(n):
        d = int(rng.integers(10))
        xs.append(render(d, int(rng.integers(4)), int(rng.integers(2)), rng.uniform(0.6, 1.0), rng, True))
        ys.append(d)
    return np.array(xs)[:, None], np.array(ys)


def im2col(x):  # x: N,1,8,8 -> N,64,9 (3x3 patches, zero padding 1)
    p = np.pad(x[:, 0], ((0, 0), (1, 1), (1, 1)))
    cols = [p[:, i:i + 8, j:j + 8].reshape(len(x), 64) for i in range(3) for j in range(3)]
    return np.stack(cols, axis=2)


def forward(params, x):
    cw, cb, fw, fb = params
    cols = im2col(x)                                        # N,64,9
    conv = cols @ cw.reshape(4, 9).T + cb                   # N,64,4  (position, channel)
    conv = conv.transpose(0, 2, 1).reshape(len(x), 4, 8, 8)
    relu = np.maximum(conv, 0)
    blocks = relu.reshape(len(x), 4, 4, 2, 4, 2)
    pooled = blocks.max(axis=(3, 5))                        # N,4,4,4
    flat = pooled.reshape(len(x), 64)                       # c,h,w order = ONNX Flatten
    logits = flat @ fw.T + fb
    return logits, (cols, conv, relu, blocks, pooled, flat)


def train():
    rng = np.random.default_rng(20261126)
    x, y = dataset(6000, rng)
    cw = rng.normal(0, 0.4, (4, 1, 3, 3))
    cb = np.zeros(4)
    fw = rng.normal(0, 0.15, (10, 64))
    fb = np.zeros(10)
    params = [cw, cb, fw, fb]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, batch, step = 0.01, 100, 0
    for epoch in range(30):
        order = rng.permutation(len(x))
        for s in range(0, len(x), batch):
            idx = order[s:s + batch]
            xb, yb = x[idx], y[idx]
            logits, (cols, conv, relu, blocks, pooled, flat) = forward(params, xb)
            p = np.exp(logits - logits.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(yb)), yb] -= 1
            g_logits = p / len(yb)
            g_fw = g_logits.T @ flat
            g_fb = g_logits.sum(axis=0)
            g_pooled = (g_logits @ params[2]).reshape(pooled.shape)
            mask = blocks == pooled[:, :, :, None, :, None]
            g_relu = (mask * g_pooled[:, :, :, None, :, None]).reshape(relu.shape)
            g_conv = g_relu * (conv > 0)
            g_conv_cols = g_conv.reshape(len(xb), 4, 64).transpose(0, 2, 1)  # N,64,4
            g_cw = np.einsum("npc,npk->ck", g_conv_cols, cols).reshape(4, 1, 3, 3)
            g_cb = g_conv_cols.sum(axis=(0, 1))
            grads = [g_cw, g_cb, g_fw, g_fb]
            step += 1
            for i, g in enumerate(grads):  # Adam
                m[i] = 0.9 * m[i] + 0.1 * g
                v[i] = 0.999 * v[i] + 0.001 * g * g
                params[i] -= lr * (m[i] / (1 - 0.9 ** step)) / (np.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)
    xt, yt = dataset(2000, np.random.default_rng(7))
    accuracy = (forward(params, xt)[0].argmax(axis=1) == yt).mean()
    return params, accuracy


def floats(name, a):
    def literal(v):
        text = f"{float(v):.8g}"
        return text + ("f" if ("." in text or "e" in text) else ".0f")

    body = ", ".join(literal(v) for v in a.ravel())
    return f"inline constexpr float {name}[{a.size}] = {{{body}}};\n"


def write_png(path, pixels):  # 8-bit greyscale
    h, w = pixels.shape
    raw = b"".join(b"\x00" + bytes(pixels[r].astype(np.uint8)) for r in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    (cw, cb, fw, fb), accuracy = train()
    sample = render(3, 1, 0, 0.9, None, False)  # the demo input: a clean "3"
    with open(os.path.join(here, "demo_weights.hpp"), "w") as f:
        f.write("#pragma once\n// Generated by train_demo_weights.py (do not edit): the demo digit classifier,\n"
                f"// trained on synthetic 8x8 font digits; held-out accuracy {accuracy:.3f}.\n\n"
                "namespace ps::demo {\n\n")
        f.write(floats("conv_weight", cw) + floats("conv_bias", cb) + floats("fc_weight", fw) + floats("fc_bias", fb))
        f.write(floats("sample_input", sample))
        f.write(f"inline constexpr int sample_label = 3;\ninline constexpr double held_out_accuracy = {accuracy:.4f};\n")
        f.write("\n}  // namespace ps::demo\n")
    os.makedirs(os.path.join(here, "samples"), exist_ok=True)
    for d in range(10):
        big = np.kron(render(d, 1, 0, 1.0, None, False), np.ones((4, 4)))  # 32x32
        write_png(os.path.join(here, "samples", f"digit_{d}.png"), 255 - big * 255)
    print(f"held-out accuracy {accuracy:.3f}; wrote demo_weights.hpp and samples/")


if __name__ == "__main__":
    main()
