#include "formats/musicxml/XmlEncoding.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace mos::formats::musicxml {
namespace {

std::uint8_t byteAt(std::string_view bytes, std::size_t at) noexcept { return static_cast<std::uint8_t>(bytes[at]); }

void appendUtf8(std::string& out, std::uint32_t codePoint) {
    if (codePoint < 0x80U) {
        out.push_back(static_cast<char>(codePoint));
    } else if (codePoint < 0x800U) {
        out.push_back(static_cast<char>(0xC0U | (codePoint >> 6U)));
        out.push_back(static_cast<char>(0x80U | (codePoint & 0x3FU)));
    } else if (codePoint < 0x10000U) {
        out.push_back(static_cast<char>(0xE0U | (codePoint >> 12U)));
        out.push_back(static_cast<char>(0x80U | ((codePoint >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (codePoint & 0x3FU)));
    } else {
        out.push_back(static_cast<char>(0xF0U | (codePoint >> 18U)));
        out.push_back(static_cast<char>(0x80U | ((codePoint >> 12U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | ((codePoint >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (codePoint & 0x3FU)));
    }
}

std::string fromUtf16(std::string_view bytes, bool bigEndian) {
    constexpr std::uint32_t kReplacement = 0xFFFDU;
    std::string out;
    out.reserve(bytes.size() / 2 + bytes.size() / 8);
    const auto unitAt = [&](std::size_t at) -> std::uint32_t {
        const std::uint32_t first = byteAt(bytes, at);
        const std::uint32_t second = byteAt(bytes, at + 1);
        return bigEndian ? (first << 8U) | second : (second << 8U) | first;
    };
    const std::size_t units = bytes.size() / 2;
    for (std::size_t i = 0; i < units; ++i) {
        const std::uint32_t unit = unitAt(2 * i);
        if (unit >= 0xD800U && unit <= 0xDBFFU && i + 1 < units) {
            const std::uint32_t low = unitAt(2 * (i + 1));
            if (low >= 0xDC00U && low <= 0xDFFFU) {
                appendUtf8(out, 0x10000U + ((unit - 0xD800U) << 10U) + (low - 0xDC00U));
                ++i;
                continue;
            }
        }
        appendUtf8(out, unit >= 0xD800U && unit <= 0xDFFFU ? kReplacement : unit);
    }
    if (bytes.size() % 2 != 0) appendUtf8(out, kReplacement);
    return out;
}

std::string fromLatin1(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char c : bytes) appendUtf8(out, static_cast<std::uint8_t>(c));
    return out;
}

// The encoding named in `<?xml … encoding="…"?>` when it is a single-byte Latin one.
bool declaresLatin1(std::string_view bytes) {
    if (bytes.substr(0, 5) != "<?xml") return false;
    const auto end = bytes.find("?>");
    if (end == std::string_view::npos) return false;
    const std::string_view declaration = bytes.substr(0, end);
    const auto at = declaration.find("encoding");
    if (at == std::string_view::npos) return false;
    const auto quote = declaration.find_first_of("\"'", at);
    if (quote == std::string_view::npos) return false;
    const auto close = declaration.find(declaration[quote], quote + 1);
    if (close == std::string_view::npos) return false;
    std::string name{declaration.substr(quote + 1, close - quote - 1)};
    std::transform(name.begin(), name.end(), name.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "iso8859-1" ||
           name == "windows-1252" || name == "cp1252" || name == "us-ascii" || name == "ascii";
}

}  // namespace

std::string_view decodeXmlText(std::string_view bytes, std::string& storage) {
    if (bytes.size() >= 3 && byteAt(bytes, 0) == 0xEF && byteAt(bytes, 1) == 0xBB && byteAt(bytes, 2) == 0xBF) {
        return bytes.substr(3);
    }
    if (bytes.size() >= 2 && byteAt(bytes, 0) == 0xFF && byteAt(bytes, 1) == 0xFE) {
        return storage = fromUtf16(bytes.substr(2), false);
    }
    if (bytes.size() >= 2 && byteAt(bytes, 0) == 0xFE && byteAt(bytes, 1) == 0xFF) {
        return storage = fromUtf16(bytes.substr(2), true);
    }
    // Without a BOM, UTF-16 still shows itself by the zero byte beside the opening '<'.
    if (bytes.size() >= 4 && bytes[0] == '<' && bytes[1] == '\0' && bytes[2] != '\0' && bytes[3] == '\0') {
        return storage = fromUtf16(bytes, false);
    }
    if (bytes.size() >= 4 && bytes[0] == '\0' && bytes[1] == '<' && bytes[2] == '\0' && bytes[3] != '\0') {
        return storage = fromUtf16(bytes, true);
    }
    if (declaresLatin1(bytes)) return storage = fromLatin1(bytes);
    return bytes;
}

}  // namespace mos::formats::musicxml
