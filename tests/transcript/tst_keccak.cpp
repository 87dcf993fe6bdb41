// Keccak-256 (EVM keccak256): published vectors, then the same permutation with the
// FIPS 202 padding checked against OpenSSL's SHA3-256 on every length across the
// 136-byte rate boundaries (the sponge code is shared, only the padding byte differs).
#include "core/transcript/keccak.hpp"
#include "core/util/sha256.hpp"

#include <QTest>
#include <openssl/evp.h>
#include <vector>

using namespace ps;

namespace {

std::string hex(const KeccakDigest& d) { return to_hex(d); }

std::vector<uint8_t> pattern(size_t n) {
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = uint8_t(i * 131 + 7);
    return v;
}

KeccakDigest openssl_sha3_256(std::span<const uint8_t> in) {
    KeccakDigest out{};
    unsigned len = 0;
    EVP_Digest(in.data(), in.size(), out.data(), &len, EVP_sha3_256(), nullptr);
    return out;
}

}  // namespace

class TestKeccak : public QObject {
    Q_OBJECT
private slots:
    void published_keccak256_vectors() {
        // keccak256("") as every Ethereum client has it (the empty code hash).
        QCOMPARE(hex(keccak256("")),
                 std::string("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
        QCOMPARE(hex(keccak256("abc")),
                 std::string("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"));
        // The ERC-20 Transfer event topic: keccak256("Transfer(address,address,uint256)").
        QCOMPARE(hex(keccak256("Transfer(address,address,uint256)")),
                 std::string("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
    }

    void keccak_padding_differs_from_sha3() {
        // SHA3-256("") from FIPS 202's examples; the same sponge with 0x06 padding.
        Keccak256 sha3(Keccak256::SHA3_PADDING);
        QCOMPARE(hex(sha3.finish()),
                 std::string("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"));
        QVERIFY(keccak256("") != openssl_sha3_256({}));
    }

    void sponge_matches_openssl_sha3_across_rate_boundaries() {
        // Lengths 0..3·136+2 cover an empty final block, a full final block (padding
        // spills into a new block) and the single-byte case where 0x06|0x80 share a byte.
        for (size_t n = 0; n <= 3 * Keccak256::RATE + 2; ++n) {
            const auto msg = pattern(n);
            Keccak256 h(Keccak256::SHA3_PADDING);
            h.update(msg);
            QVERIFY2(h.finish() == openssl_sha3_256(msg), qPrintable(QString("length %1").arg(n)));
        }
    }

    void incremental_updates_equal_one_shot() {
        const auto msg = pattern(1000);
        const auto whole = keccak256(msg);
        for (size_t split : {size_t(1), size_t(135), size_t(136), size_t(137), size_t(500)}) {
            Keccak256 h;
            h.update(std::span(msg).first(split));
            h.update(std::span(msg).subspan(split));
            QVERIFY(h.finish() == whole);
        }
    }

    void reset_allows_reuse() {
        Keccak256 h;
        h.update("garbage");
        (void)h.finish();
        h.reset();
        h.update("abc");
        QCOMPARE(hex(h.finish()), hex(keccak256("abc")));
    }
};

QTEST_GUILESS_MAIN(TestKeccak)
#include "tst_keccak.moc"
