// Fr and Fq: the field laws, then every operation and conversion checked against GMP on
// edge values (0, 1, p−1, R, R², values at the 2^64/2^128/2^192 limb boundaries, raw
// Montgomery extremes) and seeded random values.
#include "core/field/fq.hpp"
#include "core/field/fr.hpp"
#include "core/field/wide.hpp"
#include "field_laws.hpp"
#include "gmp_oracle.hpp"

#include <algorithm>
#include <QTest>
#include <vector>

using namespace ps;
using gmp_oracle::pow2;
using gmp_oracle::to_mpz;
using gmp_oracle::to_u256;

namespace {

template <class F>
mpz_class modulus() {
    return to_mpz(F::MODULUS);
}

template <class F>
F from_mpz(const mpz_class& x) {
    mpz_class r = x % modulus<F>();
    if (r < 0) r += modulus<F>();
    return *F::from_canonical(to_u256(r));
}

template <class F>
mpz_class canon(const F& a) {
    return to_mpz(a.to_canonical());
}

template <class F>
std::vector<F> edge_values() {
    const mpz_class p = modulus<F>();
    const mpz_class r = pow2(256) % p;
    mpz_class r_inv;
    mpz_invert(r_inv.get_mpz_t(), r.get_mpz_t(), p.get_mpz_t());
    std::vector<mpz_class> ints = {0, 1, 2, 3, p - 1, p - 2, (p - 1) / 2, (p + 1) / 2,
                                   r, (r * r) % p, r_inv, p - pow2(64), pow2(253)};
    for (unsigned k : {64u, 128u, 192u})
        for (int d : {-1, 0, 1}) ints.push_back(pow2(k) + d);
    std::vector<F> out;
    for (const auto& x : ints) out.push_back(from_mpz<F>(x));
    // Extremes of the stored (Montgomery) representation itself.
    out.push_back(F::from_raw(U256{{~uint64_t(0), 0, 0, 0}}));
    U256 pm1;
    sub_to(pm1, F::MODULUS, U256::from_u64(1));
    out.push_back(F::from_raw(pm1));
    out.push_back(F::from_raw(U256{{0, 0, 0, uint64_t(1) << 61}}));
    return out;
}

U256 random_u256(RandomSource& rng) {
    std::array<uint8_t, 32> b{};
    rng.fill(b);
    U256 x;
    for (int i = 0; i < 32; ++i) x.limb[size_t(i / 8)] |= uint64_t(b[size_t(i)]) << (8 * (i % 8));
    return x;
}

std::string hex64(const mpz_class& x) {
    std::string s = x.get_str(16);
    return "0x" + std::string(64 - s.size(), '0') + s;
}

// Every arithmetic operation of `a` (and with `b`) against GMP; "" when all agree.
template <class F>
std::string check_against_gmp(const F& a, const F& b, const U256& e) {
    const mpz_class p = modulus<F>();
    const mpz_class A = canon(a), B = canon(b);
    auto mod = [&](mpz_class x) {
        x %= p;
        if (x < 0) x += p;
        return x;
    };
    if (canon(a + b) != mod(A + B)) return "a + b";
    if (canon(a - b) != mod(A - B)) return "a - b";
    if (canon(-a) != mod(-A)) return "-a";
    if (canon(a * b) != mod(A * B)) return "a · b";
    if (canon(a.square()) != mod(A * A)) return "a²";
    if (canon(a.dbl()) != mod(2 * A)) return "2a";
    mpz_class inv = 0;
    if (A != 0) mpz_invert(inv.get_mpz_t(), A.get_mpz_t(), p.get_mpz_t());
    if (canon(a.inverse()) != inv) return "a⁻¹";
    if (canon(a.inverse_vartime()) != inv) return "a⁻¹ (variable time)";
    mpz_class pw;
    const mpz_class E = to_mpz(e);
    mpz_powm(pw.get_mpz_t(), A.get_mpz_t(), E.get_mpz_t(), p.get_mpz_t());
    if (canon(a.pow(e)) != pw) return "a^e";
    const int leg = mpz_legendre(A.get_mpz_t(), p.get_mpz_t());
    if (a.legendre() != leg) return "Legendre symbol";
    const auto s = a.sqrt();
    if (leg == -1 && s) return "sqrt of a non-residue must be nullopt";
    if (leg != -1 && (!s || mod(canon(*s) * canon(*s)) != A)) return "sqrt(a)² = a";
    // Representation: raw() = A·R mod p, and from_raw(m) means m·R⁻¹.
    if (to_mpz(a.raw()) != mod(A * pow2(256))) return "Montgomery form raw() = a·2^256 mod p";
    // Conversions.
    if (a.to_dec() != A.get_str(10)) return "to_dec";
    if (a.to_hex() != hex64(A)) return "to_hex";
    if (!(F::from_string(A.get_str(10)) == a)) return "from_string(decimal)";
    if (!(F::from_string(hex64(A)) == a)) return "from_string(hex)";
    const auto le = a.to_bytes_le();
    const auto be = a.to_bytes_be();
    for (int i = 0; i < 32; ++i) {
        const mpz_class byte = (A >> (8 * i)) & 0xff;
        if (le[size_t(i)] != byte.get_ui() || be[size_t(31 - i)] != byte.get_ui()) return "byte encodings";
    }
    if (!(F::from_bytes_le(le) == a) || !(F::from_bytes_be(be) == a)) return "bytes round trip";
    return {};
}

}  // namespace

