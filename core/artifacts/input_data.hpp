#pragma once
// input.json in EZKL's format: {"input_data": [[...], ...], "output_data": [[...], ...]}.
// One array per model input, flat or nested (flattened row-major); output_data optional.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ps {

struct InputData {
    std::vector<std::vector<double>> inputs;   // one flat row-major array per model input
    std::vector<std::vector<double>> outputs;  // output_data, empty when absent
    // How the file was interpreted when it was not literal (extra arrays dropped, ...);
    // the CLI prints these, the GUI shows them.
    std::vector<std::string> notes;
    // Where the data came from, as errors name it (the path of input.json); "" when built in memory.
    std::string source;
};

// "1×3×28×28"
std::string format_shape(const std::vector<int64_t>& shape);

// Parses and checks against the model's input shapes (one per input; pass an empty
// list to skip the check). As EZKL, arrays beyond the model's inputs are ignored (PyTorch
// prunes unused inputs from the graph, its input.json keeps them), with a note; trailing
// empty arrays ("[[]]" for an input-less model) are dropped. Errors name the source, the input index and expected vs
// found counts or types: "input.json: input 0 expects 1×3×28×28 = 2352 values, found 2350".
InputData parse_input_json(const std::string& text, const std::string& where,
                           const std::vector<std::vector<int64_t>>& expected_shapes);
InputData read_input_json(const std::filesystem::path& path,
                          const std::vector<std::vector<int64_t>>& expected_shapes);

// The one check that input arrays fit the model: one array per shape, each with the
// shape's element count. Throws ps::Error naming `where` ("…/input.json: input_data"),
// the input index and expected vs found counts.
void check_input_shapes(const std::vector<std::vector<double>>& inputs,
                        const std::vector<std::vector<int64_t>>& expected_shapes, const std::string& where);

std::string input_json_text(const InputData& data);
void write_input_json(const InputData& data, const std::filesystem::path& path);  // atomic

}  // namespace ps
