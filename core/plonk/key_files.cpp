#include "core/plonk/key_files.hpp"

#include "core/plonk/field_codec.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/sha256.hpp"

#include <cstring>

namespace ps::plonk {

namespace {

constexpr char VK_MAGIC[4] = {'P', 'S', 'V', 'K'};
constexpr char PK_MAGIC[4] = {'P', 'S', 'P', 'K'};

void encode_header(ByteWriter& out, const char (&magic)[4], const Digest32& settings_digest, const VerifyingKey& vk) {
    out.raw(std::span(reinterpret_cast<const uint8_t*>(magic), 4));
    out.u32(KEY_FORMAT_VERSION);
    out.raw(settings_digest);
    const auto vk_bytes = vk.encode();
    out.u64(vk_bytes.size());
    out.raw(vk_bytes);
    out.raw(vk.digest);
}

std::vector<G1Affine> decode_points(ByteReader& in, const char* what) {
    std::vector<G1Affine> points(in.count(64));
    for (auto& p : points) {
        const auto b = in.raw(64);
        const auto point = g1_from_evm(std::span<const uint8_t, 64>(b.data(), 64));
        if (!point) in.fail(std::string("a ") + what + " commitment is not a point on the curve", 64);
        p = *point;
    }
    return points;
}

VerifyingKey decode_vk_encoding(std::span<const uint8_t> bytes, const std::string& where) {
    ByteReader in(bytes, where + " (verifying key)");
    const auto tag = in.raw(16);
    if (std::memcmp(tag.data(), VK_ENCODING_TAG, 16) != 0) in.fail("unknown verifying-key encoding", 16);
    VerifyingKey vk;
    vk.k = in.u32();
    if (vk.k == 0 || vk.k > 28) in.fail("k = " + std::to_string(vk.k) + " is outside 1..28", 4);
    const auto cs_bytes = in.raw(in.count(1));
    vk.cs = ConstraintSystem::decode(cs_bytes, where + " (constraint system)");
    // Before anything sizes a buffer by usable_rows(): a crafted k of 1 or 2 once wrapped it.
    vk.cs.check_fits(vk.k, where + " (verifying key)");
    vk.instance_lengths.resize(in.count(8));
    if (vk.instance_lengths.size() != vk.cs.num_instance_columns())
        in.fail(std::to_string(vk.instance_lengths.size()) + " instance lengths, the constraint system has " +
                    std::to_string(vk.cs.num_instance_columns()) + " instance columns",
                8);
    const size_t usable = vk.cs.usable_rows(vk.k);
    for (auto& length : vk.instance_lengths) {
        length = in.u64();
        if (length > usable)
            in.fail("an instance column of " + std::to_string(length) + " values, more than the " +
                        std::to_string(usable) + " usable rows",
                    8);
    }
    const auto srs = in.raw(32);
    std::copy(srs.begin(), srs.end(), vk.srs_digest.begin());
    vk.fixed_commitments = decode_points(in, "fixed column");
    vk.permutation_commitments = decode_points(in, "permutation");
    if (vk.fixed_commitments.size() != vk.cs.num_fixed_columns() ||
        vk.permutation_commitments.size() != vk.cs.permutation_columns().size())
        in.fail("the commitment counts do not match the constraint system");
    if (in.remaining() != 0) in.fail("unexpected trailing bytes");
    return vk;
}

VerifyingKey decode_header(ByteReader& in, const char (&magic)[4], const char* file_kind, const std::string& where,
                           const std::optional<Digest32>& expected_settings_digest) {
    const auto m = in.raw(4);
    if (std::memcmp(m.data(), magic, 4) != 0)
        throw Error(where, std::string("not a ") + file_kind + " file (magic '" + std::string(m.begin(), m.end()) +
                               "', expected '" + std::string(magic, 4) + "')",
                    "pass the right file");
    const uint32_t version = in.u32();
    if (version != KEY_FORMAT_VERSION)
        throw Error(where, std::string(file_kind) + " format version " + std::to_string(version) +
                               ", this build reads version " + std::to_string(KEY_FORMAT_VERSION),
                    "regenerate the keys with this version (setup)");
    const auto settings = in.raw(32);
    if (expected_settings_digest &&
        !std::equal(settings.begin(), settings.end(), expected_settings_digest->begin()))
        throw Error(where, std::string(file_kind) + " was made for different settings (settings digest " +
                               to_hex(settings) + ", expected " + to_hex(*expected_settings_digest) + ")",
                    "run setup again with the current settings.json and compiled circuit");
    const auto vk_bytes = in.raw(in.count(1));
    VerifyingKey vk = decode_vk_encoding(vk_bytes, where);
    const auto stored = in.raw(32);
    vk.digest = vk.compute_digest();
    if (!std::equal(stored.begin(), stored.end(), vk.digest.begin()))
        in.fail("the verifying-key digest does not match its contents: the file is corrupted", 32);
    return vk;
}

}  // namespace

std::vector<uint8_t> encode_verifying_key_file(const VerifyingKey& vk, const Digest32& settings_digest) {
    ByteWriter out;
    encode_header(out, VK_MAGIC, settings_digest, vk);
    return std::move(out.bytes());
}

std::vector<uint8_t> encode_proving_key_file(const ProvingKey& pk, const Digest32& settings_digest) {
    ByteWriter out;
    encode_header(out, PK_MAGIC, settings_digest, pk.vk);
    out.u64(pk.fixed.size());
    for (const auto& p : pk.fixed) write_frs(out, p.values);
    out.u64(pk.permutation.size());
    for (const auto& p : pk.permutation) write_frs(out, p.values);
    return std::move(out.bytes());
}

VerifyingKey decode_verifying_key_file(std::span<const uint8_t> bytes, const std::string& where,
                                       const std::optional<Digest32>& expected_settings_digest) {
    ByteReader in(bytes, where);
    VerifyingKey vk = decode_header(in, VK_MAGIC, "vk.key", where, expected_settings_digest);
    if (in.remaining() != 0) in.fail("unexpected trailing bytes");
    return vk;
}

ProvingKey decode_proving_key_file(std::span<const uint8_t> bytes, const std::string& where,
                                   const std::optional<Digest32>& expected_settings_digest,
                                   const ProgressSink* progress) {
    ByteReader in(bytes, where);
    VerifyingKey vk = decode_header(in, PK_MAGIC, "pk.key", where, expected_settings_digest);
    auto read_columns = [&](size_t expected, const char* what) {
        const uint64_t count = in.count(8);
        if (count != expected)
            in.fail(std::to_string(count) + " " + what + " columns, the constraint system has " +
                        std::to_string(expected),
                    8);
        std::vector<std::vector<Fr>> columns(count);
        for (auto& c : columns) {
            c = read_frs(in);
            if (c.size() != vk.n())
                in.fail(std::string("a ") + what + " column has " + std::to_string(c.size()) + " rows, expected " +
                        std::to_string(vk.n()));
        }
        return columns;
    };
    auto fixed = read_columns(vk.cs.num_fixed_columns(), "fixed");
    auto sigma = read_columns(vk.cs.permutation_columns().size(), "permutation");
    if (in.remaining() != 0) in.fail("unexpected trailing bytes");
    return ProvingKey::from_values(std::move(vk), std::move(fixed), std::move(sigma), progress);
}

void write_verifying_key(const std::filesystem::path& path, const VerifyingKey& vk, const Digest32& settings_digest) {
    write_file_atomically(path, encode_verifying_key_file(vk, settings_digest));
}

void write_proving_key(const std::filesystem::path& path, const ProvingKey& pk, const Digest32& settings_digest) {
    write_file_atomically(path, encode_proving_key_file(pk, settings_digest));
}

VerifyingKey read_verifying_key(const std::filesystem::path& path,
                                const std::optional<Digest32>& expected_settings_digest) {
    const auto bytes = read_file_bytes(path);
    return decode_verifying_key_file(bytes, path.string(), expected_settings_digest);
}

ProvingKey read_proving_key(const std::filesystem::path& path, const std::optional<Digest32>& expected_settings_digest,
                            const ProgressSink* progress) {
    const auto bytes = read_file_bytes(path);
    return decode_proving_key_file(bytes, path.string(), expected_settings_digest, progress);
}

}  // namespace ps::plonk
