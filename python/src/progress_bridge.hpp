#pragma once
// The core's ProgressSink as seen from Python: a `progress(stage, done, total)` callback
// and Ctrl-C. Steps run with the GIL released (other Python threads keep running); the
// bridge takes the GIL back only to call the callback and, on the calling thread, to let
// Python run its signal handlers. A KeyboardInterrupt (or an exception raised by the
// callback) cancels the core job, which stops at its next check and writes no partial
// file; the Python exception is then raised from the call.
#include "core/util/progress.hpp"

#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ps::python {

namespace py = pybind11;

class PythonProgress final : public ProgressSink {
public:
    // `callback`: None or a callable (stage: str, done: int, total: int). Made with the GIL held.
    explicit PythonProgress(py::object callback);
    ~PythonProgress() override;

    void begin_stage(std::string_view name, uint64_t total) override;
    void advance(uint64_t done) override;
    void end_stage() override;
    bool cancelled() const override;

    // After the core stopped with ps::Cancelled, with the GIL held: raises the Python error
    // that cancelled it (KeyboardInterrupt from Ctrl-C, or the callback's own exception).
    [[noreturn]] void raise_cancellation();
    // With the GIL held: raises the Python error kept while the core ran, if there is one.
    void raise_pending();

private:
    struct Stage {
        std::string name;
        uint64_t total = 0;
    };
    using Clock = std::chrono::steady_clock;

    // Calls the callback under the GIL; a Python exception stops the job.
    void report(const std::string& stage, uint64_t done, uint64_t total, bool force);
    // On the calling thread only (where Python handles signals): runs pending signal handlers.
    void check_signals() const;
    void keep_error() const;  // the GIL is held and a Python error is set

    py::object callback_;
    std::thread::id caller_ = std::this_thread::get_id();
    mutable std::mutex mutex_;
    std::vector<Stage> stages_;
    mutable Clock::time_point last_report_{}, last_signal_check_{};
    mutable std::atomic<bool> stop_{false};
    mutable std::optional<py::error_already_set> error_;
};

// Runs `work` (a core/pipeline call, returning its result) with the GIL released. A
// cancellation becomes the Python exception behind it; a callback that raised after the
// core's last check still fails the call. Other exceptions pass to pybind11's translators.
template <class Work>
auto call_core(PythonProgress& progress, Work&& work) -> decltype(work()) {
    try {
        auto result = [&] {
            py::gil_scoped_release release;
            return work();
        }();
        progress.raise_pending();
        return result;
    } catch (const Cancelled&) {
        progress.raise_cancellation();
    }
}

}  // namespace ps::python
