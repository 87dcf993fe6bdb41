#pragma once
// A project is an artifact folder plus the input.json to run it on. The last ten opened
// are remembered in QSettings ("recent_projects"), newest first.
#include <QString>
#include <QStringList>
#include <vector>

class QSettings;

namespace ps::ui {

struct ProjectPaths {
    QString folder;      // artifact folder (network.onnx, settings.json, ...)
    QString input_json;  // may be outside the folder
    bool operator==(const ProjectPaths&) const = default;
    QString display_name() const;  // "demo — input.json"
};

class RecentProjects {
public:
    static constexpr int max_entries = 10;
    explicit RecentProjects(QSettings& settings) : settings_(settings) {}
    std::vector<ProjectPaths> list() const;
    void add(const ProjectPaths& p);  // moves it to the front
    void clear();

private:
    QSettings& settings_;
};

// input.json for a folder: <folder>/input.json.
ProjectPaths project_for_folder(const QString& folder);

}  // namespace ps::ui
