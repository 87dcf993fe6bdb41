#pragma once
// Binary encoding of the graph IR (core/model/graph.hpp) inside network.ezkl, so a
// compiled circuit runs without the .onnx file.
#include "core/util/byte_codec.hpp"
#include "core/model/graph.hpp"

namespace ps {

void encode_graph(ByteWriter& w, const model::Graph& g);
model::Graph decode_graph(ByteReader& r);

void encode_float_tensor(ByteWriter& w, const model::FloatTensor& t);
model::FloatTensor decode_float_tensor(ByteReader& r);
void encode_int_tensor(ByteWriter& w, const model::IntTensor& t);
model::IntTensor decode_int_tensor(ByteReader& r);

}  // namespace ps