class TestPrimeFields : public QObject {
    Q_OBJECT

    template <class F>
    void run_laws() {
        SeededRandom rng(11);
        const std::string failure = field_laws::check_all(edge_values<F>(), rng, 200);
        QVERIFY2(failure.empty(), failure.c_str());
    }

    template <class F>
    void run_gmp() {
        SeededRandom rng(12);
        std::vector<F> values = edge_values<F>();
        const size_t edges = values.size();
        for (int i = 0; i < 300; ++i) values.push_back(F::random(rng));
        for (size_t i = 0; i < values.size(); ++i)
            for (size_t j = 0; j < (i < edges ? edges : 1); ++j) {
                const F& b = i < edges ? values[j] : values[(i * 7 + 3) % values.size()];
                const std::string failure = check_against_gmp(values[i], b, random_u256(rng));
                QVERIFY2(failure.empty(), (failure + " disagrees with GMP for a = " +
                                           values[i].to_hex() + ", b = " + b.to_hex()).c_str());
            }
    }

    template <class F>
    void run_parsing_rejects() {
        const mpz_class p = modulus<F>();
        QVERIFY(!F::from_string(p.get_str(10)));
        QVERIFY(!F::from_string(hex64(p)));
        QVERIFY(!F::from_string("12a"));
        QVERIFY(!F::from_string(""));
        QVERIFY(!F::from_canonical(F::MODULUS));
        std::array<uint8_t, 32> be{};
        for (int i = 0; i < 32; ++i) be[size_t(31 - i)] = uint8_t(mpz_class((p >> (8 * i)) & 0xff).get_ui());
        QVERIFY(!F::from_bytes_be(be));
        QVERIFY(F::from_string(mpz_class(p - 1).get_str(10)).has_value());
    }

    template <class F>
    void run_reductions() {
        SeededRandom rng(13);
        const mpz_class p = modulus<F>();
        for (int i = 0; i < 200; ++i) {
            const U256 lo = random_u256(rng), hi = random_u256(rng);
            const mpz_class wide = to_mpz(lo) + (to_mpz(hi) << 256);
            QCOMPARE(canon(F::from_u512_reduced(lo, hi)), mpz_class(wide % p));
            QCOMPARE(canon(F::from_u256_reduced(lo)), mpz_class(to_mpz(lo) % p));
        }
        // The branch-free reduction's edges: each conditional subtraction (4p, 2p, p)
        // taken or not, and the largest input.
        for (const mpz_class& x : {mpz_class(0), mpz_class(p - 1), mpz_class(p), mpz_class(2 * p - 1), mpz_class(2 * p),
                                   mpz_class(3 * p), mpz_class(4 * p - 1), mpz_class(4 * p), mpz_class(5 * p + 7),
                                   mpz_class(pow2(256) - 1)}) {
            U256 u;
            for (int l = 0; l < 4; ++l) u.limb[size_t(l)] = mpz_class((x >> (64 * l)) & mpz_class("0xffffffffffffffff")).get_ui();
            QCOMPARE(canon(F::from_u256_reduced(u)), mpz_class(x % p));
            QCOMPARE(canon(F::from_u512_reduced(u, u)), mpz_class((x + (x << 256)) % p));
        }
        QCOMPARE(canon(F::from_u64(~uint64_t(0))), mpz_class(pow2(64) - 1));
        QCOMPARE(canon(F::from_i64(-5)), mpz_class(p - 5));
    }

