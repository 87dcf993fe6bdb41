// Fq2, Fq6, Fq12: the same field laws as Fr/Fq, plus the Frobenius map equals x^p, the
// tower's defining relations (u² = −1, v³ = ξ, w² = v), Fq2 square roots, and the
// pairing's shortcuts (sparse line products, cyclotomic squaring) against generic code.
#include "core/field/fq12.hpp"
#include "core/field/tower_constants.hpp"
#include "field_laws.hpp"

#include <QTest>

using namespace ps;

namespace {

std::vector<Fq> fq_edges() {
    U256 pm1;
    sub_to(pm1, Fq::MODULUS, U256::from_u64(1));
    return {Fq::zero(), Fq::one(), -Fq::one(), Fq::from_u64(9), *Fq::from_canonical(U256{{0, 1, 0, 0}}),
            *Fq::from_canonical(U256{{~uint64_t(0), ~uint64_t(0), 0, 0}}), Fq::from_raw(pm1)};
}

std::vector<Fq2> fq2_edges() {
    std::vector<Fq2> out;
    const auto e = fq_edges();
    for (size_t i = 0; i < e.size(); ++i)
        for (size_t j = 0; j < e.size(); j += 2) out.push_back(Fq2{e[i], e[j]});
    return out;
}

std::vector<Fq6> fq6_edges() {
    const auto e = fq2_edges();
    std::vector<Fq6> out = {Fq6::zero(), Fq6::one(), -Fq6::one()};
    for (size_t i = 0; i + 2 < e.size(); i += 3) out.push_back(Fq6{e[i], e[i + 1], e[i + 2]});
    out.push_back(Fq6{Fq2{}, Fq2::one(), Fq2{}});  // v
    return out;
}

std::vector<Fq12> fq12_edges() {
    const auto e = fq6_edges();
    std::vector<Fq12> out = {Fq12::zero(), Fq12::one(), -Fq12::one(), Fq12{Fq6{}, Fq6::one()}};
    for (size_t i = 0; i + 1 < e.size(); i += 2) out.push_back(Fq12{e[i], e[i + 1]});
    return out;
}

// Into the cyclotomic subgroup: f^((p^6 - 1)(p^2 + 1)).
Fq12 cyclotomic(const Fq12& f) {
    const Fq12 g = f.conjugate() * f.inverse();
    return g.frobenius_map(2) * g;
}

// The straightforward formulas the fast ones replaced, kept as references.
// Complex squaring: (a + b w)² = (a + b)(a + v b) − ab − v ab + 2ab w (two Fq6 products).
Fq12 square_reference(const Fq12& f) {
    const Fq6 ab = f.c0 * f.c1;
    return Fq12{(f.c0 + f.c1) * (f.c0 + f.c1.mul_by_v()) - ab - ab.mul_by_v(), ab.dbl()};
}
// x^p one step at a time through Fq6: (a + b w)^p = a^p + b^p w^p, w^p = w·ξ^((p−1)/6).
Fq12 frobenius_reference(const Fq12& f, unsigned power) {
    Fq12 r = f;
    for (unsigned i = 0; i < power; ++i) r = Fq12{r.c0.frobenius_map(1), r.c1.frobenius_map(1) * tower::frob_w()};
    return r;
}

}  // namespace

class TestExtensionFields : public QObject {
    Q_OBJECT

    template <class F>
    void run_laws(const std::vector<F>& edges, int rounds) {
        SeededRandom rng(21);
        const std::string failure = field_laws::check_all(edges, rng, rounds);
        QVERIFY2(failure.empty(), failure.c_str());
    }

    // frobenius_map(1) is x^p, frobenius_map(k) is its k-fold composition, and the map has
    // order `degree` over Fq.
    template <class F>
    void run_frobenius(unsigned degree) {
        SeededRandom rng(22);
        for (int i = 0; i < 4; ++i) {
            const F x = F::random(rng);
            QVERIFY2(x.frobenius_map(1) == x.pow(Fq::MODULUS), "Frobenius: φ(x) = x^p");
            F y = x;
            for (unsigned k = 1; k <= degree; ++k) {
                y = y.frobenius_map(1);
                QVERIFY2(x.frobenius_map(k) == y, "φ^k = φ ∘ … ∘ φ");
            }
            QVERIFY2(y == x, "φ^degree is the identity");
            QVERIFY2(x.frobenius_map(1) != x || degree == 1, "φ moves a random element");
        }
    }

private slots:
    void field_laws_hold_for_Fq2();
    void field_laws_hold_for_Fq6();
    void field_laws_hold_for_Fq12();
    void frobenius_is_x_to_the_p_in_Fq2();
    void frobenius_is_x_to_the_p_in_Fq6();
    void frobenius_is_x_to_the_p_in_Fq12();
    void tower_relations_hold();
    void Fq2_product_matches_the_schoolbook_formula();
    void Fq2_square_roots_exist_exactly_for_squares();
    void sparse_products_match_generic_products();
    void cyclotomic_squaring_matches_squaring_in_the_cyclotomic_subgroup();
    void inverses_of_zero_are_zero();
    void fast_squaring_and_frobenius_match_the_reference_formulas();
};

