#include "ui/atomic_export.hpp"

#include "core/util/atomic_file.hpp"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <exception>

namespace ps::ui {

bool export_atomically(const QString& path, const std::function<bool(const QString& temp_path)>& render,
                       QString* error) {
    QTemporaryDir scratch;  // removed on return, whatever happens
    const QString temp = scratch.isValid() ? scratch.filePath("export." + QFileInfo(path).suffix()) : QString();
    QFile rendered(temp);
    if (temp.isEmpty() || !render(temp) || !rendered.open(QIODevice::ReadOnly) || rendered.size() == 0) {
        if (error) *error = QString("%1: cannot be written (rendering failed)").arg(path);
        return false;
    }
    return export_atomically(path, rendered.readAll(), error);
}

bool export_atomically(const QString& path, const QByteArray& bytes, QString* error) {
    try {
        write_file_atomically(path.toStdString(),
                              std::span(reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size())));
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

}  // namespace ps::ui