    // wide::mul for any 256-bit operands and wide::reduce for t < p·2^256 (what the
    // lazy-reduction formulas feed it: sums of products plus p²), edges and random.
    template <class F>
    void run_lazy_reduction() {
        SeededRandom rng(14);
        const mpz_class p = modulus<F>(), r_inv = [&] {
            mpz_class inv;
            const mpz_class r = pow2(256);
            mpz_invert(inv.get_mpz_t(), r.get_mpz_t(), p.get_mpz_t());
            return inv;
        }();
        std::vector<U256> operands;
        for (const F& e : edge_values<F>()) operands.push_back(e.raw());
        for (const mpz_class& x : {mpz_class(pow2(256) - 1), mpz_class(pow2(255)), mpz_class(2 * p - 1)}) operands.push_back(to_u256(x));
        for (int i = 0; i < 100; ++i) operands.push_back(random_u256(rng));
        auto to_mpz512 = [](const wide::U512& t) {
            mpz_class x = 0;
            for (int l = 7; l >= 0; --l) x = (x << 64) + mpz_class(std::to_string(t.limb[size_t(l)]));
            return x;
        };
        for (size_t i = 0; i < operands.size(); ++i)
            for (size_t j = 0; j < operands.size(); j += (i < 40 ? 1 : 17)) {
                const mpz_class a = to_mpz(operands[i]), b = to_mpz(operands[j]);
                const wide::U512 t = wide::mul(operands[i], operands[j]);
                QCOMPARE(to_mpz512(t), mpz_class(a * b));
                QVERIFY(t.limb == wide::mul_portable(operands[i], operands[j]).limb);
                if (a * b < p * pow2(256)) {
                    QCOMPARE(to_mpz(wide::reduce<F>(t).raw()), mpz_class((a * b * r_inv) % p));
                    QVERIFY(wide::reduce<F>(t) == wide::reduce_portable<F>(t));
                }
            }
        // The 512-bit square (cross products once, doubled) against GMP and the portable product.
        for (const U256& x : operands) {
            const wide::U512 sq = wide::square(x);
            QCOMPARE(to_mpz512(sq), mpz_class(to_mpz(x) * to_mpz(x)));
            QVERIFY(sq.limb == wide::mul_portable(x, x).limb);
        }
        // sub_wrapped: a − b, or a − b + p·2^256 when negative; below p·2^256 either way.
        for (size_t i = 0; i + 1 < operands.size(); ++i) {
            const mpz_class a = to_mpz(operands[i]) % p, b = to_mpz(operands[i + 1]) % p;
            const wide::U512 d = wide::sub_wrapped<F>(wide::mul(to_u256(a), to_u256(a)), wide::mul(to_u256(b), to_u256(b)));
            const mpz_class expect = a * a >= b * b ? mpz_class(a * a - b * b) : mpz_class(a * a - b * b + p * pow2(256));
            QCOMPARE(to_mpz512(d), expect);
            QCOMPARE(to_mpz(wide::reduce<F>(d).raw()), mpz_class(((a * a - b * b) * r_inv % p + p) % p));
        }
        // Fq2's Karatsuba combination (assembly) against its portable form and GMP, on
        // reduced operands including the edges: d0 ≡ a0b0 − a1b1 below p·2^256, d1 = a0b1 + a1b0.
        for (size_t i = 0; i + 3 < operands.size(); ++i) {
            const mpz_class a0 = to_mpz(operands[i]) % p, a1 = to_mpz(operands[i + 1]) % p,
                            b0 = to_mpz(operands[i + 2]) % p, b1 = to_mpz(operands[i + 3]) % p;
            const U256 sa = wide::add_unreduced(to_u256(a0), to_u256(a1)), sb = wide::add_unreduced(to_u256(b0), to_u256(b1));
            QCOMPARE(to_mpz(sa), mpz_class(a0 + a1));
            QCOMPARE(to_mpz(wide::sub_unreduced(to_u256(a0 + p), to_u256(a1))), mpz_class(a0 + p - a1));
            uint64_t v0[8], v1[8], mid[8], d0[8], d1[8], e0[8], e1[8];
            wide::mul_words(v0, to_u256(a0), to_u256(b0));
            wide::mul_words(v1, to_u256(a1), to_u256(b1));
            wide::mul_words(mid, sa, sb);
            wide::karatsuba_combine<F>(d0, d1, v0, v1, mid);
            wide::karatsuba_combine_portable<F>(e0, e1, v0, v1, mid);
            QVERIFY(std::equal(d0, d0 + 8, e0) && std::equal(d1, d1 + 8, e1));
            wide::U512 w0, w1;
            std::copy(d0, d0 + 8, w0.limb.begin());
            std::copy(d1, d1 + 8, w1.limb.begin());
            const mpz_class diff = a0 * b0 - a1 * b1;
            QCOMPARE(to_mpz512(w0), diff >= 0 ? diff : mpz_class(diff + p * pow2(256)));
            QCOMPARE(to_mpz512(w1), mpz_class(a0 * b1 + a1 * b0));
        }
        // The largest input reduce accepts, and products plus p² as Fq2's formulas make.
        const wide::U512 most = wide::sub(wide::mul(F::MODULUS, to_u256(pow2(256) - 1)), wide::mul(to_u256(1), to_u256(1)));
        QCOMPARE(to_mpz(wide::reduce<F>(most).raw()), mpz_class(((p * (pow2(256) - 1) - 1) * r_inv) % p));
        const U256 big = to_u256(p - 1);
        const wide::U512 sum = wide::add(wide::mul(big, big), wide::modulus_squared<F>());
        QCOMPARE(to_mpz(wide::reduce<F>(sum).raw()), mpz_class(((p - 1) * (p - 1) + p * p) * r_inv % p));
        // mul_sub: a·b − c·d with one reduction, against GMP, both signs and the edges.
        std::vector<F> values = edge_values<F>();
        for (int i = 0; i < 200; ++i) values.push_back(F::random(rng));
        for (size_t i = 0; i + 3 < values.size(); ++i) {
            const F &a = values[i], &b = values[i + 1], &c = values[i + 2], &d = values[i + 3];
            const mpz_class want = ((canon(a) * canon(b) - canon(c) * canon(d)) % p + p) % p;
            QCOMPARE(canon(mul_sub(a, b, c, d)), want);
            QCOMPARE(canon(mul_sub(c, d, a, b)), mpz_class((p - want) % p));
        }
    }

