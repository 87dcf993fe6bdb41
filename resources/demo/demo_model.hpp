#pragma once
// The demo project: a tiny digit classifier whose ONNX file ProofScope writes itself
// (ONNX protobuf classes, weights from train_demo_weights.py) plus an input.json with a
// digit "3". Image-like input 1×1×8×8 → Conv 4×3×3 → Relu → MaxPool 2×2 → Flatten →
// Gemm 10 → logits.
#include <filesystem>

namespace ps::demo {

void write_demo_model(const std::filesystem::path& onnx_path);   // network.onnx
void write_demo_input(const std::filesystem::path& input_path);  // input.json
// Both into `folder` (created when missing): network.onnx and input.json.
void write_demo_project(const std::filesystem::path& folder);

}  // namespace ps::demo
