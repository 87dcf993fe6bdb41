// kzg.srs files: EZKL's own k = 6 file loads, re-serialises byte for byte and passes the
// consistency checks; gen-srs output round-trips; downsizing 6 → 4 gives the file a
// direct k = 4 generation from the same τ gives; damaged files (truncated, bit flips,
// swapped or foreign points) are rejected with the file name, offset and reason.
#include "core/kzg/srs_check.hpp"
#include "core/curve/pairing.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"

#include <QTemporaryDir>
#include <QTest>
#include <filesystem>

using namespace ps;

namespace {

std::filesystem::path ezkl_srs_path() {
    const char* env = std::getenv("PROOFSCOPE_SHARED_DIR");
    return std::filesystem::path(env ? env : PROOFSCOPE_SHARED_DIR) / "srs" / "ezkl_k6.srs";
}

Srs seeded_srs(unsigned k, uint64_t seed) {
    SeededRandom rng(seed);
    NullProgress quiet;
    return generate_srs(k, rng, quiet);
}

SrsVerdict check(const Srs& srs) {
    SeededRandom challenges(777);
    NullProgress quiet;
    return check_srs(srs, challenges, quiet);
}

// The ps::Error message parse_srs throws, or "" when it accepts the bytes.
std::string parse_error(std::span<const uint8_t> bytes) {
    try {
        parse_srs(bytes, "damaged.srs");
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class TestSrs : public QObject {
    Q_OBJECT
    std::vector<uint8_t> ezkl_bytes_;

private slots:
    void initTestCase() {
        if (std::filesystem::exists(ezkl_srs_path())) ezkl_bytes_ = read_file_bytes(ezkl_srs_path());
    }

    void ezkl_file_loads_and_is_consistent() {
        if (ezkl_bytes_.empty()) QSKIP("../shared/srs/ezkl_k6.srs is absent (set PROOFSCOPE_SHARED_DIR)");
        QCOMPARE(ezkl_bytes_.size(), srs_file_size(6));
        const Srs srs = read_srs(ezkl_srs_path());
        QCOMPARE(srs.k, 6u);
        QCOMPARE(srs.g.size(), size_t(64));
        QVERIFY(srs.g[0] == G1Affine::generator());
        QVERIFY(srs.g2 == G2Affine::generator());
        QVERIFY(srs.s_g2.is_in_subgroup());
        const SrsVerdict v = check(srs);
        QVERIFY2(v.ok, v.reason.c_str());
        QCOMPARE(serialize_srs(srs), ezkl_bytes_);  // byte-exact round trip
    }

    void ezkl_file_chain_holds_pair_by_pair() {
        // The unbatched statement of issue 3: e([τ^i]G1, [τ]G2) = e([τ^(i+1)]G1, G2) ∀ i.
        if (ezkl_bytes_.empty()) QSKIP("../shared/srs/ezkl_k6.srs is absent");
        const Srs srs = parse_srs(ezkl_bytes_, "ezkl_k6.srs");
        for (size_t i = 0; i + 1 < srs.size(); ++i) {
            const G1Affine ps[2] = {srs.g[i], -srs.g[i + 1]};
            const G2Affine qs[2] = {srs.s_g2, srs.g2};
            QVERIFY2(pairing_product_is_one(ps, qs), qPrintable(QString("i = %1").arg(i)));
        }
    }

    void ezkl_file_downsized_stays_consistent() {
        if (ezkl_bytes_.empty()) QSKIP("../shared/srs/ezkl_k6.srs is absent");
        const Srs srs = parse_srs(ezkl_bytes_, "ezkl_k6.srs");
        NullProgress quiet;
        const Srs small = downsize_srs(srs, 3, quiet);
        QCOMPARE(small.g.size(), size_t(8));
        const SrsVerdict v = check(small);
        QVERIFY2(v.ok, v.reason.c_str());
    }

    void truncated_copies_are_rejected_with_offset() {
        const std::vector<uint8_t> bytes = ezkl_bytes_.empty() ? serialize_srs(seeded_srs(6, 5)) : ezkl_bytes_;
        for (size_t cut : {size_t(0), size_t(3), size_t(4), size_t(100), bytes.size() - 1}) {
            const std::string msg = parse_error(std::span(bytes).first(cut));
            QVERIFY2(msg.find("damaged.srs at offset " + std::to_string(cut)) != std::string::npos, msg.c_str());
            QVERIFY2(msg.find(cut < 4 ? "header" : "truncated") != std::string::npos, msg.c_str());
        }
        auto longer = bytes;
        longer.push_back(0);
        QVERIFY(parse_error(longer).find("offset " + std::to_string(bytes.size())) != std::string::npos);
        auto huge_k = bytes;
        huge_k[0] = 29;
        QVERIFY(parse_error(huge_k).find("k = 29") != std::string::npos);
    }

    void bit_flips_are_rejected_with_the_point_offset() {
        const std::vector<uint8_t> bytes = ezkl_bytes_.empty() ? serialize_srs(seeded_srs(6, 5)) : ezkl_bytes_;
        const size_t n = 64;
        struct Flip { size_t byte; size_t point_offset; const char* what; };
        const Flip flips[] = {
            {4 + 10, 4, "not on the curve"},                               // power 0, x
            {4 + 64 * 5 + 40, 4 + 64 * 5, "not on the curve"},             // power 5, y
            {4 + 64 * n + 64 * 7 + 3, 4 + 64 * n + 64 * 7, "not on the curve"},  // Lagrange 7
            {4 + 128 * n + 50, 4 + 128 * n, "G2"},                         // G2 generator
            {4 + 128 * n + 128 + 100, 4 + 128 * n + 128, "G2"},            // [τ]G2
            {4 + 64 * 2 + 31, 4 + 64 * 2, "not below the field modulus"},  // top byte of x
        };
        for (const Flip& f : flips) {
            auto damaged = bytes;
            damaged[f.byte] ^= (f.byte == 4 + 64 * 2 + 31) ? 0xC0 : 0x01;
            const std::string msg = parse_error(damaged);
            QVERIFY2(msg.find("offset " + std::to_string(f.point_offset) + ":") != std::string::npos, msg.c_str());
            QVERIFY2(msg.find(f.what) != std::string::npos, msg.c_str());
        }
    }

    void well_formed_but_inconsistent_srs_fails_the_check() {
        const Srs good = seeded_srs(4, 9);
        QVERIFY(check(good).ok);
        Srs swapped = good;
        std::swap(swapped.g[3], swapped.g[4]);
        QVERIFY(check(swapped).reason.find("powers") != std::string::npos);
        Srs lag = good;
        lag.g_lagrange[2] = lag.g_lagrange[3];
        QVERIFY(check(lag).reason.find("Lagrange") != std::string::npos);
        Srs other_tau = good;
        other_tau.s_g2 = seeded_srs(4, 10).s_g2;
        QVERIFY(!check(other_tau).ok);
        Srs not_generator = good;
        not_generator.g[0] = good.g[1];
        QVERIFY(check(not_generator).reason.find("generator") != std::string::npos);
    }

    void gen_write_read_check_round_trip() {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("dev.srs").toStdString();
        const Srs srs = seeded_srs(5, 11);
        write_srs(srs, path);
        QCOMPARE(std::filesystem::file_size(path), srs_file_size(5));
        QCOMPARE(read_srs_k(path), 5u);
        const Srs back = read_srs(path);
        QCOMPARE(serialize_srs(back), serialize_srs(srs));
        QVERIFY(check(back).ok);
        // the seed fixes τ; another seed gives another SRS
        QCOMPARE(serialize_srs(seeded_srs(5, 11)), serialize_srs(srs));
        QVERIFY(serialize_srs(seeded_srs(5, 12)) != serialize_srs(srs));
    }

    void degenerate_srs_files_are_refused_by_the_checked_loader() {
        // read_srs parses structure only (srs-info then gives its verdict); the loader of
        // setup/prove/verify also runs the cheap checks and names the file.
        QTemporaryDir dir;
        const Srs good = seeded_srs(4, 31);
        QVERIFY(check_srs_cheap(good).ok);
        Srs tau_one = good;
        for (auto& p : tau_one.g) p = G1Affine::generator();
        tau_one.s_g2 = tau_one.g2;
        Srs zero = good;
        for (auto& p : zero.g) p = G1Affine::identity();
        for (auto& p : zero.g_lagrange) p = G1Affine::identity();
        zero.s_g2 = G2Affine{};
        zero.g2 = G2Affine{};
        Srs other_tau = good;  // g[1] and [τ]G2 disagree: the pairing check
        other_tau.s_g2 = seeded_srs(4, 32).s_g2;
        Srs lagrange = good;  // a Lagrange point replaced: they no longer sum to G1
        lagrange.g_lagrange[1] = lagrange.g_lagrange[2];
        for (const auto& [name, srs, reason] : {std::tuple{"tau_one", &tau_one, "τ would be 0 or 1"},
                                                std::tuple{"zero", &zero, "generator"},
                                                std::tuple{"other_tau", &other_tau, "e([τ]G1, G2)"},
                                                std::tuple{"lagrange", &lagrange, "sum"}}) {
            const std::filesystem::path path = dir.filePath(QString(name) + ".srs").toStdString();
            write_srs(*srs, path);
            QVERIFY(read_srs(path).k == 4);
            std::string error;
            try {
                load_srs_checked(path);
            } catch (const Error& e) {
                error = e.what();
            }
            QVERIFY2(error.find(reason) != std::string::npos && error.find(path.string()) != std::string::npos,
                     (std::string(name) + ": " + error).c_str());
        }
        const std::filesystem::path path = dir.filePath("good.srs").toStdString();
        write_srs(good, path);
        QCOMPARE(serialize_srs(load_srs_checked(path)), serialize_srs(good));
    }

    void the_srs_binding_digest_survives_downsizing() {
        NullProgress quiet;
        const Srs big = seeded_srs(6, 41);
        QVERIFY(srs_binding_digest(big.verifier_params()) ==
                srs_binding_digest(downsize_srs(big, 4, quiet).verifier_params()));
        QVERIFY(srs_binding_digest(big.verifier_params()) != srs_binding_digest(seeded_srs(6, 42).verifier_params()));
    }

    void downsize_equals_direct_generation_from_the_same_tau() {
        NullProgress quiet;
        const Srs big = seeded_srs(6, 21);
        const Srs down = downsize_srs(big, 4, quiet);
        QCOMPARE(serialize_srs(down), serialize_srs(seeded_srs(4, 21)));
        QCOMPARE(serialize_srs(downsize_srs(big, 6, quiet)), serialize_srs(big));
        QVERIFY_THROWS_EXCEPTION(Error, downsize_srs(down, 5, quiet));
        QVERIFY(check(downsize_srs(big, 0, quiet)).ok);
    }
};

QTEST_APPLESS_MAIN(TestSrs)
#include "tst_srs.moc"
