#pragma once
// How the views write tensor positions and shapes.
#include <cstdint>
#include <string>
#include <vector>

namespace ps::ui {

// Multi-index of flat position `flat` in a row-major tensor of `shape`: "[0, 2, 3, 1]".
std::string multi_index_text(const std::vector<int64_t>& shape, size_t flat);

}  // namespace ps::ui
