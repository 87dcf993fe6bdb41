#include "core/model/tensor_limits.hpp"
#include "core/util/error.hpp"

#include <cstdlib>
#include <stdexcept>

namespace ps::model {

uint64_t max_tensor_elements() {
    if (const char* text = std::getenv(kMaxTensorElementsVariable)) {
        char* end = nullptr;
        const unsigned long long v = std::strtoull(text, &end, 10);
        if (end != text && *end == '\0' && v > 0) return v;
    }
    return kDefaultMaxTensorElements;
}

std::string shape_problem(const Shape& shape) {
    uint64_t n = 1;
    bool overflow = false;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] < 0)
            return "dimension " + std::to_string(i) + " of " + shape_to_string(shape) + " is negative";
        if (!overflow && __builtin_mul_overflow(n, static_cast<uint64_t>(shape[i]), &n)) overflow = true;
    }
    // A zero dimension makes the product 0 whatever overflowed before it.
    for (int64_t d : shape)
        if (d == 0) return {};
    if (overflow) return "shape " + shape_to_string(shape) + " has more than 2^64 elements";
    const uint64_t limit = max_tensor_elements();
    if (n > limit)
        return "shape " + shape_to_string(shape) + " has " + std::to_string(n) + " elements, more than the limit of " +
               std::to_string(limit);
    return {};
}

std::string shape_fix() {
    return std::string("if the model really is this large, raise the limit with the environment variable ") +
           kMaxTensorElementsVariable + "; otherwise the file is corrupt or crafted";
}

size_t checked_element_count(const Shape& shape) {
    if (std::string problem = shape_problem(shape); !problem.empty())
        throw std::invalid_argument(problem + " (" + shape_fix() + ")");
    return element_count(shape);
}

void check_declared_shape(const Shape& shape, const std::string& where) {
    if (std::string problem = shape_problem(shape); !problem.empty()) throw Error(where, problem, shape_fix());
}

}  // namespace ps::model
