// A lookup whose table is split over several chunks of fixed columns (lookup.hpp): the
// union of the chunks is the table, the constraint degree does not grow with the chunk
// count, and the helper columns h_j and multiplicities m_j are bound by the proof.
#include "proof_fixture.hpp"

#include "core/plonk/proof_layout.hpp"
#include "core/util/byte_codec.hpp"

#include <QTest>
#include <type_traits>

using namespace ps;
using namespace ps::plonk;

namespace {

// The squares lookup of test::chunked_lookup with `chunks` chunks of two fixed columns.
LookupArgument squares_lookup(size_t chunks) {
    ConstraintSystem cs;
    const Column x = cs.add_advice_column(), y = cs.add_advice_column(), s = cs.add_selector("s");
    std::vector<std::vector<Expression>> tuples;
    for (size_t j = 0; j < chunks; ++j) tuples.push_back({test::q(cs.add_fixed_column()), test::q(cs.add_fixed_column())});
    cs.add_lookup("squares", {test::q(s) * test::q(x), test::q(s) * test::q(y)}, std::move(tuples));
    return cs.lookups()[0];
}

const test::ProvenCircuit& fixture() {
    static const test::ProvenCircuit f = test::prove_with_seed(test::chunked_lookup(false, 6), 11);
    return f;
}

VerifyResult verify_bytes(const std::vector<uint8_t>& bytes) { return fixture().verify(bytes); }

}  // namespace

class TestMultiTableLookup : public QObject {
    Q_OBJECT
private slots:
    void the_test_table_needs_three_chunks() {
        const auto& lookup = fixture().pk.vk.cs.lookups().at(0);
        QCOMPARE(lookup.tables.size(), size_t(3));
        QVERIFY(lookup.uses_helpers());
        QVERIFY(fixture().pk.vk.cs.usable_rows(6) * 2 < test::CHUNKED_TABLE_ROWS);
    }

    void degree_does_not_grow_with_the_chunk_count() {
        // Inputs s·x (degree 2), table columns degree 1: multiplied out, one chunk costs
        // 2 + 2 + 1; with helpers any number of chunks costs 2 + max(2, 1).
        QCOMPARE(squares_lookup(1).degree(), 5u);
        QCOMPARE(squares_lookup(2).degree(), 4u);
        QCOMPARE(squares_lookup(3).degree(), 4u);
        QCOMPARE(squares_lookup(40).degree(), 4u);
    }

    void a_section_outlives_the_layout_it_came_from() {
        // Regression (ASan): section() returned a reference into its argument, and every
        // caller passing proof_layout(vk) directly read freed memory.
        static_assert(!std::is_reference_v<decltype(section(proof_layout(fixture().pk.vk), ""))>);
        const auto& s = section(proof_layout(fixture().pk.vk), "lookup evaluations");
        QCOMPARE(s.count, size_t(3 + 3 + 2));
        QCOMPARE(s.item_size, size_t(32));
    }

    void a_three_chunk_lookup_proves_and_verifies() {
        QVERIFY(mock_prove(*fixture().circuit.assignment).empty());
        QCOMPARE(fixture().proof.bytes.size(), proof_size(fixture().pk.vk));
        const auto layout = proof_layout(fixture().pk.vk);
        QCOMPARE(section(layout, "lookup multiplicity commitments").count, size_t(3));
        QCOMPARE(section(layout, "lookup helper commitments").count, size_t(3));
        QCOMPARE(section(layout, "lookup evaluations").count, size_t(3 + 3 + 2));
        const auto verdict = verify_bytes(fixture().proof.bytes);
        QVERIFY2(verdict.ok, verdict.reason.c_str());
    }

    void an_input_only_in_the_last_chunk_is_found_there() {
        // Row 0 looks up i = 149, the last table row: in chunk 2 only. Emptying chunk 2
        // (its columns back to the padding (0, 0)) must make exactly the rows that
        // looked into it fail, row 0 among them.
        const auto good = test::chunked_lookup(false, 6);
        QVERIFY(mock_prove(*good.assignment).empty());
        auto emptied = test::chunked_lookup(false, 6);
        const size_t usable = emptied.assignment->usable_rows();
        const auto& chunk2 = emptied.cs->lookups()[0].tables[2];
        for (const auto& e : chunk2)
            for (size_t row = 0; row < usable; ++row) emptied.assignment->assign(e.column(), row, Fr::zero());
        const auto failures = mock_prove(*emptied.assignment);
        QVERIFY(!failures.empty());
        QCOMPARE(failures.front().row, size_t(0));
        for (const auto& f : failures) QVERIFY(f.kind == ConstraintFailure::Kind::Lookup);
    }

