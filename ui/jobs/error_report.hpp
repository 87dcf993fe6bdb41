#pragma once
// A failure as the error panel shows it: where (file / field / layer), what is wrong,
// and the fix — split out of ps::Error so nothing shows a raw exception text.
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <exception>

namespace ps::ui {

struct ErrorReport {
    QString task;     // "Generate witness"
    QString where;    // "input.json: input_data[0]"
    QString problem;  // "64 values expected, found 63"
    QString fix;      // "load an image in the Input view"
    QDateTime when = QDateTime::currentDateTime();

    // From any exception: ps::Error keeps its parts; anything else becomes a problem
    // with a generic fix, never a crash or a modal box.
    static ErrorReport from_exception(const QString& task, const std::exception& e);
    QString one_line() const;
};

}  // namespace ps::ui

Q_DECLARE_METATYPE(ps::ui::ErrorReport)
