#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ps {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, std::span<const uint8_t> bytes) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string name = ".";
    name.append(path.filename().string()).append(".tmpXXXXXX");
    std::string tmpl = (dir / name).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        throw Error(path.string(), std::string("cannot create a temporary file: ") + std::strerror(errno),
                    "check that the folder exists and is writable");
    size_t off = 0;
    while (off < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            throw Error(path.string(), "write failed: " + why, "check free disk space");
        }
        off += size_t(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmpl.c_str());
        throw Error(path.string(), std::string("flush failed: ") + std::strerror(errno));
    }
    ::chmod(tmpl.c_str(), 0644);
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        throw Error(path.string(), "cannot move the finished file into place: " + why);
    }
}

void write_file_atomically(const fs::path& path, std::string_view text) {
    write_file_atomically(path, std::span<const uint8_t>(
                                    reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

std::vector<uint8_t> read_file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string(), "cannot open the file", "check the path");
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0);
    std::vector<uint8_t> out(size > 0 ? size_t(size) : 0);
    if (!out.empty() && !in.read(reinterpret_cast<char*>(out.data()), std::streamsize(out.size())))
        throw Error(path.string(), "read failed");
    return out;
}

std::string read_file_text(const fs::path& path) {
    const auto b = read_file_bytes(path);
    return std::string(b.begin(), b.end());
}

}  // namespace ps
