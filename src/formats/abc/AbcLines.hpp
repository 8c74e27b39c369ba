#pragma once

// Lines as ABC files have them: ending at \n, \r\n or a lone \r. The tokenizer and the tune-book
// splitter must count lines alike, so that both give a place the same line number.

#include <cstddef>
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

}  // namespace mos::formats::abc
