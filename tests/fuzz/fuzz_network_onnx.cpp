// network.onnx: load_onnx reads a path, so each input goes through a per-process file.
// The import runs libonnx's shape inference and constant folding on the input.
#include "fuzz_support.hpp"
#include "core/model/executor.hpp"
#include "core/model/graph.hpp"

#include <fstream>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = "/tmp/proofscope-fuzz-" + std::to_string(::getpid()) + ".onnx";
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    ps::fuzz::expect_value_or_error([&] {
        const ps::model::Graph g = ps::model::load_onnx(path, {});
        std::vector<ps::model::FloatTensor> zeros;
        for (const auto& in : g.inputs) zeros.emplace_back(in.shape, 0.0f);
        ps::model::run_float(g, zeros);
    });
    return 0;
}
