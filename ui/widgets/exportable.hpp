#pragma once
// A view that can be saved: every plot to PNG/PDF/CSV, the raw table to CSV. The main
// window's File ▸ Export asks the current view for this interface.
#include <QString>
#include <QStringList>

namespace ps::ui {

class Exportable {
public:
    virtual ~Exportable() = default;
    virtual QString export_base_name() const = 0;   // "heatmap_conv1", used as the default file name
    virtual QStringList export_formats() const = 0;  // {"png", "pdf", "csv"}
    // Writes `path` in the format its suffix names; false with *error filled on failure.
    virtual bool export_to(const QString& path, QString* error) const = 0;
};

}  // namespace ps::ui
