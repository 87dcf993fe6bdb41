#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "core/util/process_usage.hpp"
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace ps {

namespace fs = std::filesystem;

namespace {

void write_all(int fd, std::span<const uint8_t> bytes, const fs::path& path, const std::function<void()>& cleanup) {
    size_t off = 0;
    while (off < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            cleanup();
            throw Error(path.string(), "write failed: " + why, "check free disk space");
        }
        off += size_t(n);
    }
    if (::fsync(fd) != 0) {
        const std::string why = std::strerror(errno);
        cleanup();
        throw Error(path.string(), "flush failed: " + why);
    }
}

std::string temp_template(const fs::path& dir, const fs::path& path) {
    std::string name = ".";
    name.append(path.filename().string()).append(".tmpXXXXXX");
    return (dir / name).string();
}

// An unnamed file (O_TMPFILE) holds the bytes while they are written: a process killed
// mid-write leaves nothing behind, the kernel frees the inode. It gets a name only when
// complete: linkat straight to the target when there is none, else to a temporary name
// renamed over the target at once (linkat cannot replace), so the window in which a kill
// leaves a .tmp file is two system calls, not the whole write. Returns false when the
// filesystem has no O_TMPFILE (tmpfs before 3.11, some network filesystems).
bool write_via_unnamed_file(const fs::path& dir, const fs::path& path, std::span<const uint8_t> bytes) {
    const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL) return false;
        throw Error(path.string(), std::string("cannot create a temporary file: ") + std::strerror(errno),
                    "check that the folder exists and is writable");
    }
    write_all(fd, bytes, path, [fd] { ::close(fd); });
    ::fchmod(fd, 0644);
    // /proc/self/fd needs no CAP_DAC_READ_SEARCH, unlike linkat(fd, "", ..., AT_EMPTY_PATH).
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        ::close(fd);
        return true;
    }
    if (errno != EEXIST) {
        const int err = errno;
        ::close(fd);
        if (err == ENOENT) return false;  // no /proc: name it the classic way
        throw Error(path.string(), std::string("cannot link the finished file into place: ") + std::strerror(err));
    }
    for (int attempt = 0; attempt < 16; ++attempt) {
        std::string tmp = temp_template(dir, path);
        const int probe = ::mkstemp(tmp.data());  // reserves a fresh name, then frees it for linkat
        if (probe < 0) break;
        ::close(probe);
        ::unlink(tmp.c_str());
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            if (errno == EEXIST) continue;
            break;
        }
        ::close(fd);
        if (std::rename(tmp.c_str(), path.c_str()) != 0) {
            const std::string why = std::strerror(errno);
            ::unlink(tmp.c_str());
            throw Error(path.string(), "cannot move the finished file into place: " + why);
        }
        return true;
    }
    const std::string why = std::strerror(errno);
    ::close(fd);
    throw Error(path.string(), "cannot name the finished file: " + why);
}

// Named temporary file, renamed into place; removed on every failure we live through.
void write_via_named_temp(const fs::path& dir, const fs::path& path, std::span<const uint8_t> bytes) {
    std::string tmpl = temp_template(dir, path);
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        throw Error(path.string(), std::string("cannot create a temporary file: ") + std::strerror(errno),
                    "check that the folder exists and is writable");
    write_all(fd, bytes, path, [&] {
        ::close(fd);
        ::unlink(tmpl.c_str());
    });
    if (::close(fd) != 0) {
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

}  // namespace

void write_file_atomically(const fs::path& path, std::span<const uint8_t> bytes) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!write_via_unnamed_file(dir, path, bytes)) write_via_named_temp(dir, path, bytes);
}

void write_file_atomically(const fs::path& path, std::string_view text) {
    write_file_atomically(path, std::span<const uint8_t>(
                                    reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

namespace {

constexpr const char* max_file_bytes_variable = "PROOFSCOPE_MAX_FILE_BYTES";

std::string gigabytes(uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / 1e9);
    return text;
}

// Every reader loads its file whole, so a file is refused before the allocation when it
// cannot fit: larger than the memory available now (or than PROOFSCOPE_MAX_FILE_BYTES,
// when set, which also lets a user raise the bar), rather than ending in std::bad_alloc
// or the OOM killer.
void check_file_size(const fs::path& path, uint64_t size) {
    if (const char* text = std::getenv(max_file_bytes_variable)) {
        char* end = nullptr;
        const unsigned long long limit = std::strtoull(text, &end, 10);
        if (end != text && *end == '\0' && limit > 0) {
            if (size > limit)
                throw Error(path.string(),
                            "is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(limit) +
                                " bytes (" + max_file_bytes_variable + ")",
                            std::string("check that this is the right file, or raise ") + max_file_bytes_variable);
            return;
        }
    }
    const uint64_t available = available_memory_bytes();
    if (available > 0 && size > available)
        throw Error(path.string(),
                    "is " + gigabytes(size) + "; reading it needs that much memory and " + gigabytes(available) +
                        " is available",
                    std::string("check that this is the right file, free memory, or set ") + max_file_bytes_variable +
                        " to read it anyway");
}

}  // namespace

std::vector<uint8_t> read_file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string(), "cannot open the file", "check the path");
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0);
    if (size > 0) check_file_size(path, uint64_t(size));
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
