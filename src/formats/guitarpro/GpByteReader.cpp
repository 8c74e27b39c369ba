#include "formats/guitarpro/GpByteReader.hpp"

#include <algorithm>
#include <array>

namespace mos::formats::gp {
namespace {

// Code points of Windows-1252 bytes 0x80…0x9F; the five unassigned bytes keep their C1 value.
constexpr std::array<char16_t, 32> kWindows1252High{0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void appendUtf8(std::string& out, char16_t codePoint) {
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0U | (codePoint >> 6U));
        out += static_cast<char>(0x80U | (codePoint & 0x3FU));
    } else {
        out += static_cast<char>(0xE0U | (codePoint >> 12U));
        out += static_cast<char>(0x80U | ((codePoint >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (codePoint & 0x3FU));
    }
}

}  // namespace

std::string decodeWindows1252(std::span<const std::byte> text) {
    std::string out;
    out.reserve(text.size());
    for (const std::byte b : text) {
        const auto value = std::to_integer<std::uint8_t>(b);
        if (value == 0) break;
        if (value >= 0x80 && value < 0xA0) {
            appendUtf8(out, kWindows1252High[value - 0x80U]);
        } else {
            appendUtf8(out, static_cast<char16_t>(value));
        }
    }
    return out;
}

bool ByteReader::restIsZero() const noexcept {
    return std::all_of(bytes_.begin() + static_cast<std::ptrdiff_t>(position_), bytes_.end(),
                       [](std::byte b) { return b == std::byte{0}; });
}

bool ByteReader::take(std::size_t count, std::string_view what) {
    if (error_) return false;
    if (count > remaining()) {
        failAt(position_, "the file ends inside " + std::string{what} + " (" + std::to_string(count) +
                              " bytes needed, " + std::to_string(remaining()) + " left)");
        return false;
    }
    return true;
}

std::uint8_t ByteReader::u8() {
    if (!take(1, "a byte")) return 0;
    return std::to_integer<std::uint8_t>(bytes_[position_++]);
}

std::int8_t ByteReader::i8() { return static_cast<std::int8_t>(u8()); }

std::int16_t ByteReader::i16() {
    if (!take(2, "a 16-bit integer")) return 0;
    const auto low = std::to_integer<std::uint16_t>(bytes_[position_]);
    const auto high = std::to_integer<std::uint16_t>(bytes_[position_ + 1]);
    position_ += 2;
    return static_cast<std::int16_t>(static_cast<std::uint16_t>(low | (high << 8U)));
}

std::int32_t ByteReader::i32() {
    if (!take(4, "a 32-bit integer")) return 0;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value |= std::to_integer<std::uint32_t>(bytes_[position_ + i]) << (8U * i);
    position_ += 4;
    return static_cast<std::int32_t>(value);
}

void ByteReader::skip(std::size_t count) {
    if (take(count, "a block of " + std::to_string(count) + " bytes")) position_ += count;
}

std::string ByteReader::byteSizeString(std::size_t fieldSize) {
    const std::size_t length = u8();
    if (!take(fieldSize, "a text field")) return {};
    const auto text = bytes_.subspan(position_, std::min(length, fieldSize));
    position_ += fieldSize;
    return decodeWindows1252(text);
}

std::string ByteReader::intSizeString() {
    const std::size_t start = position_;
    const std::int32_t length = i32();
    if (!ok()) return {};
    if (length < 0 || static_cast<std::size_t>(length) > remaining()) {
        failAt(start, "a text of " + std::to_string(length) + " bytes does not fit in the " +
                          std::to_string(remaining()) + " bytes left");
        return {};
    }
    const auto text = bytes_.subspan(position_, static_cast<std::size_t>(length));
    position_ += text.size();
    return decodeWindows1252(text);
}

std::string ByteReader::intByteSizeString() {
    const std::size_t start = position_;
    const std::int32_t fieldSize = i32();
    if (!ok()) return {};
    if (fieldSize < 1 || static_cast<std::size_t>(fieldSize) > remaining()) {
        failAt(start, "a text field of " + std::to_string(fieldSize) + " bytes does not fit in the " +
                          std::to_string(remaining()) + " bytes left");
        return {};
    }
    return byteSizeString(static_cast<std::size_t>(fieldSize) - 1);
}

std::size_t ByteReader::count(std::size_t minBytesEach, std::string_view what) {
    const std::size_t offset = position_;
    const std::int32_t value = i32();
    if (!ok()) return 0;
    if (value < 0) {
        failAt(offset, "the " + std::string{what} + " is negative (" + std::to_string(value) + ")");
        return 0;
    }
    const auto count = static_cast<std::size_t>(value);
    if (minBytesEach > 0 && count > remaining() / minBytesEach) {
        failAt(offset, "the " + std::string{what} + " " + std::to_string(count) + " needs at least " +
                           std::to_string(minBytesEach) + " bytes each, only " + std::to_string(remaining()) +
                           " are left");
        return 0;
    }
    return count;
}

void ByteReader::failAt(std::size_t offset, std::string message, core::ErrorCode code) {
    if (error_) return;
    error_ = core::fail(code, std::move(message), locationAt(offset));
}

core::SourceLocation ByteReader::locationAt(std::size_t offset) const {
    core::SourceLocation where;
    where.file = fileName_;
    where.byteOffset = static_cast<std::int64_t>(offset);
    where.measure = measure_;
    return where;
}

}  // namespace mos::formats::gp
