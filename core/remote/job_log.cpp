#include "core/remote/job_log.hpp"

#include <fstream>
#include <sstream>
#include <vector>

namespace ps::remote {

std::string readable_log(std::string_view raw) {
    std::string out, line;
    for (char c : raw) {
        if (c == '\r') line.clear();
        else if (c == '\n') out += line + '\n', line.clear();
        else line += c;
    }
    return out + line;
}

std::string log_tail(const std::filesystem::path& log, size_t max_lines) {
    std::ifstream in(log, std::ios::binary);
    if (!in) return {};
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = readable_log(ss.str());
    size_t start = text.size(), lines = 0;
    // Count back over max_lines line ends, ignoring the final one.
    for (size_t i = text.size(); i-- > 0;) {
        if (text[i] == '\n' && i + 1 != text.size() && ++lines == max_lines) break;
        start = i;
    }
    return text.substr(start);
}

}  // namespace ps::remote
