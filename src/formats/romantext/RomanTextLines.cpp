#include "formats/romantext/RomanTextLines.hpp"

#include <array>

namespace mos::formats::romantext {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::size_t kMaxTagBytes = 40;

// The length of the blank at `at` (space, tab or no-break space); 0 when there is none.
std::size_t blankAt(std::string_view text, std::size_t at) noexcept {
    if (at >= text.size()) return 0;
    if (text[at] == ' ' || text[at] == '\t') return 1;
    return text.substr(at, kNoBreakSpace.size()) == kNoBreakSpace ? kNoBreakSpace.size() : 0;
}

bool isLetter(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }
char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::vector<Token> splitTokens(std::string_view line) {
    std::vector<Token> tokens;
    std::size_t at = 0;
    while (at < line.size()) {
        if (const std::size_t blank = blankAt(line, at); blank > 0) {
            at += blank;
            continue;
        }
        const std::size_t start = at;
        while (at < line.size() && blankAt(line, at) == 0) ++at;
        tokens.push_back({line.substr(start, at - start), columnOf(line, start)});
    }
    return tokens;
}

std::int64_t columnOf(std::string_view line, std::size_t offset) noexcept {
    std::int64_t column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
        // Continuation bytes (10xxxxxx) belong to the character before them.
        if ((static_cast<unsigned char>(line[i]) & 0xC0U) != 0x80U) ++column;
    }
    return column;
}

std::string_view trim(std::string_view text) noexcept {
    std::size_t begin = 0;
    while (const std::size_t blank = blankAt(text, begin)) begin += blank;
    std::size_t end = text.size();
    while (end > begin) {
        if (text[end - 1] == ' ' || text[end - 1] == '\t') {
            --end;
        } else if (end - begin >= kNoBreakSpace.size() &&
                   text.substr(end - kNoBreakSpace.size(), kNoBreakSpace.size()) == kNoBreakSpace) {
            end -= kNoBreakSpace.size();
        } else {
            break;
        }
    }
    return text.substr(begin, end - begin);
}

bool isEmptyLine(std::string_view line) noexcept {
    for (const char c : line) {
        if (isLetter(c) || isDigit(c)) return false;
    }
    return true;
}

bool isMeasureLine(std::string_view line) noexcept {
    const std::string_view text = trim(line);
    return text.size() >= 2 && text[0] == 'm' && isDigit(text[1]);
}

std::optional<Field> headerField(std::string_view line) noexcept {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view tag = line.substr(0, colon);
    // Stray punctuation before the tag (", Composer: Goudimel") is a typing slip, not a new tag.
    while (!tag.empty() && (tag.front() == ',' || tag.front() == ';' || tag.front() == '.')) {
        tag = trim(tag.substr(1));
    }
    tag = trim(tag);
    if (tag.empty() || tag.size() > kMaxTagBytes || !isLetter(tag.front())) return std::nullopt;
    for (const char c : tag) {
        if (!isLetter(c) && !isDigit(c) && c != ' ' && c != '-' && c != '_') return std::nullopt;
    }
    return Field{tag, trim(line.substr(colon + 1))};
}

bool tagIs(std::string_view tag, std::string_view canonical) noexcept {
    std::size_t at = 0;
    for (const char c : tag) {
        if (c == ' ' || c == '-' || c == '_') continue;
        if (at >= canonical.size() || lower(c) != canonical[at]) return false;
        ++at;
    }
    return at == canonical.size();
}

bool isRomanTextTag(std::string_view tag) noexcept {
    static constexpr std::array<std::string_view, 17> kTags{
        "composer", "title", "analyst",   "proofreader", "timesignature", "keysignature",
        "movement", "piece", "work",      "madrigal",    "bwv",           "note",
        "form",     "pedal", "rtversion", "sixthminor",  "seventhminor",
    };
    for (const std::string_view known : kTags) {
        if (tagIs(tag, known)) return true;
    }
    return false;
}

}  // namespace mos::formats::romantext
