#include "ui/models/tensor_text.hpp"

#include <algorithm>

namespace ps::ui {

std::string multi_index_text(const std::vector<int64_t>& shape, size_t flat) {
    std::vector<int64_t> idx(shape.size(), 0);
    for (size_t i = shape.size(); i-- > 0;) {
        const int64_t d = std::max<int64_t>(shape[i], 1);
        idx[i] = int64_t(flat % size_t(d));
        flat /= size_t(d);
    }
    std::string s = "[";
    for (size_t i = 0; i < idx.size(); ++i) s += (i ? ", " : "") + std::to_string(idx[i]);
    return s + "]";
}

}  // namespace ps::ui
