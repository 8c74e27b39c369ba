#pragma once

// The RIFF layer of a SoundFont: little-endian fields and chunk walking, every read bounds-checked
// against the chunk it belongs to, so a lying size field becomes an error naming its byte offset
// instead of a read past the end.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mos/core/Result.hpp"

namespace mos::audio::sf2 {

using Bytes = std::span<const std::byte>;

inline std::uint8_t readU8(Bytes bytes, std::size_t at) noexcept { return std::to_integer<std::uint8_t>(bytes[at]); }
inline std::uint16_t readU16(Bytes bytes, std::size_t at) noexcept {
    return static_cast<std::uint16_t>(readU8(bytes, at) | (readU8(bytes, at + 1) << 8U));
}
inline std::int16_t readI16(Bytes bytes, std::size_t at) noexcept {
    return static_cast<std::int16_t>(readU16(bytes, at));
}
inline std::uint32_t readU32(Bytes bytes, std::size_t at) noexcept {
    return std::uint32_t{readU16(bytes, at)} | (std::uint32_t{readU16(bytes, at + 2)} << 16U);
}

// A fixed-size text field (SoundFont names are 20 bytes, NUL-padded): up to the first NUL, with
// control and non-ASCII bytes shown as '?', so names print safely in warnings.
std::string readName(Bytes bytes, std::size_t at, std::size_t size);

// One chunk: its four-character id and where its data lies in the whole file.
struct Chunk {
    std::string id{};
    std::size_t headerOffset = 0;  // of the id, for errors
    std::size_t dataOffset = 0;
    std::size_t size = 0;

    bool is(std::string_view fourCc) const noexcept { return id == fourCc; }
    std::size_t end() const noexcept { return dataOffset + size; }
};

// Where the three lists of an 'sfbk' form are. `info`, `sdta` and `pdta` hold the data of each
// LIST after its type tag.
struct SfbkLayout {
    Chunk info{};
    Chunk sdta{};
    Chunk pdta{};
};

// Builds the errors of one file: "<name> at byte <offset>: <message>".
class FileErrors {
public:
    explicit FileErrors(std::string fileName) : fileName_{std::move(fileName)} {}

    core::Error at(std::size_t byteOffset, std::string message,
                   core::ErrorCode code = core::ErrorCode::ParseError) const;
    const std::string& fileName() const noexcept { return fileName_; }

private:
    std::string fileName_;
};

// Checks the RIFF header and finds the INFO, sdta and pdta lists. Thread: any. RT-safe: no.
core::Result<SfbkLayout> readSfbkLayout(Bytes file, const FileErrors& errors);

// The sub-chunks inside `parent`'s data, each checked to fit in it. Thread: any. RT-safe: no.
core::Result<std::vector<Chunk>> readSubChunks(Bytes file, const Chunk& parent, const FileErrors& errors);

}  // namespace mos::audio::sf2
