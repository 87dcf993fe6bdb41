// The mock prover on the hand-written circuits: every satisfying witness passes, and each
// broken twin is reported with the right kind, gate/lookup name, row and region label.
// Also: the constraint system's degree, queries and blinding rows, and its encoding.
#include "test_circuits.hpp"
#include "core/util/error.hpp"

#include <QTest>

using namespace ps;
using namespace ps::plonk;

class TestMockProver : public QObject {
    Q_OBJECT
private slots:
    void satisfied_circuits_pass() {
        for (auto make : {test::multiplication, test::fibonacci, test::range_check, test::tuple_lookup}) {
            const auto c = make(false, 6);
            const auto failures = mock_prove(*c.assignment);
            QVERIFY2(failures.empty(), qPrintable(QString::fromStdString(
                                           c.name + ": " + (failures.empty() ? "" : failures[0].message()))));
        }
    }

    void broken_circuits_report_gate_and_row() {
        for (auto make : {test::multiplication, test::fibonacci, test::range_check, test::tuple_lookup}) {
            const auto c = make(true, 6);
            const auto failures = mock_prove(*c.assignment);
            QVERIFY2(failures.size() == 1, qPrintable(QString::fromStdString(c.name) + ": " +
                                                      QString::number(failures.size()) + " failures"));
            const auto& f = failures.front();
            QCOMPARE(int(f.kind), int(c.broken_kind));
            QCOMPARE(f.name, c.broken_name);
            QCOMPARE(f.row, c.broken_row);
            QVERIFY(!f.region.empty());
            QVERIFY(f.message().find("row " + std::to_string(c.broken_row)) != std::string::npos);
        }
    }

    void gate_failure_names_columns_and_region() {
        const auto c = test::multiplication(true);
        const auto f = mock_prove(*c.assignment).at(0);
        QCOMPARE(f.region, std::string("multiply"));
        QVERIFY(f.columns.find("advice[2]") != std::string::npos);
        QVERIFY(f.columns.find("fixed[0]") != std::string::npos);
    }

    void rotation_into_blinding_rows_is_caught() {
        // A gate that reads the next row, enabled on the last usable row, reads a blinding
        // value: the real prover would fail, so the mock prover must too.
        ConstraintSystem cs;
        const Column a = cs.add_advice_column(), s = cs.add_selector("s");
        cs.create_gate("next is zero", {test::q(s) * test::q(a, 1)});
        Assignment w(cs, 4);
        w.enable_selector(s, w.usable_rows() - 1);
        const auto failures = mock_prove(w);
        QCOMPARE(failures.size(), size_t(1));
        QCOMPARE(failures[0].row, w.usable_rows() - 1);
    }

    void gate_without_selector_is_caught_on_the_blinding_rows() {
        // c = a + b with no selector holds on every usable row (all assigned, or all 0)
        // but not on the blinding rows, where a, b, c are random: every real proof of
        // this circuit fails, so the mock prover must fail it too, and say why.
        ConstraintSystem cs;
        const Column a = cs.add_advice_column(), b = cs.add_advice_column(), c = cs.add_advice_column();
        cs.create_gate("add (no selector)", {test::q(a) + test::q(b) - test::q(c)});
        Assignment w(cs, 4);
        for (size_t row = 0; row < 3; ++row) {
            w.assign(a, row, Fr::from_u64(row));
            w.assign(b, row, Fr::from_u64(2 * row));
            w.assign(c, row, Fr::from_u64(3 * row));
        }
        const auto failures = mock_prove(w);
        QCOMPARE(failures.size(), size_t(1));  // one report per constraint, not per row
        QCOMPARE(failures[0].name, std::string("add (no selector)"));
        QVERIFY(failures[0].row >= w.usable_rows());
        QVERIFY2(failures[0].message().find("gate active on blinding rows (missing selector?)") !=
                     std::string::npos,
                 failures[0].message().c_str());
    }

    void selected_gates_stay_quiet_on_the_blinding_rows() {
        // A selector is 0 on the blinding rows, so s·(…) vanishes there whatever the
        // random advice: no false alarm, and a gate reading the instance column is fine.
        const auto c = test::multiplication(false, 4);
        QVERIFY(mock_prove(*c.assignment).empty());
    }

    void degree_queries_and_blinding_follow_the_gates() {
        const auto mul = test::multiplication();
        QCOMPARE(mul.cs->degree(), 3u);  // s·(a·b − c)
        QCOMPARE(mul.cs->blinding_factors(), 5u);
        const auto range = test::range_check();
        QCOMPARE(range.cs->degree(), 5u);  // logUp: 2 + deg(s·v) + deg(table)
        const auto fib = test::fibonacci();
        const auto advice = fib.cs->queries(ColumnKind::Advice);
        QCOMPARE(advice.size(), size_t(5));  // a@0, a@1, b@-1, b@0, c@0
        ConstraintSystem many;
        const Column x = many.add_advice_column();
        many.create_gate("wide", {test::q(x, -2) + test::q(x, -1) + test::q(x) + test::q(x, 1) + test::q(x, 2)});
        QCOMPARE(many.blinding_factors(), 7u);  // five queries of one column, + 2
    }

    void encoding_round_trips_and_detects_corruption() {
        const auto c = test::fibonacci();
        const auto bytes = c.cs->encode();
        const ConstraintSystem back = ConstraintSystem::decode(bytes, "test");
        QVERIFY(back == *c.cs);
        QCOMPARE(back.degree(), c.cs->degree());
        auto truncated = bytes;
        truncated.resize(bytes.size() - 3);
        QVERIFY_THROWS_EXCEPTION(Error, ConstraintSystem::decode(truncated, "test"));
    }

    void assignment_rejects_blinding_rows_and_unknown_columns() {
        const auto c = test::multiplication();
        Assignment& w = *c.assignment;
        QVERIFY_THROWS_EXCEPTION(Error, w.assign({ColumnKind::Advice, 0}, w.usable_rows(), Fr::one()));
        QVERIFY_THROWS_EXCEPTION(Error, w.assign({ColumnKind::Advice, 9}, 0, Fr::one()));
        QVERIFY_THROWS_EXCEPTION(Error, w.copy({{ColumnKind::Advice, 0}, 0}, {{ColumnKind::Advice, 1}, 0}));
    }
};

QTEST_GUILESS_MAIN(TestMockProver)
#include "tst_mock_prover.moc"
