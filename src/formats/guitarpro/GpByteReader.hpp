#pragma once

// The primitives of the Guitar Pro 3-5 binary format (little-endian integers, three kinds of
// length-prefixed Windows-1252 strings), read front to back from a byte span with every read
// bounds-checked.
//
// Failure is sticky: the first failed read records an error with the file name, byte offset and
// the measure being read, and from then on every read returns 0 or "" without moving. Parsers read
// on and check ok() where they loop or branch, so they need no error plumbing per field.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "mos/core/Error.hpp"

namespace mos::formats::gp {

class ByteReader {
public:
    ByteReader(std::span<const std::byte> bytes, std::string fileName) noexcept
        : bytes_{bytes}, fileName_{std::move(fileName)} {}

    bool ok() const noexcept { return !error_; }
    std::size_t position() const noexcept { return position_; }
    std::size_t remaining() const noexcept { return bytes_.size() - position_; }
    // Whether every byte not read yet is 0 (Guitar Pro pads some files with a few).
    bool restIsZero() const noexcept;
    // The first failure. Only when !ok().
    const core::Error& error() const noexcept { return *error_; }

    std::uint8_t u8();
    std::int8_t i8();
    bool boolean() { return u8() != 0; }
    std::int16_t i16();
    std::int32_t i32();
    void skip(std::size_t count);

    // A length byte, then a field of `fieldSize` bytes holding that many characters (track names,
    // the version string).
    std::string byteSizeString(std::size_t fieldSize);
    // A 32-bit length, then that many characters (lyrics).
    std::string intSizeString();
    // A 32-bit field size, then a length byte and the rest of the field (most texts).
    std::string intByteSizeString();

    // Reads a 32-bit count and checks that it is non-negative and small enough that `count` items of
    // at least `minBytesEach` bytes fit in what is left, so no loop or allocation can run away.
    // Fails (returning 0) otherwise; `what` names the count in the error.
    std::size_t count(std::size_t minBytesEach, std::string_view what);

    // Records a failure at `offset` (the start of the offending value) unless one is recorded.
    void failAt(std::size_t offset, std::string message, core::ErrorCode code = core::ErrorCode::ParseError);
    // The place for warnings and errors: file, byte offset and the current measure.
    core::SourceLocation locationAt(std::size_t offset) const;

    // The label of the measure being read ("12"), for every later error; empty outside measures.
    void setMeasure(std::string label) { measure_ = std::move(label); }

private:
    bool take(std::size_t count, std::string_view what);

    std::span<const std::byte> bytes_;
    std::size_t position_ = 0;
    std::string fileName_;
    std::string measure_;
    std::optional<core::Error> error_;
};

// Windows-1252 (what Guitar Pro writes) as UTF-8, up to the first NUL.
std::string decodeWindows1252(std::span<const std::byte> text);

}  // namespace mos::formats::gp
