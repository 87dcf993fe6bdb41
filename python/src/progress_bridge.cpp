#include "progress_bridge.hpp"

#include <Python.h>

namespace ps::python {
namespace {

// The callback sees every stage begin and end, and progress inside a stage at most this
// often: the core may advance thousands of times a second, from several threads.
constexpr auto report_interval = std::chrono::milliseconds(100);
// How often the calling thread looks for Ctrl-C while the core works.
constexpr auto signal_interval = std::chrono::milliseconds(50);

}  // namespace

PythonProgress::PythonProgress(py::object callback) : callback_(std::move(callback)) {
    if (!callback_.is_none() && !PyCallable_Check(callback_.ptr()))
        throw py::type_error("progress must be None or a callable (stage: str, done: int, total: int)");
}

PythonProgress::~PythonProgress() {
    // error_ holds Python objects: release them with the GIL held (the bridge lives in a
    // bound function's frame, where the GIL is held again when it ends).
    error_.reset();
}

void PythonProgress::begin_stage(std::string_view name, uint64_t total) {
    std::string stage(name);
    {
        std::lock_guard lock(mutex_);
        stages_.push_back({stage, total});
    }
    report(stage, 0, total, true);
    check_signals();
}

void PythonProgress::advance(uint64_t done) {
    Stage top;
    {
        std::lock_guard lock(mutex_);
        if (stages_.empty()) return;
        top = stages_.back();
    }
    report(top.name, done, top.total, false);
    // TBB runs chunks on the calling thread too: Ctrl-C is seen inside long parallel stages.
    check_signals();
}

void PythonProgress::end_stage() {
    Stage top;
    {
        std::lock_guard lock(mutex_);
        if (stages_.empty()) return;
        top = stages_.back();
        stages_.pop_back();
    }
    // Stages also end while an exception unwinds the core: report nothing new then.
    if (!stop_) report(top.name, top.total, top.total, true);
}

bool PythonProgress::cancelled() const {
    if (!stop_) check_signals();
    return stop_;
}

void PythonProgress::report(const std::string& stage, uint64_t done, uint64_t total, bool force) {
    if (callback_.is_none() || stop_) return;
    {
        std::lock_guard lock(mutex_);
        const auto now = Clock::now();
        if (!force && now - last_report_ < report_interval) return;
        last_report_ = now;
    }
    py::gil_scoped_acquire gil;
    try {
        callback_(stage, done, total);
    } catch (py::error_already_set& e) {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = std::move(e);
        stop_ = true;
    }
}

void PythonProgress::check_signals() const {
    if (std::this_thread::get_id() != caller_) return;
    {
        std::lock_guard lock(mutex_);
        const auto now = Clock::now();
        if (now - last_signal_check_ < signal_interval) return;
        last_signal_check_ = now;
    }
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) keep_error();
}

void PythonProgress::keep_error() const {
    py::error_already_set e;  // takes the error Python just set
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(e);
    stop_ = true;
}

void PythonProgress::raise_pending() {
    std::optional<py::error_already_set> e;
    {
        std::lock_guard lock(mutex_);
        e.swap(error_);
    }
    if (e) throw *e;
}

void PythonProgress::raise_cancellation() {
    raise_pending();
    // Cancelled without a Python error behind it (nothing else cancels a Python call): say so.
    PyErr_SetString(PyExc_KeyboardInterrupt, "cancelled");
    throw py::error_already_set();
}

}  // namespace ps::python
