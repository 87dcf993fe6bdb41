#include "ui/models/stage_progress.hpp"

#include <algorithm>

namespace ps::ui {

StageProgress::StageProgress(QObject* parent) : QObject(parent) {}

void StageProgress::start(const QString& title, const std::vector<std::string>& plan,
                          const std::map<std::string, double>& expected_ms) {
    title_ = title;
    rows_.clear();
    for (const auto& name : plan) {
        StageRow row;
        row.name = QString::fromStdString(name);
        if (auto it = expected_ms.find(name); it != expected_ms.end()) row.expected_ms = it->second;
        rows_.push_back(row);
    }
    current_ = -1;
    depth_ = 0;
    overall_ = 0;
    running_ = true;
    final_seconds_ = 0;
    clock_.start();
    emit overall_changed(0);
    emit changed();
}

void StageProgress::reset() {
    title_.clear();
    rows_.clear();
    current_ = -1;
    depth_ = 0;
    overall_ = 0;
    running_ = false;
    final_seconds_ = 0;
    emit changed();
}

double StageProgress::elapsed_seconds() const {
    if (!running_) return final_seconds_;
    return clock_.isValid() ? double(clock_.nsecsElapsed()) / 1e9 : 0;
}

double StageProgress::eta_seconds() const {
    if (!running_ || overall_ < 2) return -1;
    const double f = overall_ / 100.0, t = elapsed_seconds();
    return t * (1 - f) / f;
}

int StageProgress::row_of(const QString& stage) const {
    // A name can recur (prove and verify both read kzg.srs): the first row still pending.
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].name == stage && rows_[i].state == StageRow::State::Pending) return int(i);
    return -1;
}

void StageProgress::stage_started(const QString& stage, int depth) {
    depth_ = depth + 1;
    if (!running_ || depth > 0) return;  // nested stages show in their parent's row
    int row = row_of(stage);
    if (row < 0) {  // reported but not planned (downsizing a larger SRS): a row of its own, after the last
        StageRow r;
        r.name = stage;
        r.planned = false;
        row = current_ + 1;
        rows_.insert(rows_.begin() + row, r);
    }
    // Planned rows passed over were not run this time.
    for (int i = current_ + 1; i < row; ++i)
        if (rows_[size_t(i)].state == StageRow::State::Pending) rows_[size_t(i)].state = StageRow::State::Skipped;
    current_ = row;
    rows_[size_t(row)].state = StageRow::State::Running;
    rows_[size_t(row)].percent = 0;
    emit changed();
}

void StageProgress::stage_progress(int percent) {
    if (!running_ || current_ < 0 || depth_ != 1) return;
    StageRow& row = rows_[size_t(current_)];
    if (row.state != StageRow::State::Running || percent <= row.percent) return;
    row.percent = std::min(percent, 100);
    update_overall();
    emit changed();
}

void StageProgress::stage_finished(const QString& stage, int depth, double milliseconds) {
    depth_ = depth;
    if (!running_ || depth > 0 || current_ < 0) return;
    StageRow& row = rows_[size_t(current_)];
    if (row.name != stage) return;
    row.state = StageRow::State::Done;
    row.percent = 100;
    row.milliseconds = milliseconds;
    update_overall();
    emit changed();
}

void StageProgress::finish(bool success) {
    if (!running_) return;
    final_seconds_ = elapsed_seconds();
    running_ = false;
    if (success) {
        for (auto& r : rows_)
            if (r.state == StageRow::State::Pending) r.state = StageRow::State::Skipped;
        if (overall_ != 100) {
            overall_ = 100;
            emit overall_changed(100);
        }
    }
    emit changed();
}

void StageProgress::update_overall() {
    // Weights: the last run's stage times; a stage it did not have weighs as the mean of
    // those it had; with no last run every stage weighs the same.
    double known = 0;
    int known_count = 0;
    for (const auto& r : rows_)
        if (r.planned && r.expected_ms > 0) known += r.expected_ms, ++known_count;
    const double fallback = known_count ? known / known_count : 1.0;
    double total = 0, done = 0;
    for (const auto& r : rows_) {
        if (!r.planned) continue;
        const double w = r.expected_ms > 0 ? r.expected_ms : fallback;
        total += w;
        if (r.state == StageRow::State::Done || r.state == StageRow::State::Skipped) done += w;
        else if (r.state == StageRow::State::Running) done += w * r.percent / 100.0;
    }
    // Never backwards, and 100 only when the job has ended well.
    const int percent = total > 0 ? std::min(99, int(100 * done / total)) : 0;
    if (percent > overall_) {
        overall_ = percent;
        emit overall_changed(percent);
    }
}

}  // namespace ps::ui
