#include "ui/jobs/error_report.hpp"

#include "core/util/error.hpp"

namespace ps::ui {

ErrorReport ErrorReport::from_exception(const QString& task, const std::exception& e) {
    ErrorReport r;
    r.task = task;
    if (const auto* pe = dynamic_cast<const Error*>(&e)) {
        r.where = QString::fromStdString(pe->where());
        r.problem = QString::fromStdString(pe->problem());
        r.fix = QString::fromStdString(pe->fix());
    } else if (dynamic_cast<const std::bad_alloc*>(&e)) {
        r.problem = "ran out of memory";
        r.fix = "close other programs or try a smaller model / logrows";
    } else {
        r.problem = QString::fromUtf8(e.what());
        r.fix = "if this keeps happening, report it with the files that caused it";
    }
    return r;
}

QString ErrorReport::one_line() const {
    QString s = where.isEmpty() ? problem : where + ": " + problem;
    if (!fix.isEmpty()) s += " — " + fix;
    return s;
}

}  // namespace ps::ui
