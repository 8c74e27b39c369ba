#pragma once

// A file mapped read-only into memory. A SoundFont is mostly sample data, and a render plays only
// a few of its presets: mapped, only the pages of the samples those presets use are ever read,
// where reading the whole file would copy every byte of it first.

#include <cstddef>
#include <filesystem>
#include <span>

#include "mos/core/Result.hpp"

namespace mos::audio::sampler {

class MappedFile {
public:
    // NotFound when `path` does not exist, IoError when it is not a regular file or cannot be
    // mapped. Thread: control. RT-safe: no.
    static core::Result<MappedFile> open(const std::filesystem::path& path);

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::span<const std::byte> bytes() const noexcept { return {address_, size_}; }

private:
    MappedFile(const std::byte* address, std::size_t size) noexcept : address_{address}, size_{size} {}

    const std::byte* address_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace mos::audio::sampler
