#include "formats/musicxml/TextLines.hpp"

#include <algorithm>

namespace mos::formats::musicxml {

LineColumn TextLines::at(std::size_t offset) {
    if (lineStarts_.empty()) {
        lineStarts_.push_back(0);
        for (std::size_t i = text_.find('\n'); i != std::string_view::npos; i = text_.find('\n', i + 1)) {
            lineStarts_.push_back(i + 1);
        }
    }
    offset = std::min(offset, text_.size());
    const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const std::size_t lineStart = *(next - 1);
    std::int64_t column = 1;
    for (std::size_t i = lineStart; i < offset; ++i) {
        // Count code points: every byte but UTF-8 continuation bytes starts a character.
        if ((static_cast<unsigned char>(text_[i]) & 0xC0U) != 0x80U) ++column;
    }
    return {static_cast<std::int64_t>(next - lineStarts_.begin()), column};
}

}  // namespace mos::formats::musicxml
