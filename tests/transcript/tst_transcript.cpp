// The Fiat–Shamir transcript: challenges follow the documented formula (checked with the
// one-shot keccak256), depend on everything absorbed and on order, and the proof
// streams round-trip points and scalars while rejecting malformed bytes.
#include "core/transcript/proof_stream.hpp"

#include <QTest>

using namespace ps;

namespace {

std::vector<uint8_t> bytes_of(std::string_view s) { return {s.begin(), s.end()}; }

Fr reduce_be(const KeccakDigest& hi, const KeccakDigest& lo) {
    U256 h, l;
    for (int i = 0; i < 32; ++i) {
        h.limb[(31 - i) / 8] |= uint64_t(hi[size_t(i)]) << (8 * ((31 - i) % 8));
        l.limb[(31 - i) / 8] |= uint64_t(lo[size_t(i)]) << (8 * ((31 - i) % 8));
    }
    return Fr::from_u512_reduced(l, h);
}

}  // namespace

class TestTranscript : public QObject {
    Q_OBJECT
private slots:
    void challenge_is_the_documented_wide_reduction() {
        Transcript t("label");
        const auto data = bytes_of("data");
        t.absorb_bytes("[T-1] data", data);
        const Fr c = t.squeeze_challenge("[T-2] c");
        auto msg = bytes_of("labeldata");
        msg.push_back(0);
        const auto hi = keccak256(msg);
        msg.back() = 1;
        const auto lo = keccak256(msg);
        QVERIFY(c == reduce_be(hi, lo));
        // The next challenge continues from keccak(state‖0x00).
        const Fr c2 = t.squeeze_challenge("[T-3] c2");
        std::vector<uint8_t> next(hi.begin(), hi.end());
        next.push_back(0);
        const auto hi2 = keccak256(next);
        next.back() = 1;
        QVERIFY(c2 == reduce_be(hi2, keccak256(next)));
    }

    void challenges_depend_on_input_order_and_label() {
        auto challenge = [](std::string_view label, std::string_view a, std::string_view b) {
            Transcript t(label);
            t.absorb_bytes("a", bytes_of(a));
            t.absorb_bytes("b", bytes_of(b));
            return t.squeeze_challenge("c");
        };
        const Fr base = challenge("L", "x", "y");
        QVERIFY(base == challenge("L", "x", "y"));
        QVERIFY(!(base == challenge("L", "y", "x")));
        QVERIFY(!(base == challenge("M", "x", "y")));
        QVERIFY(!(base == challenge("L", "x", "z")));
        Transcript t("L");
        QVERIFY(!(t.squeeze_challenge("1") == t.squeeze_challenge("2")));
    }

    void operations_are_recorded_with_tags() {
        Transcript t("L");
        t.absorb_scalar("[TRANSCRIPT-1] s", Fr::from_u64(5));
        (void)t.squeeze_challenge("[TRANSCRIPT-2] c");
        QCOMPARE(t.operations().size(), size_t(2));
        QCOMPARE(t.operations()[0], std::string("absorb [TRANSCRIPT-1] s"));
        QCOMPARE(t.operations()[1], std::string("squeeze [TRANSCRIPT-2] c"));
    }

    void proof_stream_round_trip() {
        const G1Affine p = (G1::generator() * Fr::from_u64(12345)).to_affine();
        const Fr s = Fr::from_u64(987654321);
        ProofWriter w;
        w.write_point("p", p);
        w.write_scalar("s", s);
        const Fr cw = w.squeeze("c");
        w.append_point(G1Affine::generator());
        const auto bytes = w.finish();
        QCOMPARE(bytes.size(), size_t(64 + 32 + 64));

        ProofReader r(bytes);
        QVERIFY(r.read_point("p") == p);
        QVERIFY(r.read_scalar("s") == s);
        QVERIFY(r.squeeze("c") == cw);  // same absorbs, same challenge
        QVERIFY(r.take_point("w") == G1Affine::generator());
        r.expect_end();
    }

    void reader_rejects_malformed_proofs() {
        ProofWriter w;
        w.write_point("p", G1Affine::generator());
        w.write_scalar("s", Fr::from_u64(1));
        const auto good = w.finish();

        auto off_curve = good;
        off_curve[63] ^= 1;  // y of (1, 2) becomes 3
        ProofReader r1(off_curve);
        QVERIFY_THROWS_EXCEPTION(ProofFormatError, r1.read_point("p"));

        auto big_scalar = good;
        std::fill(big_scalar.begin() + 64, big_scalar.end(), uint8_t(0xff));  // ≥ r
        ProofReader r2(big_scalar);
        (void)r2.read_point("p");
        QVERIFY_THROWS_EXCEPTION(ProofFormatError, r2.read_scalar("s"));

        ProofReader r3(std::span<const uint8_t>(good).first(80));
        (void)r3.read_point("p");
        QVERIFY_THROWS_EXCEPTION(ProofFormatError, r3.read_scalar("s"));

        ProofReader r4(good);
        (void)r4.read_point("p");
        QVERIFY_THROWS_EXCEPTION(ProofFormatError, r4.expect_end());
    }
};

QTEST_GUILESS_MAIN(TestTranscript)
#include "tst_transcript.moc"
