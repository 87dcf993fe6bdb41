#include "ui/models/recent_projects.hpp"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace ps::ui {

namespace {
constexpr const char* key = "recent_projects";
}

QString ProjectPaths::display_name() const {
    const QString name = QFileInfo(folder).fileName();
    const QString input = QFileInfo(input_json).fileName();
    const bool input_inside = QFileInfo(input_json).absolutePath() == QFileInfo(folder).absoluteFilePath();
    return input_inside ? name + " — " + input : name + " — " + input_json;
}

std::vector<ProjectPaths> RecentProjects::list() const {
    std::vector<ProjectPaths> out;
    const int n = settings_.beginReadArray(key);
    for (int i = 0; i < n; ++i) {
        settings_.setArrayIndex(i);
        ProjectPaths p{settings_.value("folder").toString(), settings_.value("input_json").toString()};
        if (!p.folder.isEmpty()) out.push_back(p);
    }
    settings_.endArray();
    return out;
}

void RecentProjects::add(const ProjectPaths& p) {
    std::vector<ProjectPaths> entries = list();
    std::erase(entries, p);
    entries.insert(entries.begin(), p);
    if (entries.size() > size_t(max_entries)) entries.resize(size_t(max_entries));
    settings_.beginWriteArray(key, int(entries.size()));
    for (int i = 0; i < int(entries.size()); ++i) {
        settings_.setArrayIndex(i);
        settings_.setValue("folder", entries[size_t(i)].folder);
        settings_.setValue("input_json", entries[size_t(i)].input_json);
    }
    settings_.endArray();
}

void RecentProjects::clear() { settings_.remove(key); }

ProjectPaths project_for_folder(const QString& folder) {
    const QString abs = QDir(folder).absolutePath();
    return {abs, abs + "/input.json"};
}

}  // namespace ps::ui
