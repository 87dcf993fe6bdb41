#pragma once
// The ONNX operator rules for attributes that divide, index or size something (strides,
// dilations, kernel_shape, pads, group, blocksize, perm, ...), checked once where a model
// enters the program: the ONNX import (before libonnx's own shape inference, which divides
// by them too) and the network.ezkl decoder. Kernels, the witness path and the circuit
// layout then rely on them: a stride of 0 is a SIGFPE, a repeated axis in perm a read past
// a buffer.
#include "core/model/graph.hpp"

#include <string>

namespace ps::model {

// Throws ps::Error naming `where` (file and node), the attribute, its value and the rule.
void check_node_attributes(const Node& node, const std::string& where);

// Every node's attributes and every declared shape (inputs, outputs, initialisers,
// inferred shapes) against tensor_limits.hpp; `file` names the model in messages.
void check_graph(const Graph& graph, const std::string& file);

}  // namespace ps::model
