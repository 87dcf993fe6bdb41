// write_file_atomically under SIGKILL: a child process writes 256 MiB and is killed in the
// middle of the write. The target must be absent (or, when it existed, keep its previous
// bytes), and no ".name.tmpXXXXXX" may be left in the folder: with O_TMPFILE the bytes
// being written have no name until they are complete.
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> leftovers(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp") != std::string::npos) out.push_back(e.path());
    return out;
}

// Forks a writer of `bytes` to `target`, kills it `after` into the write, reaps it.
// Returns false when the child finished before the kill (the write was too fast to hit).
bool kill_mid_write(const fs::path& target, const std::vector<uint8_t>& bytes, std::chrono::milliseconds after) {
    int ready[2];
    if (::pipe(ready) != 0) return false;
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(ready[0]);
        const char go = 1;
        if (::write(ready[1], &go, 1) != 1) _exit(3);
        try {
            ps::write_file_atomically(target, std::span<const uint8_t>(bytes));
        } catch (...) {
            _exit(2);
        }
        _exit(0);
    }
    ::close(ready[1]);
    char go = 0;
    const bool started = ::read(ready[0], &go, 1) == 1;
    ::close(ready[0]);
    std::this_thread::sleep_for(after);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    return started && WIFSIGNALED(status);
}

}  // namespace

class TestAtomicWrite : public QObject {
    Q_OBJECT
private slots:
    void a_killed_write_leaves_no_file_and_no_temporary() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path folder = dir.path().toStdString();
        const fs::path target = folder / "pk.key";
        const std::vector<uint8_t> big(size_t(256) << 20, 0x5a);
        int hits = 0;
        for (int ms : {5, 20, 60}) {
            if (!kill_mid_write(target, big, std::chrono::milliseconds(ms))) continue;
            ++hits;
            const auto left = leftovers(folder);
            const std::string first = left.empty() ? std::string() : left.front().string();
            QVERIFY2(left.empty(), ("a temporary file survived a kill after " + std::to_string(ms) + " ms: " + first).c_str());
            QVERIFY2(!fs::exists(target) || fs::file_size(target) == big.size(), "a half-written target");
        }
        QVERIFY2(hits > 0, "every write finished before the kill: the test did not exercise anything");
    }

    void a_killed_rewrite_keeps_the_previous_file() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path folder = dir.path().toStdString();
        const fs::path target = folder / "kzg.srs";
        ps::write_file_atomically(target, std::string_view("previous complete file"));
        const std::vector<uint8_t> big(size_t(256) << 20, 0xa5);
        int hits = 0;
        for (int ms : {5, 20, 60}) {
            if (!kill_mid_write(target, big, std::chrono::milliseconds(ms))) continue;
            ++hits;
            QVERIFY(leftovers(folder).empty());
            const auto now = fs::file_size(target);
            QVERIFY2(now == big.size() || ps::read_file_text(target) == "previous complete file", "a half-written target");
        }
        QVERIFY2(hits > 0, "every write finished before the kill");
    }

    void replaces_an_existing_file_and_reads_back() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "settings.json";
        ps::write_file_atomically(target, std::string_view("one"));
        ps::write_file_atomically(target, std::string_view("two, longer"));
        QCOMPARE(ps::read_file_text(target), std::string("two, longer"));
        QVERIFY(leftovers(target.parent_path()).empty());
        QCOMPARE(int(fs::status(target).permissions() & fs::perms::owner_read), int(fs::perms::owner_read));
    }

    // A file too large to load is refused by size, before any allocation, naming the file,
    // its size and the limit (a sparse file: nothing is written to disk).
    void a_file_over_the_size_limit_is_refused_before_reading() {
        QTemporaryDir dir;
        const fs::path big = fs::path(dir.path().toStdString()) / "pk.key";
        {
            std::ofstream create(big);
        }
        fs::resize_file(big, uint64_t(1) << 40);  // 1 TiB, more than this machine's memory
        try {
            ps::read_file_bytes(big);
            QFAIL("read a 1 TiB file");
        } catch (const ps::Error& e) {
            const std::string what = e.what();
            QVERIFY2(what.find("pk.key") != std::string::npos && what.find("1099.5 GB") != std::string::npos, e.what());
        }
        const fs::path small = fs::path(dir.path().toStdString()) / "settings.json";
        ps::write_file_atomically(small, std::string_view("0123456789"));
        qputenv("PROOFSCOPE_MAX_FILE_BYTES", "5");
        try {
            ps::read_file_text(small);
            QFAIL("read a file over PROOFSCOPE_MAX_FILE_BYTES");
        } catch (const ps::Error& e) {
            QVERIFY2(std::string(e.what()).find("limit of 5 bytes (PROOFSCOPE_MAX_FILE_BYTES)") != std::string::npos, e.what());
        }
        qputenv("PROOFSCOPE_MAX_FILE_BYTES", "10");  // raised: the same file reads
        QCOMPARE(ps::read_file_text(small), std::string("0123456789"));
        qunsetenv("PROOFSCOPE_MAX_FILE_BYTES");
    }

    void a_missing_folder_is_a_clear_error() {
        try {
            ps::write_file_atomically("/nonexistent-folder/proof.json", std::string_view("x"));
            QFAIL("wrote into a missing folder");
        } catch (const ps::Error& e) {
            QVERIFY(std::string(e.what()).find("/nonexistent-folder/proof.json") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestAtomicWrite)
#include "tst_atomic_write.moc"