void TestExtensionFields::field_laws_hold_for_Fq2() { run_laws(fq2_edges(), 100); }

void TestExtensionFields::field_laws_hold_for_Fq6() { run_laws(fq6_edges(), 30); }

void TestExtensionFields::field_laws_hold_for_Fq12() { run_laws(fq12_edges(), 15); }

void TestExtensionFields::frobenius_is_x_to_the_p_in_Fq2() { run_frobenius<Fq2>(2); }

void TestExtensionFields::frobenius_is_x_to_the_p_in_Fq6() { run_frobenius<Fq6>(6); }

void TestExtensionFields::frobenius_is_x_to_the_p_in_Fq12() { run_frobenius<Fq12>(12); }

void TestExtensionFields::tower_relations_hold() {
    const Fq2 u{Fq::zero(), Fq::one()};
    QVERIFY2(u.square() == -Fq2::one(), "u² = −1");
    const Fq6 v{Fq2{}, Fq2::one(), Fq2{}};
    const Fq6 xi6{Fq2{Fq::from_u64(9), Fq::one()}, Fq2{}, Fq2{}};
    QVERIFY2(v.square() * v == xi6, "v³ = ξ = 9 + u");
    const Fq12 w{Fq6{}, Fq6::one()};
    const Fq12 v12{v, Fq6{}};
    QVERIFY2(w.square() == v12, "w² = v");
    SeededRandom rng(23);
    const Fq2 a = Fq2::random(rng);
    const Fq2 xi{Fq::from_u64(9), Fq::one()};
    QVERIFY2(a.mul_by_nonresidue() == a * xi, "mul_by_nonresidue = ·ξ");
    const Fq6 b = Fq6::random(rng);
    QVERIFY2(b.mul_by_v() == b * v, "mul_by_v = ·v");
}

// The lazily reduced Karatsuba product against (a0 + a1 u)(b0 + b1 u) = a0b0 − a1b1 +
// (a0b1 + a1b0) u in Fq, on edge coefficients (p − 1, raw extremes) and random ones.
void TestExtensionFields::Fq2_product_matches_the_schoolbook_formula() {
    SeededRandom rng(27);
    std::vector<Fq2> values = fq2_edges();
    for (int i = 0; i < 200; ++i) values.push_back(Fq2::random(rng));
    for (size_t i = 0; i < values.size(); ++i)
        for (size_t j = 0; j < values.size(); j += (i < 28 ? 1 : 37)) {
            const Fq2& a = values[i];
            const Fq2& b = values[j];
            const Fq2 schoolbook{a.c0 * b.c0 - a.c1 * b.c1, a.c0 * b.c1 + a.c1 * b.c0};
            QVERIFY2(a * b == schoolbook, "Karatsuba with lazy reduction = schoolbook product");
        }
    // The lazily reduced square against the schoolbook square (and so against the product).
    for (const Fq2& a : values) {
        const Fq2 schoolbook{a.c0 * a.c0 - a.c1 * a.c1, (a.c0 * a.c1).dbl()};
        QVERIFY2(a.square() == schoolbook, "lazy square = schoolbook square");
    }
    // a·b − c·d with one set of reductions (the Jacobian additions' last line) against the
    // two products subtracted, edges included: both signs of the difference occur.
    for (size_t i = 0; i + 3 < values.size(); ++i) {
        const Fq2 &a = values[i], &b = values[i + 1], &c = values[i + 2], &d = values[i + 3];
        QVERIFY2(mul_sub(a, b, c, d) == a * b - c * d, "mul_sub = a·b − c·d");
        QVERIFY2(mul_sub(c, d, a, b) == c * d - a * b, "mul_sub = c·d − a·b");
        QVERIFY2(mul_sub(a, b, a, b).is_zero(), "mul_sub(a, b, a, b) = 0");
    }
}

