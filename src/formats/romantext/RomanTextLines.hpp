#pragma once

// The text level of RomanText: lines (ending at \n, \r\n or a lone \r, as old Mac files have
// them), the whitespace-separated tokens of a measure line with their columns, and header fields
// ("Time Signature: 6/8"). The reader and the format sniffer must agree on what a field and a
// measure line are, so both ask here.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace mos::formats::romantext {

struct Token {
    std::string_view text;
    std::int64_t column = 1;  // 1-based, in characters (UTF-8 code points) of its line
};

// The tokens of a line, split at spaces, tabs and no-break spaces (U+00A0, which some files hold
// where a space was meant). Thread: any. RT-safe: no.
std::vector<Token> splitTokens(std::string_view line);

// The column of a byte offset within a line: 1-based, in code points. Thread: any. RT-safe: yes.
std::int64_t columnOf(std::string_view line, std::size_t offset) noexcept;

// Spaces, tabs and no-break spaces trimmed from both ends. Thread: any. RT-safe: yes.
std::string_view trim(std::string_view text) noexcept;

// A line with nothing to read: no letter or digit at all (blank, a lone "||", the "¬†" a Mac
// Roman no-break space becomes). Thread: any. RT-safe: yes.
bool isEmptyLine(std::string_view line) noexcept;

// A measure line: "m" and a digit first ("m12 V7", "m5-6 = m1-2", "m3var1 ii"), after blanks.
// Thread: any. RT-safe: yes.
bool isMeasureLine(std::string_view line) noexcept;

// "Tag: value": a tag of letters, digits, spaces and '-' that starts with a letter (stray ", "
// before it skipped), at most 40 bytes, then a colon. "4. Mayenlied" or "m 10 b1" are no fields.
struct Field {
    std::string_view tag;    // trimmed: "Time Signature"
    std::string_view value;  // trimmed
};
// Thread: any. RT-safe: yes.
std::optional<Field> headerField(std::string_view line) noexcept;

// Whether a tag names `canonical` (lower case letters only), ignoring case, spaces and '-':
// "Time Signature", "TimeSignature" and "time signature" all name "timesignature".
// Thread: any. RT-safe: yes.
bool tagIs(std::string_view tag, std::string_view canonical) noexcept;

// A tag the RomanText format defines (Composer, Title, Analyst, Time Signature, Note …).
// Thread: any. RT-safe: yes.
bool isRomanTextTag(std::string_view tag) noexcept;

}  // namespace mos::formats::romantext
