#pragma once
// How long work in core reports progress and learns it should stop. The CLI adapts it
// to a terminal bar, the GUI to Qt signals; core never knows which.
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace ps {

class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    // A named stage ("commit advice", "NTT", ...) with `total` units of work.
    virtual void begin_stage(std::string_view name, uint64_t total) = 0;
    virtual void advance(uint64_t done) = 0;  // done of total, monotone; may be called from any thread
    virtual void end_stage() = 0;
    // Checked between stages and chunks; work that sees `true` throws Cancelled.
    virtual bool cancelled() const = 0;
};

// Thrown (only) when a ProgressSink asked for cancellation; callers leave no partial files.
struct Cancelled : std::runtime_error {
    Cancelled() : std::runtime_error("cancelled by the user") {}
};

class NullProgress final : public ProgressSink {
public:
    void begin_stage(std::string_view, uint64_t) override {}
    void advance(uint64_t) override {}
    void end_stage() override {}
    bool cancelled() const override { return false; }
};

inline void throw_if_cancelled(const ProgressSink& p) {
    if (p.cancelled()) throw Cancelled();
}

// RAII stage: begin on construction, end on destruction.
class ProgressStage {
public:
    ProgressStage(ProgressSink& sink, std::string_view name, uint64_t total) : sink_(sink) {
        throw_if_cancelled(sink_);
        sink_.begin_stage(name, total);
    }
    ~ProgressStage() { sink_.end_stage(); }
    ProgressStage(const ProgressStage&) = delete;
    ProgressStage& operator=(const ProgressStage&) = delete;
    void advance(uint64_t done) { sink_.advance(done); }

private:
    ProgressSink& sink_;
};

}  // namespace ps
