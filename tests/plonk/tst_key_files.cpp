// pk.key / vk.key: keygen → files → prove → verify round trip; readers reject a wrong
// magic, version, settings digest, truncation and corruption with a clear message; and a
// snapshot of the vk digest of one fixed circuit (a change to the constraint system, the
// keygen or the encoding shows up here and is reviewed on purpose).
#include "proof_fixture.hpp"

#include "core/plonk/key_files.hpp"
#include "core/transcript/keccak.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/sha256.hpp"

#include <QTemporaryDir>
#include <QTest>

using namespace ps;
using namespace ps::plonk;

namespace {

const Digest32 SETTINGS = sha256(std::string_view("settings.json of the test"));

template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

class TestKeyFiles : public QObject {
    Q_OBJECT
private slots:
    void keygen_prove_verify_through_files() {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto c = test::range_check(false, 6);
        NullProgress quiet;
        const Srs& srs = test::test_srs(6);
        {
            const ProvingKey pk = keygen(srs, *c.assignment, quiet);
            write_proving_key(root / "pk.key", pk, SETTINGS);
            write_verifying_key(root / "vk.key", pk.vk, SETTINGS);
        }
        const ProvingKey pk = read_proving_key(root / "pk.key", SETTINGS);
        SeededRandom rng(9);
        const Proof proof = create_proof(pk, srs, *c.assignment, rng, quiet);
        write_file_atomically(root / "proof.bin", proof.bytes);

        const VerifyingKey vk = read_verifying_key(root / "vk.key", SETTINGS);
        QVERIFY(vk.digest == pk.vk.digest);
        const auto bytes = read_file_bytes(root / "proof.bin");
        const auto verdict = verify_proof(vk, srs.verifier_params(), proof.instances, bytes);
        QVERIFY2(verdict.ok, verdict.reason.c_str());

        // The loaded pk proves exactly as the fresh one (same seeded blinding).
        const ProvingKey fresh = keygen(srs, *c.assignment, quiet);
        SeededRandom rng2(9);
        QVERIFY(create_proof(fresh, srs, *c.assignment, rng2, quiet).bytes == proof.bytes);
    }

    void readers_reject_bad_files_with_a_reason() {
        const auto c = test::multiplication(false, 6);
        NullProgress quiet;
        const ProvingKey pk = keygen(test::test_srs(6), *c.assignment, quiet);
        const auto vk_bytes = encode_verifying_key_file(pk.vk, SETTINGS);
        const auto pk_bytes = encode_proving_key_file(pk, SETTINGS);
        QVERIFY(decode_verifying_key_file(vk_bytes, "vk.key", SETTINGS).digest == pk.vk.digest);
        QVERIFY(decode_proving_key_file(pk_bytes, "pk.key").vk.digest == pk.vk.digest);

        QVERIFY(error_of([&] { decode_verifying_key_file(pk_bytes, "vk.key"); }).find("not a vk.key") !=
                std::string::npos);
        auto version = vk_bytes;
        version[4] = 99;
        QVERIFY(error_of([&] { decode_verifying_key_file(version, "vk.key"); }).find("version 99") !=
                std::string::npos);
        const Digest32 other = sha256(std::string_view("other settings"));
        QVERIFY(error_of([&] { decode_verifying_key_file(vk_bytes, "vk.key", other); })
                    .find("different settings") != std::string::npos);
        auto truncated = pk_bytes;
        truncated.resize(truncated.size() - 10);
        QVERIFY(error_of([&] { decode_proving_key_file(truncated, "pk.key"); }).find("pk.key") !=
                std::string::npos);
        // A flipped byte inside a commitment: off the curve, or caught by the vk digest.
        auto corrupt = vk_bytes;
        corrupt[vk_bytes.size() - 40] ^= 0x01;
        QVERIFY(error_of([&] { decode_verifying_key_file(corrupt, "vk.key"); }) != "no error");
    }

