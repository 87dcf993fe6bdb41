#include "core/kzg/srs_io.hpp"
#include "core/curve/coord_codec.hpp"
#include "core/kzg/srs_check.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <fstream>
#include <limits>

namespace ps {

namespace {

constexpr size_t G1_BYTES = 64, G2_BYTES = 128;

struct PointProblem {
    size_t offset = std::numeric_limits<size_t>::max();  // first bad byte, max = none
    std::string reason;
};

Error bad_srs(const std::string& name, size_t offset, const std::string& problem,
              const std::string& fix = "the file is damaged or not a halo2/EZKL kzg.srs; "
                                       "download it again or run gen-srs") {
    return Error(name + " at offset " + std::to_string(offset), problem, fix);
}

// A coordinate's failure reason, or empty.
std::optional<Fq> coordinate(std::span<const uint8_t> bytes, size_t offset) {
    return curve_detail::get_raw_le(std::span<const uint8_t, 32>(bytes.data() + offset, 32));
}

// Decodes the G1 point at `offset`; on failure records the offset and reason.
G1Affine decode_g1(std::span<const uint8_t> bytes, size_t offset, PointProblem& problem) {
    const auto x = coordinate(bytes, offset), y = coordinate(bytes, offset + 32);
    if (!x || !y) {
        problem = {x ? offset + 32 : offset,
                   std::string(x ? "y" : "x") + " coordinate of a G1 point is not below the field modulus p"};
        return {};
    }
    if (x->is_zero() && y->is_zero()) return G1Affine::identity();  // halo2 writes O as (0, 0)
    const G1Affine p{*x, *y, false};
    if (!p.is_on_curve()) problem = {offset, "G1 point is not on the curve y² = x³ + 3"};
    return p;
}

G2Affine decode_g2(std::span<const uint8_t> bytes, size_t offset, PointProblem& problem) {
    std::optional<Fq> c[4];
    for (size_t i = 0; i < 4; ++i) {
        c[i] = coordinate(bytes, offset + 32 * i);
        if (!c[i]) {
            problem = {offset + 32 * i, "a G2 coordinate is not below the field modulus p"};
            return {};
        }
    }
    const G2Affine p{Fq2{*c[0], *c[1]}, Fq2{*c[2], *c[3]}, false};
    if (p.x.is_zero() && p.y.is_zero()) return G2Affine::identity();
    if (!p.is_on_curve()) problem = {offset, "G2 point is not on the twist curve"};
    else if (!p.is_in_subgroup()) problem = {offset, "G2 point is not in the order-r subgroup"};
    return p;
}

// Decodes count G1 points from `offset`; returns the earliest problem (if any), the same
// whichever thread finds it.
PointProblem decode_g1_run(std::span<const uint8_t> bytes, size_t offset, size_t count,
                           std::vector<G1Affine>& out) {
    out.resize(count);
    return tbb::parallel_reduce(
        tbb::blocked_range<size_t>(0, count, 1024), PointProblem{},
        [&](const auto& r, PointProblem first) {
            for (size_t i = r.begin(); i < r.end(); ++i) {
                PointProblem p;
                out[i] = decode_g1(bytes, offset + i * G1_BYTES, p);
                if (p.offset < first.offset) first = p;
            }
            return first;
        },
        [](const PointProblem& a, const PointProblem& b) { return a.offset <= b.offset ? a : b; });
}

void put_g1(std::vector<uint8_t>& out, const G1Affine& p) {
    const auto b = g1_to_halo2_raw(p);
    out.insert(out.end(), b.begin(), b.end());
}

}  // namespace

Srs parse_srs(std::span<const uint8_t> bytes, const std::string& name) {
    if (bytes.size() < 4)
        throw bad_srs(name, bytes.size(), "file ends after " + std::to_string(bytes.size()) +
                                              " bytes, inside the 4-byte header (k)");
    const uint32_t k = uint32_t(bytes[0]) | uint32_t(bytes[1]) << 8 | uint32_t(bytes[2]) << 16 |
                       uint32_t(bytes[3]) << 24;
    if (k > SRS_MAX_K)
        throw bad_srs(name, 0, "header says k = " + std::to_string(k) + ", more than 28 is impossible over BN254");
    const size_t expected = srs_file_size(k);
    if (bytes.size() < expected)
        throw bad_srs(name, bytes.size(),
                      "truncated: the file has " + std::to_string(bytes.size()) + " bytes, k = " +
                          std::to_string(k) + " needs " + std::to_string(expected));
    if (bytes.size() > expected)
        throw bad_srs(name, expected,
                      std::to_string(bytes.size() - expected) + " unexpected bytes after the [τ]G2 point (k = " +
                          std::to_string(k) + " needs exactly " + std::to_string(expected) + ")");
    Srs srs;
    srs.k = k;
    const size_t n = srs.size();
    size_t offset = 4;
    for (auto* run : {&srs.g, &srs.g_lagrange}) {
        const PointProblem p = decode_g1_run(bytes, offset, n, *run);
        if (!p.reason.empty()) {
            const bool lag = run == &srs.g_lagrange;
            const size_t index = (p.offset - offset) / G1_BYTES;
            throw bad_srs(name, p.offset,
                          p.reason + " (" + (lag ? "Lagrange point " : "power [τ^") + std::to_string(index) +
                              (lag ? "" : "]G1") + ")");
        }
        offset += n * G1_BYTES;
    }
    for (auto* pt : {&srs.g2, &srs.s_g2}) {
        PointProblem p;
        *pt = decode_g2(bytes, offset, p);
        if (!p.reason.empty())
            throw bad_srs(name, p.offset, p.reason + (pt == &srs.g2 ? " (G2 generator)" : " ([τ]G2)"));
        offset += G2_BYTES;
    }
    return srs;
}

Srs read_srs(const std::filesystem::path& path) {
    const std::vector<uint8_t> bytes = read_file_bytes(path);
    return parse_srs(bytes, path.string());
}

Srs load_srs_checked(const std::filesystem::path& path) {
    Srs srs = read_srs(path);
    if (const SrsVerdict v = check_srs_cheap(srs); !v.ok)
        throw Error(path.string(), "not a usable SRS: " + v.reason,
                    "use a ceremony's SRS (e.g. EZKL's kzg files) or gen-srs for development");
    return srs;
}

std::vector<uint8_t> serialize_srs(const Srs& srs) {
    if (srs.g.size() != srs.size() || srs.g_lagrange.size() != srs.size())
        throw Error("kzg.srs writer", "SRS with k = " + std::to_string(srs.k) + " holds " +
                                          std::to_string(srs.g.size()) + " powers and " +
                                          std::to_string(srs.g_lagrange.size()) + " Lagrange points");
    std::vector<uint8_t> out;
    out.reserve(srs_file_size(srs.k));
    for (int i = 0; i < 4; ++i) out.push_back(uint8_t(srs.k >> (8 * i)));
    for (const auto& p : srs.g) put_g1(out, p);
    for (const auto& p : srs.g_lagrange) put_g1(out, p);
    for (const auto* q : {&srs.g2, &srs.s_g2}) {
        const auto b = g2_to_halo2_raw(*q);
        out.insert(out.end(), b.begin(), b.end());
    }
    return out;
}

void write_srs(const Srs& srs, const std::filesystem::path& path) {
    write_file_atomically(path, serialize_srs(srs));
}

unsigned read_srs_k(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    uint8_t b[4] = {};
    if (!in || !in.read(reinterpret_cast<char*>(b), 4))
        throw Error(path.string(), "cannot read the 4-byte header", "check the path and permissions");
    return unsigned(b[0]) | unsigned(b[1]) << 8 | unsigned(b[2]) << 16 | unsigned(b[3]) << 24;
}

}  // namespace ps
