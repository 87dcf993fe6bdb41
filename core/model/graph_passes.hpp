#pragma once
// Passes the loader runs on a freshly built Graph.
#include "core/model/graph.hpp"

namespace ps::model::detail {

// Replaces Constant, Shape (of a statically shaped value) and every node whose inputs are
// all initialisers by initialisers, then drops initialisers nothing uses any more.
void fold_constants(Graph& graph);

// Fills Graph::shapes for values ONNX shape inference left open by running the float
// executor once on zero inputs, except downstream of ops whose output shape depends on
// the data (NonZero, ...). Silently keeps what it cannot compute.
void complete_shapes(Graph& graph);

// Renumbers Node::index after nodes were removed.
void renumber(Graph& graph);

}  // namespace ps::model::detail
