#pragma once

// UTF-8 validation, shared by everything that reads or writes text of uncertain encoding: the JSON
// writer (which replaces what is not UTF-8), the JSON locator (which reports it as a syntax error,
// as simdjson does), the MIDI reader (whose text has no declared encoding) and the MusicXML
// writer (which replaces what XML cannot hold).
//
//   utf8SequenceLength("\xC3\xA9", 0)  -> 2      (é)
//   utf8SequenceLength("\xC0\xAF", 0)  -> 0      (an overlong '/')
//   isValidUtf8("caf\xC3\xA9")         -> true;   isValidUtf8("caf\xE9") -> false (Latin-1)

#include <cstddef>
#include <string_view>

namespace mos::core {

// The length of the well-formed UTF-8 sequence starting at text[at] (a byte >= 0x80), 0 when it is
// not one: no overlong forms, no surrogates, nothing above U+10FFFF (RFC 3629).
// Thread: any. RT-safe: yes.
inline std::size_t utf8SequenceLength(std::string_view text, std::size_t at) noexcept {
    const auto byte = [&](std::size_t i) {
        return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0U;
    };
    const auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0U) == 0x80U; };
    const unsigned lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned second = byte(1);
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)) return 0;
        return continuation(1) && continuation(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned second = byte(1);
        if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) return 0;
        return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
}

// Whether all of `text` is well-formed UTF-8 (ASCII is). Thread: any. RT-safe: yes.
inline bool isValidUtf8(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80U) {
            ++i;
            continue;
        }
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

}  // namespace mos::core
