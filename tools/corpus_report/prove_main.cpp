// proofscope-corpus-prove [--corpus DIR] [--out FILE] [--models A,B,...] [--threads N] [--timeout S]
//                         [--srs-cache DIR] [--results FILE] [--from-results FILE]
// proofscope-corpus-prove --model NAME [--json] [--threads N] [--srs-cache DIR]
//
// Proves every corpus model end to end, each in a child process of its own (this program
// with --model NAME --json), and writes the proving section of docs/CORPUS.md between its
// markers (section_markers.hpp), leaving the report's other sections as they are. The
// per-model records also go to --results (JSON lines) so --from-results can rewrite the
// section without proving again.
#include "tools/corpus_report/prove_child.hpp"
#include "tools/corpus_report/prove_section.hpp"
#include "tools/corpus_report/section_markers.hpp"

#include "core/util/atomic_file.hpp"

#include <tbb/global_control.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <algorithm>
#include <sstream>
#include <thread>

namespace {

using namespace ps::corpus;

struct Options {
    std::filesystem::path corpus = std::filesystem::path(PROOFSCOPE_SHARED_DIR) / "corpus";
    std::filesystem::path out = std::filesystem::path(PROOFSCOPE_SOURCE_DIR) / "docs" / "CORPUS.md";
    std::filesystem::path srs_cache = std::filesystem::path(PROOFSCOPE_BINARY_DIR) / "corpus-srs";
    std::filesystem::path results = std::filesystem::path(PROOFSCOPE_BINARY_DIR) / "corpus-prove.jsonl";
    std::filesystem::path from_results;
    std::vector<std::string> models;
    std::string model;  // child mode
    bool json = false;
    int threads = 1;
    int timeout = 300;
};

const char* kUsage =
    "usage: proofscope-corpus-prove [--corpus DIR] [--out FILE] [--models A,B,...] [--threads N] [--timeout S]\n"
    "                               [--srs-cache DIR] [--results FILE] [--from-results FILE]\n"
    "       proofscope-corpus-prove --model NAME [--json] [--threads N] [--srs-cache DIR] [--corpus DIR]\n";

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> v;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) v.push_back(item);
    return v;
}

std::string machine() {
    std::ifstream in("/proc/cpuinfo");
    std::string name;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0) {
            name = line.substr(line.find(':') + 2);
            break;
        }
    return (name.empty() ? std::string("unknown CPU") : name) + ", " + std::to_string(std::thread::hardware_concurrency()) +
           " logical cores";
}

// Child mode: one model in this process; with --json every checkpoint and the final
// record go to stdout as JSON lines (the last one marked "final").
int run_one(const Options& o) {
    ProveOptions p;
    p.srs_cache = o.srs_cache;
    if (o.json)
        p.checkpoint = [](const ProveRecord& r) {
            std::printf("%s\n", to_json(r).dump().c_str());
            std::fflush(stdout);
        };
    const ProveRecord r = prove_corpus_model({o.model, o.corpus / o.model}, p);
    if (o.json) {
        auto j = to_json(r);
        j["final"] = true;
        std::printf("%s\n", j.dump().c_str());
    } else {
        std::printf("%s\n", to_json(r).dump(1).c_str());
    }
    return 0;
}

std::vector<ProveRecord> read_results(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot open the results file");
    std::vector<ProveRecord> records;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) records.push_back(record_from_json(nlohmann::json::parse(line)));
    return records;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const bool has_value = i + 1 < argc;
        if (!std::strcmp(argv[i], "--corpus") && has_value) o.corpus = argv[++i];
        else if (!std::strcmp(argv[i], "--out") && has_value) o.out = argv[++i];
        else if (!std::strcmp(argv[i], "--srs-cache") && has_value) o.srs_cache = argv[++i];
        else if (!std::strcmp(argv[i], "--results") && has_value) o.results = argv[++i];
        else if (!std::strcmp(argv[i], "--from-results") && has_value) o.from_results = argv[++i];
        else if (!std::strcmp(argv[i], "--models") && has_value) o.models = split(argv[++i]);
        else if (!std::strcmp(argv[i], "--model") && has_value) o.model = argv[++i];
        else if (!std::strcmp(argv[i], "--threads") && has_value) o.threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--timeout") && has_value) o.timeout = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--json")) o.json = true;
        else {
            std::fputs(kUsage, stderr);
            return 2;
        }
    }
    if (o.threads < 1 || o.timeout < 1) {
        std::fputs("--threads and --timeout take positive integers\n", stderr);
        return 2;
    }
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, size_t(o.threads));
    if (!o.model.empty()) return run_one(o);

    try {
        const auto cases = list_corpus(o.corpus);
        if (cases.empty()) {
            std::fprintf(stderr, "no models under %s\n", o.corpus.string().c_str());
            return 1;
        }
        std::vector<ProveRecord> records;
        if (!o.from_results.empty()) {
            records = read_results(o.from_results);
        } else {
            const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
            std::ofstream results(o.results);
            for (const auto& c : cases) {
                if (!o.models.empty() && std::find(o.models.begin(), o.models.end(), c.name) == o.models.end()) continue;
                std::fprintf(stderr, "%-28s ", c.name.c_str());
                std::fflush(stderr);
                ChildRun run;
                run.argv = {self, "--model", c.name, "--json", "--corpus", o.corpus.string(), "--threads",
                            std::to_string(o.threads), "--srs-cache", o.srs_cache.string()};
                run.timeout_seconds = o.timeout;
                ProveRecord r = run_model_in_child(c.name, run);
                std::fprintf(stderr, "%-8s k%-3u prove %8.1f ms  verify %6.1f ms  rss %6.0f MiB  %s\n", to_string(r.status),
                             r.logrows, r.prove_ms, r.verify_ms, double(r.peak_rss_kib) / 1024,
                             r.end_to_end() ? "ok" : (r.failure.empty() ? r.verify_reason : r.failure).substr(0, 100).c_str());
                results << to_json(r).dump() << "\n" << std::flush;
                records.push_back(std::move(r));
            }
        }
        ProveRunInfo info;
        info.corpus_size = cases.size();
        info.threads = o.threads;
        info.timeout_seconds = o.timeout;
        info.machine = machine();
        info.command = "cmake --build build --target proofscope-corpus-prove\n"
                       "./build/tools/corpus_report/proofscope-corpus-prove --threads " + std::to_string(o.threads) +
                       " --timeout " + std::to_string(o.timeout);
        const std::string doc = std::filesystem::exists(o.out) ? read_text(o.out) : std::string{};
        ps::write_file_atomically(o.out, with_proving_block(doc, proving_section(records, info)));
        std::fprintf(stderr, "wrote the proving section of %s (results: %s)\n", o.out.string().c_str(),
                     (o.from_results.empty() ? o.results : o.from_results).string().c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "proofscope-corpus-prove: %s\n", e.what());
        return 1;
    }
}