    void keys_whose_k_leaves_no_blinding_rows_are_rejected_at_decode() {
        // The multiplication circuit needs 5 blinding rows + the "last" row: 2^k must be
        // larger than 6. A key claiming k = 1 or 2 (with a matching digest) once made
        // usable_rows() wrap to ~2^64 and from_values write outside its buffers.
        const auto c = test::multiplication(false, 6);
        NullProgress quiet;
        const ProvingKey real = keygen(test::test_srs(6), *c.assignment, quiet);
        for (unsigned k : {1u, 2u}) {
            ProvingKey crafted;
            crafted.vk = real.vk;
            crafted.vk.k = k;
            crafted.vk.digest = crafted.vk.compute_digest();
            const size_t n = size_t(1) << k;
            for (size_t i = 0; i < real.fixed.size(); ++i)
                crafted.fixed.push_back({std::vector<Fr>(n), {}, {}});
            for (size_t i = 0; i < real.permutation.size(); ++i)
                crafted.permutation.push_back({std::vector<Fr>(n), {}, {}});
            const auto vk_error = error_of([&] {
                decode_verifying_key_file(encode_verifying_key_file(crafted.vk, SETTINGS), "vk.key");
            });
            QVERIFY2(vk_error.find("blinding") != std::string::npos, vk_error.c_str());
            QVERIFY2(vk_error.find("vk.key") != std::string::npos, vk_error.c_str());
            const auto pk_error = error_of([&] {
                decode_proving_key_file(encode_proving_key_file(crafted, SETTINGS), "pk.key");
            });
            QVERIFY2(pk_error.find("blinding") != std::string::npos, pk_error.c_str());
        }
    }

    void usable_rows_is_checked() {
        const auto c = test::multiplication(false, 6);
        QCOMPARE(c.cs->usable_rows(3), size_t(8 - 6));
        QVERIFY_THROWS_EXCEPTION(Error, c.cs->usable_rows(2));
        QVERIFY_THROWS_EXCEPTION(Error, c.cs->usable_rows(0));
        QVERIFY_THROWS_EXCEPTION(Error, c.cs->usable_rows(29));
    }

    void keys_whose_extended_domain_exceeds_2_to_28_are_rejected_at_decode() {
        // Degree 9 needs an extended domain of 2^(k+3) points: at k = 26 that is 2^29,
        // beyond Fr's two-adicity, so neither keygen nor the verifier could work with it.
        ConstraintSystem cs;
        const Column a = cs.add_advice_column();
        Expression high = test::q(a);
        for (int i = 0; i < 8; ++i) high = high * test::q(a);
        cs.create_gate("degree 9", {high});
        QCOMPARE(cs.degree(), 9u);
        VerifyingKey vk;
        vk.k = 26;
        vk.cs = cs;
        vk.digest = vk.compute_digest();
        const auto error = error_of([&] {
            decode_verifying_key_file(encode_verifying_key_file(vk, SETTINGS), "vk.key");
        });
        QVERIFY2(error.find("2^29") != std::string::npos, error.c_str());
        vk.k = 25;  // 2^28: still fine
        vk.digest = vk.compute_digest();
        QCOMPARE(decode_verifying_key_file(encode_verifying_key_file(vk, SETTINGS), "vk.key").k, 25u);
    }

    void atomic_write_leaves_no_partial_file() {
        QTemporaryDir dir;
        const std::filesystem::path path = std::filesystem::path(dir.path().toStdString()) / "vk.key";
        const auto c = test::multiplication(false, 6);
        NullProgress quiet;
        const ProvingKey pk = keygen(test::test_srs(6), *c.assignment, quiet);
        write_verifying_key(path, pk.vk, SETTINGS);
        size_t files = 0;
        for (const auto& e : std::filesystem::directory_iterator(path.parent_path())) {
            (void)e;
            ++files;
        }
        QCOMPARE(files, size_t(1));
    }

    void vk_digest_snapshot() {
        // Fibonacci at k = 6 over the seeded test SRS. Update only when the constraint
        // system, keygen, the vk encoding (or the dev-SRS generation) changes on purpose.
        const auto c = test::fibonacci(false, 6);
        NullProgress quiet;
        const ProvingKey pk = keygen(test::test_srs(6), *c.assignment, quiet);
        const QString cs_digest = QString::fromStdString(to_hex(keccak256(c.cs->encode())));
        const QString vk_digest = QString::fromStdString(to_hex(pk.vk.digest));
        QCOMPARE(cs_digest, QString("b915e7ef6ace380aec12d1f6f3a36d468793cb70eedec15926886569c8a5c812"));
        QCOMPARE(vk_digest, QString("092291f7c9ec8c264afa2b55c92ccac195ddc6b26bdbb7bfc85e97fee09558e2"));
    }
};

QTEST_GUILESS_MAIN(TestKeyFiles)
#include "tst_key_files.moc"
