#pragma once
// A value placed in the circuit: the cell that holds it and the integer it stands for
// (field element v mod r). Cells are named by block, column within the block and row;
// the builder maps them onto constraint-system columns only when the layout is done.
#include "core/artifacts/settings.hpp"
#include "core/model/graph.hpp"

#include <cstdint>
#include <vector>

namespace ps::circuit {

using i128 = __int128;

// Arith: dot products, sums, divisions, signs, constants, free cells.
// Lookup: (tag, x, f(x)) rows. Range: decompositions into decomp_base limbs.
// Instance: the public values.
enum class Block : uint8_t { Arith, Lookup, Range, Instance };

struct CellRef {
    Block block = Block::Arith;
    uint32_t column = 0;  // within the block
    uint32_t row = 0;
    bool operator==(const CellRef&) const = default;
};

struct Wire {
    CellRef cell;
    i128 value = 0;
};

struct WireTensor {
    model::Shape shape;
    Scale scale = 0;
    std::vector<Wire> wires;  // row-major
    size_t size() const { return wires.size(); }
};

}  // namespace ps::circuit
