// RomanText in two passes (RomanTextDocument.hpp): the file into measures and marks, then those
// into a score.

#include "mos/formats/RomanTextReader.hpp"

#include "formats/abc/AbcLines.hpp"
#include "formats/romantext/RomanTextDocument.hpp"
#include "formats/romantext/RomanTextLines.hpp"

namespace mos::formats {

core::Result<Imported> readRomanText(std::string_view text, const std::string& fileName) {
    Imported imported;
    const romantext::Document document = romantext::parseDocument(text, fileName, imported.warnings);
    if (document.measures.empty()) {
        return core::fail(core::ErrorCode::ParseError,
                          "no measure lines: a RomanText analysis names its measures and chords as m1 C: I b3 V",
                          {fileName, 1, 1, std::nullopt, {}});
    }
    imported.scores.push_back(romantext::buildScore(document, fileName, imported.warnings));
    return imported;
}

bool looksLikeRomanText(std::string_view text) noexcept {
    // A header is short: the corpus's longest runs a few kilobytes before its first measure line.
    constexpr std::size_t kHeaderBytes = std::size_t{64} * 1024;
    // A stray line in a header ("4. Mayenlied") is a slip; prose is no header.
    constexpr int kMaxStrayLines = 2;
    int fields = 0;
    int knownFields = 0;
    int strays = 0;
    std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (start < text.size() && start < kHeaderBytes) {
        const std::size_t end = abc::lineEnd(text, start);
        const std::string_view line = text.substr(start, end - start);
        start = abc::nextLine(text, end);
        if (romantext::isEmptyLine(line)) continue;
        if (romantext::isMeasureLine(line)) return fields == 0 || knownFields > 0;
        if (const auto field = romantext::headerField(line)) {
            ++fields;
            if (romantext::isRomanTextTag(field->tag)) ++knownFields;
        } else if (fields == 0 || ++strays > kMaxStrayLines) {
            return false;
        }
    }
    return false;
}

}  // namespace mos::formats
