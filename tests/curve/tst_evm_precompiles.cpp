// ecAdd, ecMul and ecPairing (EIP-196/197) on the Ethereum clients' published vectors and
// on failure cases: every valid input gives the expected bytes, every invalid one fails.
#include "core/curve/evm_precompiles.hpp"
#include "core/curve/g2.hpp"
#include "evm_vectors.hpp"
#include "hex.hpp"

#include <QTest>

using namespace ps;

namespace {

template <class Fn>
void run_vectors(const std::vector<evm_vectors::Vector>& vectors, Fn&& precompile, int min_valid, int min_failing) {
    int valid = 0, failing = 0;
    for (const auto& v : vectors) {
        const auto input = test_hex::decode(v.input);
        const auto out = precompile(input);
        if (v.expected.empty()) {
            QVERIFY2(!out, (std::string(v.name) + ": must fail").c_str());
            ++failing;
        } else {
            QVERIFY2(out.has_value(), (std::string(v.name) + ": failed unexpectedly").c_str());
            const std::string got = test_hex::encode(*out);
            QVERIFY2(got == v.expected, (std::string(v.name) + ": got " + got + ", expected " + v.expected).c_str());
            ++valid;
        }
    }
    QVERIFY(valid >= min_valid && failing >= min_failing);
}

}  // namespace

class TestEvmPrecompiles : public QObject {
    Q_OBJECT
private slots:
    void ecAdd_matches_published_vectors();
    void ecMul_matches_published_vectors();
    void ecPairing_matches_published_vectors();
    void ecPairing_rejects_G2_points_outside_the_subgroup();
};

void TestEvmPrecompiles::ecAdd_matches_published_vectors() {
    run_vectors(evm_vectors::ec_add(), [](const auto& in) { return evm::ec_add(in); }, 10, 4);
}

void TestEvmPrecompiles::ecMul_matches_published_vectors() {
    run_vectors(evm_vectors::ec_mul(), [](const auto& in) { return evm::ec_mul(in); }, 10, 3);
}

void TestEvmPrecompiles::ecPairing_matches_published_vectors() {
    run_vectors(evm_vectors::ec_pairing(), [](const auto& in) { return evm::ec_pairing(in); }, 10, 4);
}

void TestEvmPrecompiles::ecPairing_rejects_G2_points_outside_the_subgroup() {
    // A point of the twist found from the curve equation is outside G2 (cofactor 2p − r).
    for (uint64_t i = 1;; ++i) {
        const Fq2 x{Fq::from_u64(i), Fq::one()};
        const auto y = (x.square() * x + g2::coeff_b()).sqrt();
        if (!y) continue;
        const G2Affine q{x, *y, false};
        QVERIFY(q.is_on_curve() && !q.is_in_subgroup());
        auto input = test_hex::decode(evm_vectors::G1_GEN);
        const auto qb = g2_to_evm(q);
        input.insert(input.end(), qb.begin(), qb.end());
        QVERIFY(!evm::ec_pairing(input));
        break;
    }
}

QTEST_APPLESS_MAIN(TestEvmPrecompiles)
#include "tst_evm_precompiles.moc"
