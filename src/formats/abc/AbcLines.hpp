#pragma once

// Lines as ABC files have them: ending at \n, \r\n or a lone \r. The tokenizer, the tune-book
// splitter and the macro expander must count lines alike, and agree on which line is a field, so
// that all give a place the same line number.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mos::formats::abc {

// Where the line starting at `start` ends (the index of its \n or \r, or the text's end). memchr
// finds the \n; a line seldom has a \r before it. Thread: any. RT-safe: yes.
inline std::size_t lineEnd(std::string_view text, std::size_t start) noexcept {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t carriageReturn = text.substr(start, end - start).find('\r');
    return carriageReturn == std::string_view::npos ? end : start + carriageReturn;
}

// Where the next line starts, given where this one ends. Thread: any. RT-safe: yes.
inline std::size_t nextLine(std::string_view text, std::size_t end) noexcept {
    if (end >= text.size()) return text.size();
    return end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
}

// The letter of a field, "K" in "K:G" and "[K:G]". Thread: any. RT-safe: yes.
inline bool isFieldLetter(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+'; }

// A whole-line field: "K:G", "m: ~G3 = G{A}G{F}G". Thread: any. RT-safe: yes.
inline bool isFieldLine(std::string_view line) noexcept {
    return line.size() >= 2 && isFieldLetter(line[0]) && line[1] == ':';
}

// A field's value without its trailing "% comment" ("\%" is a literal percent sign).
// Thread: any. RT-safe: yes.
inline std::string_view withoutComment(std::string_view value) noexcept {
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '%' && (i == 0 || value[i - 1] != '\\')) return value.substr(0, i);
    }
    return value;
}

// What a line is, by its first characters; only music lines are scanned further.
enum class LineKind : std::uint8_t { Blank, Directive, Comment, Field, Music };

// Thread: any. RT-safe: yes.
inline LineKind lineKind(std::string_view line) noexcept {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) return LineKind::Blank;
    if (line.starts_with("%%")) return LineKind::Directive;
    if (line.front() == '%') return LineKind::Comment;  // a comment line is not a line of music
    if (isFieldLine(line)) return LineKind::Field;
    return LineKind::Music;
}

}  // namespace mos::formats::abc
