#pragma once
// vk.key and pk.key: the project's own binary formats (ARCHITECTURE.md "File formats").
//
//   magic (4 bytes: "PSVK" / "PSPK") | u32 format version | settings digest (32 bytes)
//   | u64 length + verifying-key encoding (VerifyingKey::encode) | vk digest (32 bytes)
//   pk.key continues with: u64 count + per fixed column u64 n + n canonical Fr (LE),
//   then the same for the σ columns. Extended-domain forms are recomputed on load.
//
// The settings digest names what the keys were made from (e.g. SHA-256 of settings.json);
// a reader given an expected digest rejects keys made for other settings. Files are
// written atomically; readers name the file and offset of whatever is wrong.
#include "core/plonk/keys.hpp"

#include <filesystem>
#include <optional>

namespace ps::plonk {

// 2: the vk pins the public values per instance column and binds its SRS.
// 3: a lookup's table may be split over several chunks (constraint-system encoding 2).
inline constexpr uint32_t KEY_FORMAT_VERSION = 3;

std::vector<uint8_t> encode_verifying_key_file(const VerifyingKey& vk, const Digest32& settings_digest);
std::vector<uint8_t> encode_proving_key_file(const ProvingKey& pk, const Digest32& settings_digest);
// `where` names the source in errors (usually the path).
VerifyingKey decode_verifying_key_file(std::span<const uint8_t> bytes, const std::string& where,
                                       const std::optional<Digest32>& expected_settings_digest = {});
// `progress`, when given, may cancel decoding between columns (ProvingKey::from_values).
ProvingKey decode_proving_key_file(std::span<const uint8_t> bytes, const std::string& where,
                                   const std::optional<Digest32>& expected_settings_digest = {},
                                   const ProgressSink* progress = nullptr);

void write_verifying_key(const std::filesystem::path& path, const VerifyingKey& vk, const Digest32& settings_digest);
void write_proving_key(const std::filesystem::path& path, const ProvingKey& pk, const Digest32& settings_digest);
VerifyingKey read_verifying_key(const std::filesystem::path& path,
                                const std::optional<Digest32>& expected_settings_digest = {});
ProvingKey read_proving_key(const std::filesystem::path& path,
                            const std::optional<Digest32>& expected_settings_digest = {},
                            const ProgressSink* progress = nullptr);

}  // namespace ps::plonk
