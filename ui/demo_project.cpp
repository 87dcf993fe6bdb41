#include "ui/demo_project.hpp"

#include "demo_model.hpp"

#include <QStandardPaths>

namespace ps::ui {

QString default_demo_folder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/demo";
}

bool write_demo_project(const QString& folder, QString* error) {
    try {
        demo::write_demo_project(folder.toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

}  // namespace ps::ui
