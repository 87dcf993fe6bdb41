#pragma once
// File ▸ Open demo project: the demo digit classifier (resources/demo) written into the
// user's data folder the first time, so a new user has something to look at at once.
#include <QString>

namespace ps::ui {

QString default_demo_folder();  // <AppDataLocation>/demo
// Writes network.onnx and input.json into `folder`; false with *error on failure.
bool write_demo_project(const QString& folder, QString* error);

}  // namespace ps::ui
