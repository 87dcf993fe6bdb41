#pragma once
// A job's log as a person reads it. The step writes progress bars redrawn with '\r'
// (app/cli/cli_support.cpp); in a file they pile up on one line, so only the last drawing
// of each line is kept.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace ps::remote {

std::string readable_log(std::string_view raw);
// The last `max_lines` lines of the log, readable; "" when the file does not exist yet
// (a pending job has no log).
std::string log_tail(const std::filesystem::path& log, size_t max_lines);

}  // namespace ps::remote
