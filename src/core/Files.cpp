#include "mos/core/Files.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace mos::core {

namespace {

namespace fs = std::filesystem;

// An open file descriptor, closed at scope end.
class Descriptor {
public:
    explicit Descriptor(int descriptor) noexcept : descriptor_{descriptor} {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (descriptor_ >= 0) {
            ::close(descriptor_);
        }
    }
    int get() const noexcept { return descriptor_; }

private:
    int descriptor_;
};

Error ioError(const fs::path& path, std::string_view what, int errorNumber) {
    return fail(errorNumber == ENOENT ? ErrorCode::NotFound : ErrorCode::IoError,
                std::string{what} + ": " + std::strerror(errorNumber), SourceLocation{path.string()});
}

Result<void> writeAll(int descriptor, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(descriptor, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ioError(path, "cannot write", errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return {};
}

}  // namespace

Result<std::string> readWholeFile(const fs::path& path) {
    const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.get() < 0) {
        return ioError(path, "cannot open", errno);
    }
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(file.get(), buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ioError(path, "cannot read", errno);  // EISDIR for a folder
        }
        if (got == 0) {
            return bytes;
        }
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
}

Result<void> writeFileAtomically(const fs::path& path, std::string_view bytes) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path{"."};
    fs::path temporary = path;
    temporary += ".tmp-" + std::to_string(::getpid());
    {
        const Descriptor file{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
        if (file.get() < 0) {
            return ioError(path, "cannot create", errno);
        }
        auto written = writeAll(file.get(), bytes, path);
        if (written && ::fsync(file.get()) != 0) {
            written = ioError(path, "cannot flush", errno);
        }
        if (!written) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            return written;
        }
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int errorNumber = errno;
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return ioError(path, "cannot replace", errorNumber);
    }
    // The rename is durable only once the folder's entry is on disk.
    const Descriptor directory{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (directory.get() >= 0) {
        ::fsync(directory.get());
    }
    return {};
}

}  // namespace mos::core
