#pragma once
// kzg.srs files in halo2's ParamsKZG raw layout (SerdeFormat::RawBytes), the files EZKL
// users hold: u32 LE k; 2^k G1 powers; 2^k G1 Lagrange points; G2 generator; [τ]G2. G1
// points are 64 bytes (x || y), G2 points 128 bytes (x.c0 || x.c1 || y.c0 || y.c1), each
// coordinate 32 bytes of little-endian Montgomery limbs.
#include "core/kzg/srs.hpp"
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace ps {

constexpr unsigned SRS_MAX_K = 28;
constexpr size_t srs_file_size(unsigned k) { return 4 + 2 * (size_t(1) << k) * 64 + 2 * 128; }

// Parses and checks structure: length, k, every coordinate < p, every point on its curve,
// G2 points in the order-r subgroup. Throws ps::Error naming `name`, the byte offset and
// the reason. The algebraic consistency (pairings) is check_srs's job.
Srs parse_srs(std::span<const uint8_t> bytes, const std::string& name);
Srs read_srs(const std::filesystem::path& path);
// read_srs, then check_srs_cheap: what setup, prove and verify should load. Throws
// ps::Error naming the file when the SRS is degenerate (all zero, τ = 1, …).
Srs load_srs_checked(const std::filesystem::path& path);

std::vector<uint8_t> serialize_srs(const Srs& srs);
// Temp file + rename: never a half-written kzg.srs.
void write_srs(const Srs& srs, const std::filesystem::path& path);

// Only the header: k from the first 4 bytes (for `srs-info` before the full read).
unsigned read_srs_k(const std::filesystem::path& path);

}  // namespace ps
