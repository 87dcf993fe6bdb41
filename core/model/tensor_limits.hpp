#pragma once
// How large a tensor a model file may make us allocate. A model is untrusted input: a
// declared 10^9-element input, a Tile by 10^6 or a OneHot depth of 2^40 would otherwise
// grow past the machine's memory or end in a bare std::bad_alloc. The limit is checked
// before anything of that size is allocated, and a user with a genuinely large model
// raises it (PROOFSCOPE_MAX_TENSOR_ELEMENTS).
#include "core/model/graph.hpp"

#include <cstdint>
#include <string>

namespace ps::model {

// 2^26 elements (256 MiB as float, 512 MiB as int64): twenty times the largest tensor of
// any model in the corpus (docs/CORPUS.md), far below what a 2^28-row circuit could prove.
inline constexpr uint64_t kDefaultMaxTensorElements = uint64_t(1) << 26;
inline constexpr const char* kMaxTensorElementsVariable = "PROOFSCOPE_MAX_TENSOR_ELEMENTS";

// PROOFSCOPE_MAX_TENSOR_ELEMENTS when set to a positive integer, else the default. Read on
// every call (cheap) so a test or a long-running GUI sees a changed environment.
uint64_t max_tensor_elements();

// Why `shape` cannot be allocated (a negative dimension, a product past 2^64, more than
// max_tensor_elements()), or "" when it can.
std::string shape_problem(const Shape& shape);

// What the user can do about a shape_problem: raise the limit, or fix the file.
std::string shape_fix();

// Element count of a shape a kernel is about to allocate; throws std::invalid_argument
// with shape_problem() (the executors turn it into an error naming the node).
size_t checked_element_count(const Shape& shape);

// For a shape declared in a file: throws ps::Error naming `where` (file and field).
void check_declared_shape(const Shape& shape, const std::string& where);

}  // namespace ps::model
