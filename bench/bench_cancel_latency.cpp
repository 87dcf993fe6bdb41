// Cancel latency: how long the prover takes to stop after a cancel request that arrives
// halfway through each stage (the GUI's Cancel button promises "within a second"). The
// synthetic circuit of bench_plonk, at several k; each stage's halfway point comes from
// an uncancelled prove first. Also: stopping halfway through decoding pk.key.
//
//   bench_cancel_latency [k ...]     (default: 14 16 18; PROOFSCOPE_BENCH_RUNS=n, default 3)
#include "bench_common.hpp"

#include "core/kzg/srs.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/keygen.hpp"
#include "core/plonk/prover.hpp"
#include "core/plonk/synthetic_circuit.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>

using namespace ps;
using namespace ps::plonk;
using Clock = std::chrono::steady_clock;

namespace {

// Asks to stop `delay` after stage `target` begins (from a timer thread, as the GUI's
// Cancel button does from the UI thread).
class StopMidStage final : public ProgressSink {
public:
    StopMidStage(std::string target, std::chrono::nanoseconds delay) : target_(std::move(target)), delay_(delay) {}
    ~StopMidStage() override {
        if (timer_.joinable()) timer_.join();
    }
    void begin_stage(std::string_view name, uint64_t) override {
        if (name != target_ || timer_.joinable()) return;
        timer_ = std::thread([this] {
            std::this_thread::sleep_for(delay_);
            requested_at_ = Clock::now();
            cancel_ = true;
        });
    }
    void advance(uint64_t) override {}
    void end_stage() override {}
    bool cancelled() const override { return cancel_; }

    void join() {
        if (timer_.joinable()) timer_.join();
    }
    bool requested() const { return cancel_; }
    Clock::time_point requested_at() const { return requested_at_; }

private:
    std::string target_;
    std::chrono::nanoseconds delay_;
    std::thread timer_;
    std::atomic<bool> cancel_{false};
    Clock::time_point requested_at_;
};

}  // namespace

int main(int argc, char** argv) {
    const std::vector<unsigned> ks = bench::ks_from_args(argc, argv, {14, 16, 18});
    const int runs = bench::runs_from_env(3);
    bench::print_header("Cancel latency: request halfway through each prover stage, time until the prover stops");
    std::printf("# runs per median: %d; latency = cancel request -> Cancelled caught\n", runs);

    for (unsigned k : ks) {
        NullProgress quiet;
        SystemRandom tau;
        const Srs srs = generate_srs(k, tau, quiet);  // development SRS: benchmark only
        const SyntheticCircuit circuit = make_synthetic_circuit(k);
        const ProvingKey pk = keygen(srs, *circuit.witness, quiet);
        SystemRandom rng;
        const Proof reference = create_proof(pk, srs, *circuit.witness, rng, quiet);
        for (const StageTiming& stage : reference.timings) {
            const auto half = std::chrono::nanoseconds(int64_t(stage.milliseconds * 5e5));
            std::vector<double> latencies;
            for (int r = 0; r < runs; ++r) {
                StopMidStage sink(stage.stage, half);
                bool stopped = false;
                try {
                    create_proof(pk, srs, *circuit.witness, rng, sink);
                } catch (const Cancelled&) {
                    stopped = true;
                }
                const auto end = Clock::now();
                sink.join();
                // A request that came after the prove ended (stage shorter than the timer's
                // wake-up) is no measurement.
                if (stopped && sink.requested())
                    latencies.push_back(std::chrono::duration<double, std::milli>(end - sink.requested_at()).count());
            }
            std::sort(latencies.begin(), latencies.end());
            if (latencies.empty())
                std::printf("k=%2u %-24s stage %9.1f ms: ended before the request\n", k, stage.stage.c_str(),
                            stage.milliseconds);
            else
                std::printf("k=%2u %-24s stage %9.1f ms: stops in %7.1f ms (median of %zu), worst %7.1f ms\n", k,
                            stage.stage.c_str(), stage.milliseconds, latencies[latencies.size() / 2], latencies.size(),
                            latencies.back());
        }
        // Decoding pk.key: most of it is recomputing each column's coefficient and extended forms.
        const auto bytes = encode_proving_key_file(pk, Digest32{});
        const auto decode_start = Clock::now();
        decode_proving_key_file(bytes, "pk.key", Digest32{});
        const double decode_ms = std::chrono::duration<double, std::milli>(Clock::now() - decode_start).count();
        std::vector<double> latencies;
        for (int r = 0; r < runs; ++r) {
            StopMidStage sink("read pk.key", std::chrono::nanoseconds(int64_t(decode_ms * 5e5)));
            sink.begin_stage("read pk.key", 1);
            try {
                decode_proving_key_file(bytes, "pk.key", Digest32{}, &sink);
            } catch (const Cancelled&) {
                const auto end = Clock::now();
                sink.join();
                latencies.push_back(std::chrono::duration<double, std::milli>(end - sink.requested_at()).count());
            }
            sink.join();
        }
        std::sort(latencies.begin(), latencies.end());
        if (!latencies.empty())
            std::printf("k=%2u %-24s       %9.1f ms: stops in %7.1f ms (median of %zu), worst %7.1f ms\n", k,
                        "decode pk.key", decode_ms, latencies[latencies.size() / 2], latencies.size(), latencies.back());
    }
    return 0;
}
