// The mock prover on the hand-written circuits: every satisfying witness passes, and each
// broken twin is reported with the right kind, gate/lookup name, row and region label.
// Also: the constraint system's degree, queries and blinding rows, and its encoding.
#include "test_circuits.hpp"
#include "core/plonk/field_codec.hpp"
#include "core/util/error.hpp"

#include <QElapsedTimer>

#include <QTest>

using namespace ps;
using namespace ps::plonk;

template <class A>
constexpr bool columns_writable = requires(A& w) { w.columns(ColumnKind::Advice)[0][0] = Fr::one(); };

class TestMockProver : public QObject {
    Q_OBJECT
private slots:
    void satisfied_circuits_pass() {
        for (auto make : {test::multiplication, test::fibonacci, test::range_check, test::tuple_lookup, test::chunked_lookup}) {
            const auto c = make(false, 6);
            const auto failures = mock_prove(*c.assignment);
            QVERIFY2(failures.empty(), qPrintable(QString::fromStdString(
                                           c.name + ": " + (failures.empty() ? "" : failures[0].message()))));
        }
    }

    void broken_circuits_report_gate_and_row() {
        for (auto make : {test::multiplication, test::fibonacci, test::range_check, test::tuple_lookup, test::chunked_lookup}) {
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

    void decode_rejects_repeated_equality_columns() {
        // The canonical encoding lists each equality column once; a repeat is a crafted
        // file (and was deduplicated by a linear search per entry: O(p²)).
        ByteWriter out;
        out.u32(2);  // encoding version
        out.u32(0);
        out.u32(2);  // advice columns
        out.u32(0);
        out.u64(3);
        for (uint32_t index : {0u, 1u, 0u}) {
            out.u8(uint8_t(ColumnKind::Advice));
            out.u32(index);
        }
        out.u64(0);  // gates
        out.u64(0);  // lookups
        QString error;
        try {
            ConstraintSystem::decode(out.bytes(), "cs");
        } catch (const Error& e) {
            error = e.what();
        }
        QVERIFY2(error.contains("advice[0]") && error.contains("twice"), qPrintable(error));
    }

    void decode_of_many_equality_columns_is_quasi_linear() {
        // 200 000 equality columns: a quadratic dedupe needs ~2·10^10 comparisons
        // (tens of seconds); a set needs well under a second. The bound is generous on
        // purpose (shared CI cores): it separates n log n from n², nothing finer.
        constexpr uint32_t columns = 200'000;
        ByteWriter out;
        out.u32(2);
        out.u32(0);
        out.u32(columns);
        out.u32(0);
        out.u64(columns);
        for (uint32_t i = 0; i < columns; ++i) {
            out.u8(uint8_t(ColumnKind::Advice));
            out.u32(i);
        }
        out.u64(0);
        out.u64(0);
        QElapsedTimer timer;
        timer.start();
        const ConstraintSystem cs = ConstraintSystem::decode(out.bytes(), "cs");
        QCOMPARE(cs.permutation_columns().size(), size_t(columns));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed()) + " ms"));
    }

    void deep_expressions_are_rejected_at_decode_and_at_build() {
        // Expression walks recurse (evaluation also inside TBB workers, whose stacks are
        // smaller than the main thread's): 1000 nested negations are refused up front.
        ByteWriter out;
        out.u32(2);
        out.u32(0);
        out.u32(1);
        out.u32(0);
        out.u64(0);  // no equality columns
        out.u64(1);  // one gate
        out.str("deep");
        out.u64(1);
        for (int i = 0; i < 1000; ++i) out.u8(uint8_t(Expression::Op::Negated));
        out.u8(uint8_t(Expression::Op::Query));
        out.u8(uint8_t(ColumnKind::Advice));
        out.u32(0);
        out.i32(0);
        out.u64(0);  // lookups
        QString error;
        try {
            ConstraintSystem::decode(out.bytes(), "cs");
        } catch (const Error& e) {
            error = e.what();
        }
        QVERIFY2(error.contains("deeper than"), qPrintable(error));

        ConstraintSystem cs;
        const Column a = cs.add_advice_column();
        Expression e = test::q(a);
        for (int i = 0; i < 1000; ++i) e = -e;
        QVERIFY_THROWS_EXCEPTION(Error, cs.create_gate("deep", {e}));
        QVERIFY_THROWS_EXCEPTION(Error, cs.add_lookup("deep", {{e, test::q(a)}}));
    }

    void assignment_columns_are_read_only_from_outside() {
        // Writes go through assign(), which checks the column and the row and tracks the
        // instance length the vk pins; a writable columns() bypassed all three.
        QVERIFY(!columns_writable<Assignment>);
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