    void an_input_in_no_chunk_fails_mock_and_its_forced_proof_is_rejected() {
        const auto bad = test::chunked_lookup(true, 6);
        const auto failures = mock_prove(*bad.assignment);
        QCOMPARE(failures.size(), size_t(1));
        QCOMPARE(failures[0].row, size_t(3));
        QCOMPARE(failures[0].name, std::string("squares"));
        NullProgress quiet;
        const Srs& srs = test::test_srs(6);
        SeededRandom rng(12);
        const Proof forced = create_proof(fixture().pk, srs, *bad.assignment, rng, quiet);
        const auto verdict = test::verify_with(fixture().pk.vk, forced.instances, forced.bytes);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.check, VerifyCheck::Vanishing);
    }

    void tampered_multiplicity_and_helper_evaluations_are_rejected() {
        // "lookup evaluations" holds m_0, m_1, m_2, h_0, h_1, h_2, φ(x), φ(ωx): each m_j
        // and h_j changed by one bit (a different field element) breaks the identity.
        const auto& s = section(proof_layout(fixture().pk.vk), "lookup evaluations");
        for (size_t item = 0; item < 6; ++item) {
            auto bytes = fixture().proof.bytes;
            bytes[s.offset + item * s.item_size + s.item_size - 1] ^= 0x01;
            const auto verdict = verify_bytes(bytes);
            QVERIFY2(!verdict.ok, qPrintable(QString("evaluation %1").arg(item)));
            QCOMPARE(verdict.check, VerifyCheck::Vanishing);
        }
    }

    void swapped_helper_or_multiplicity_commitments_are_rejected() {
        // Valid points in the wrong places: h_0 ↔ h_1, m_1 ↔ m_2.
        const std::pair<const char*, size_t> swaps[] = {{"lookup helper commitments", 0},
                                                        {"lookup multiplicity commitments", 1}};
        for (const auto& [name, a] : swaps) {
            const auto& s = section(proof_layout(fixture().pk.vk), name);
            auto bytes = fixture().proof.bytes;
            std::swap_ranges(bytes.begin() + long(s.offset + a * 64), bytes.begin() + long(s.offset + (a + 1) * 64),
                             bytes.begin() + long(s.offset + (a + 1) * 64));
            const auto verdict = verify_bytes(bytes);
            QVERIFY2(!verdict.ok, name);
            QVERIFY2(verdict.check == VerifyCheck::Vanishing || verdict.check == VerifyCheck::OpeningPairing,
                     verdict.reason.c_str());
        }
    }

    void chunks_survive_the_encoding_and_a_crafted_chunk_count_is_refused() {
        const ConstraintSystem& cs = fixture().pk.vk.cs;
        const auto bytes = cs.encode();
        QVERIFY(ConstraintSystem::decode(bytes, "cs") == cs);
        QCOMPARE(ConstraintSystem::decode(bytes, "cs").lookups()[0].tables.size(), size_t(3));

        // One lookup with one input and 2^40 claimed chunks: refused by the length check
        // before anything is allocated.
        ByteWriter out;
        out.u32(2);  // encoding version
        out.u32(0);
        out.u32(1);  // one advice column
        out.u32(1);  // one fixed column
        out.str("");
        out.u64(0);  // equality columns
        out.u64(0);  // gates
        out.u64(1);  // lookups
        out.str("crafted");
        out.u64(1);  // inputs
        out.u8(uint8_t(Expression::Op::Query));
        out.u8(uint8_t(ColumnKind::Advice));
        out.u32(0);
        out.i32(0);
        out.u64(uint64_t(1) << 40);  // chunks
        QString error;
        try {
            ConstraintSystem::decode(out.bytes(), "cs");
        } catch (const Error& e) {
            error = e.what();
        }
        QVERIFY2(error.contains("exceeds"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestMultiTableLookup)
#include "tst_multi_table_lookup.moc"
