#include "audio/sampler/MappedFile.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mos::audio::sampler {

namespace {

using core::ErrorCode;

core::Error systemError(int code, const char* what, const std::filesystem::path& path) {
    const core::SourceLocation where{.file = path.string()};
    if (code == ENOENT) return core::fail(ErrorCode::NotFound, "no such file", where);
    return core::fail(ErrorCode::IoError, std::string{what} + ": " + std::strerror(code), where);
}

// Closes the descriptor on every path out of open(); the mapping outlives it.
struct Descriptor {
    explicit Descriptor(int descriptor) noexcept : value{descriptor} {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (value >= 0) ::close(value);
    }
    int value;
};

}  // namespace

core::Result<MappedFile> MappedFile::open(const std::filesystem::path& path) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-vararg): open(2) is variadic for its mode.
    const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.value < 0) return systemError(errno, "cannot be opened", path);
    struct stat status {};
    if (::fstat(file.value, &status) != 0) return systemError(errno, "cannot be read", path);
    if (!S_ISREG(status.st_mode)) return core::fail(ErrorCode::IoError, "not a file", {.file = path.string()});
    const auto size = static_cast<std::size_t>(status.st_size);
    if (size == 0) return MappedFile{nullptr, 0};
    void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.value, 0);
    if (address == MAP_FAILED) return systemError(errno, "cannot be mapped", path);
    return MappedFile{static_cast<const std::byte*>(address), size};
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : address_{std::exchange(other.address_, nullptr)}, size_{std::exchange(other.size_, 0)} {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        MappedFile gone{std::move(*this)};
        address_ = std::exchange(other.address_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

MappedFile::~MappedFile() {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): munmap takes the address it gave.
    if (address_ != nullptr) ::munmap(const_cast<std::byte*>(address_), size_);
}

}  // namespace mos::audio::sampler
