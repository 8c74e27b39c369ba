#pragma once

// Line and column of a byte offset in a text, for error messages: parsers such as pugixml report
// byte offsets, people look for lines. The line starts are found once, on the first question.

#include <cstdint>
#include <string_view>
#include <vector>

namespace mos::formats::musicxml {

struct LineColumn {
    std::int64_t line = 1;    // 1-based
    std::int64_t column = 1;  // 1-based, in characters (UTF-8 code points)
};

class TextLines {
public:
    // Keeps a view of `text`, which must outlive this object. Thread: any. RT-safe: yes.
    explicit TextLines(std::string_view text) noexcept : text_{text} {}

    // Where `offset` lies; an offset past the end is clamped to it. Thread: any (not concurrently
    // with itself: the first call builds the index). RT-safe: no.
    LineColumn at(std::size_t offset);

private:
    std::string_view text_;
    std::vector<std::size_t> lineStarts_;
};

}  // namespace mos::formats::musicxml
