#pragma once
// Every artifact is written to a temporary file in the same folder, flushed, and renamed
// into place, so a crash or a cancelled job never leaves a half-written file. Where the
// filesystem supports O_TMPFILE the temporary file has no name while it is written, so a
// killed process leaves no ".name.tmpXXXXXX" behind either (atomic_file.cpp).
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ps {

void write_file_atomically(const std::filesystem::path& path, std::span<const uint8_t> bytes);
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

// Reads a whole file; throws ps::Error naming the file when it cannot.
std::vector<uint8_t> read_file_bytes(const std::filesystem::path& path);
std::string read_file_text(const std::filesystem::path& path);

}  // namespace ps