void TestExtensionFields::Fq2_square_roots_exist_exactly_for_squares() {
    SeededRandom rng(24);
    int non_squares = 0;
    for (int i = 0; i < 40; ++i) {
        const Fq2 a = Fq2::random(rng);
        const auto root = a.square().sqrt();
        QVERIFY2(root && root->square() == a.square(), "sqrt(a²)² = a²");
        const auto r2 = a.sqrt();
        if (a.legendre() == 1) QVERIFY2(r2 && r2->square() == a, "squares have roots");
        else {
            QVERIFY2(!r2, "non-squares have no root");
            ++non_squares;
        }
    }
    QVERIFY(non_squares > 0);  // about half of random elements
    QVERIFY(Fq2::zero().sqrt() == Fq2::zero());
    const Fq2 minus_one = -Fq2::one();  // a square in Fq2: u² = −1
    QVERIFY(minus_one.sqrt() && minus_one.sqrt()->square() == minus_one);
}

void TestExtensionFields::sparse_products_match_generic_products() {
    SeededRandom rng(25);
    for (int i = 0; i < 10; ++i) {
        const Fq6 x = Fq6::random(rng);
        const Fq2 b0 = Fq2::random(rng), b1 = Fq2::random(rng);
        const Fq6 sparse{b0, b1, Fq2{}};
        QVERIFY(x.mul_by_01(b0, b1) == x * sparse);
        const Fq12 f = Fq12::random(rng);
        const Fq2 a = Fq2::random(rng), b = Fq2::random(rng), c = Fq2::random(rng);
        const Fq12 line{Fq6{a, Fq2{}, Fq2{}}, Fq6{b, c, Fq2{}}};
        QVERIFY2(f.mul_by_line(a, b, c) == f * line, "line product = full product with a + b w + c v w");
        const Fq2 a2 = Fq2::random(rng), b2 = Fq2::random(rng), c2 = Fq2::random(rng);
        const Fq12 line2{Fq6{a2, Fq2{}, Fq2{}}, Fq6{b2, c2, Fq2{}}};
        const Fq12 both = Fq12::line_product(a, b, c, a2, b2, c2);
        QVERIFY2(both == line * line2, "product of two lines = generic product");
        QVERIFY(both.c1.c2.is_zero());
        QVERIFY2(f.mul_by_line_product(both) == f * both, "f · (line product) = generic product");
        QVERIFY2(f.mul_by_line_product(both) == f.mul_by_line(a, b, c).mul_by_line(a2, b2, c2),
                 "f · (line product) = two sparse line products");
    }
}

void TestExtensionFields::cyclotomic_squaring_matches_squaring_in_the_cyclotomic_subgroup() {
    SeededRandom rng(26);
    for (int i = 0; i < 10; ++i) {
        const Fq12 g = cyclotomic(Fq12::random(rng));
        QVERIFY2(g * g.conjugate() == Fq12::one(), "conjugation inverts cyclotomic elements");
        QVERIFY2(g.cyclotomic_square() == g.square(), "Granger–Scott squaring");
    }
}

void TestExtensionFields::inverses_of_zero_are_zero() {
    QVERIFY(Fq2::zero().inverse().is_zero());
    QVERIFY(Fq6::zero().inverse().is_zero());
    QVERIFY(Fq12::zero().inverse().is_zero());
}

void TestExtensionFields::fast_squaring_and_frobenius_match_the_reference_formulas() {
    SeededRandom rng(27);
    std::vector<Fq12> xs = fq12_edges();
    for (int i = 0; i < 10; ++i) xs.push_back(Fq12::random(rng));
    for (const Fq12& x : xs) {
        QVERIFY2(x.square() == square_reference(x), "Fq12 squaring by three Fq6 squarings = complex squaring");
        QVERIFY2(x.square() == x * x, "Fq12 squaring = product");
        for (unsigned k = 0; k <= 12; ++k)
            QVERIFY2(x.frobenius_map(k) == frobenius_reference(x, k),
                     qPrintable(QString("Frobenius with precomputed constants, power %1").arg(k)));
    }
}

QTEST_APPLESS_MAIN(TestExtensionFields)
#include "tst_extension_fields.moc"