    // The assembly product (where the target has it) against the portable C++ one.
    template <class F>
    void run_portable_agreement() {
        SeededRandom rng(15);
        std::vector<F> values = edge_values<F>();
        for (int i = 0; i < 200; ++i) values.push_back(F::random(rng));
        for (const F& a : values)
            for (const F& b : values) QVERIFY2(a * b == F::mul_portable(a, b), (a.to_hex() + " · " + b.to_hex()).c_str());
    }

    // The dedicated squaring (assembly where the target has it) bit for bit against the
    // portable square and the product a·a, on the stored forms too (raw extremes included);
    // the assembly sum and difference against the portable ones on the same values.
    template <class F>
    void run_square_agreement() {
        SeededRandom rng(16);
        std::vector<F> values = edge_values<F>();
        for (int i = 0; i < 5000; ++i) values.push_back(F::random(rng));
        for (size_t i = 0; i < values.size(); ++i) {
            const F& a = values[i];
            // Sum and difference (cmov assembly on x86-64) against the portable C++ ones.
            for (const F& b : {values[(i * 7 + 3) % values.size()], values[i % edge_values<F>().size()], a}) {
                QVERIFY2(a + b == F::add_portable(a, b), (a.to_hex() + " + " + b.to_hex()).c_str());
                QVERIFY2(a - b == F::sub_portable(a, b), (a.to_hex() + " - " + b.to_hex()).c_str());
                QVERIFY2(b - a == F::sub_portable(b, a), (b.to_hex() + " - " + a.to_hex()).c_str());
            }
            QVERIFY2(a.square() == F::square_portable(a), a.to_hex().c_str());
            QVERIFY2(a.square().raw() == (a * a).raw(), a.to_hex().c_str());
            QCOMPARE(canon(a.square()), mpz_class(canon(a) * canon(a) % modulus<F>()));
        }
    }

private slots:
    void Fr_product_equals_the_portable_product() { run_portable_agreement<Fr>(); }
    void Fq_product_equals_the_portable_product() { run_portable_agreement<Fq>(); }
    void Fr_square_sum_difference_equal_the_portable_ones() { run_square_agreement<Fr>(); }
    void Fq_square_sum_difference_equal_the_portable_ones() { run_square_agreement<Fq>(); }
    void Fr_lazy_reduction_agrees_with_gmp() { run_lazy_reduction<Fr>(); }
    void Fq_lazy_reduction_agrees_with_gmp() { run_lazy_reduction<Fq>(); }
    void field_laws_hold_for_Fr();
    void field_laws_hold_for_Fq();
    void Fr_agrees_with_gmp_on_edge_and_random_values();
    void Fq_agrees_with_gmp_on_edge_and_random_values();
    void Fr_parsers_reject_values_at_or_above_r();
    void Fq_parsers_reject_values_at_or_above_p();
    void Fr_wide_reductions_agree_with_gmp();
    void Fq_wide_reductions_agree_with_gmp();
    void Fr_root_of_unity_is_7_to_the_odd_part_and_has_order_2_to_the_28();
};

