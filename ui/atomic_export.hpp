#pragma once
// GUI exports (chart PNG/PDF, the run report) are artifacts like any other: written through
// ps::write_file_atomically, so a crash or a kill mid-export leaves the previous file or
// none — never a half-written one, nor a temporary file next to it. Qt's PDF and image
// writers want a file name: they render into a private temporary folder first.
#include <QByteArray>
#include <QString>
#include <functional>

namespace ps::ui {

// `render(temp_path)` writes the export to temp_path (a file in a fresh temporary folder)
// and says whether it succeeded; its bytes then replace `path` atomically. On failure
// `error` names the file.
bool export_atomically(const QString& path, const std::function<bool(const QString& temp_path)>& render,
                       QString* error);
// Bytes made in memory (CSV): straight through ps::write_file_atomically.
bool export_atomically(const QString& path, const QByteArray& bytes, QString* error);

}  // namespace ps::ui
