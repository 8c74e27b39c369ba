#pragma once

// UTF-8 validation shared by the JSON writer (which replaces what is not UTF-8) and the JSON
// locator (which reports it as a syntax error, as simdjson does).

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

}  // namespace mos::core
