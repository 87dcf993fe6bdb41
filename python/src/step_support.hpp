#pragma once
// What every step binding shares: paths resolved as the CLI resolves them (a folder means
// EZKL's default file name inside it) and JSON artifacts handed back as Python objects.
#include "core/pipeline/project.hpp"
#include "core/util/atomic_file.hpp"
#include "module.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>

namespace ps::python {

namespace py = pybind11;
using Path = std::filesystem::path;

inline Path resolved(const Path& given, pipeline::Artifact a) { return pipeline::resolve_path(given, a); }
inline Path resolved(const std::optional<Path>& given, pipeline::Artifact a) {
    return pipeline::resolve_path(given.value_or(Path()), a);
}

// The file as Python's json.loads reads it: exactly what was written, as dicts and lists.
inline py::object json_file(const Path& path) {
    return py::module_::import("json").attr("loads")(read_file_text(path));
}

}  // namespace ps::python