void TestPrimeFields::field_laws_hold_for_Fr() { run_laws<Fr>(); }

void TestPrimeFields::field_laws_hold_for_Fq() { run_laws<Fq>(); }

void TestPrimeFields::Fr_agrees_with_gmp_on_edge_and_random_values() { run_gmp<Fr>(); }

void TestPrimeFields::Fq_agrees_with_gmp_on_edge_and_random_values() { run_gmp<Fq>(); }

void TestPrimeFields::Fr_parsers_reject_values_at_or_above_r() { run_parsing_rejects<Fr>(); }

void TestPrimeFields::Fq_parsers_reject_values_at_or_above_p() { run_parsing_rejects<Fq>(); }

void TestPrimeFields::Fr_wide_reductions_agree_with_gmp() { run_reductions<Fr>(); }

void TestPrimeFields::Fq_wide_reductions_agree_with_gmp() { run_reductions<Fq>(); }

void TestPrimeFields::Fr_root_of_unity_is_7_to_the_odd_part_and_has_order_2_to_the_28() {
    const mpz_class r = modulus<Fr>();
    const mpz_class t = (r - 1) >> 28;
    QCOMPARE(mpz_class((r - 1) % pow2(28)), mpz_class(0));
    QVERIFY(mpz_odd_p(t.get_mpz_t()));
    mpz_class expected;
    const mpz_class seven = 7;
    mpz_powm(expected.get_mpz_t(), seven.get_mpz_t(), t.get_mpz_t(), r.get_mpz_t());
    QCOMPARE(canon(fr::two_adic_root_of_unity()), expected);
    QCOMPARE(Fr::from_u64(fr::GENERATOR).legendre(), -1);  // 7 generates Fr*
    for (unsigned k : {0u, 1u, 5u, 16u, 28u}) {
        Fr w = fr::root_of_unity(k);
        for (unsigned i = 0; i + 1 < k; ++i) w = w.square();
        if (k > 0) QVERIFY(w == -Fr::one());  // w^(2^(k-1)) = -1: order exactly 2^k
        else QVERIFY(w == Fr::one());
    }
}

QTEST_APPLESS_MAIN(TestPrimeFields)
#include "tst_prime_fields.moc"
