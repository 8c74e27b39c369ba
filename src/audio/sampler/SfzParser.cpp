#include "audio/sampler/SfzParser.hpp"

#include <cstddef>
#include <string_view>

namespace mos::audio::sfz {

namespace {

bool isNameChar(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isBlank(char c) noexcept { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

bool isSpace(char c) noexcept { return isBlank(c) || c == '\r' || c == '\n'; }

bool isLineEnd(char c) noexcept { return c == '\r' || c == '\n'; }

std::size_t nameLength(std::string_view text, std::size_t at) noexcept {
    std::size_t end = at;
    while (end < text.size() && isNameChar(text[end])) ++end;
    return end - at;
}

// Whether an opcode ("name=") starts at `at`.
bool opcodeStarts(std::string_view text, std::size_t at) noexcept {
    const std::size_t length = nameLength(text, at);
    return length > 0 && at + length < text.size() && text[at + length] == '=';
}

// Where the value starting at `at` ends, trailing blanks excluded.
std::size_t valueEnd(std::string_view text, std::size_t at) noexcept {
    std::size_t end = at;  // one past the last non-blank byte so far
    for (std::size_t i = at; i < text.size();) {
        const char c = text[i];
        if (isLineEnd(c) || c == '<') break;
        if (isBlank(c)) {
            std::size_t next = i;
            while (next < text.size() && isBlank(text[next])) ++next;
            if (opcodeStarts(text, next)) break;
            i = next;
            continue;
        }
        end = ++i;
    }
    return end;
}

std::string_view excerpt(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && !isSpace(text[end]) && end - at < 40) ++end;
    return text.substr(at, end - at);
}

}  // namespace

core::Result<std::vector<Statement>> parseStatements(const PreprocessedText& preprocessed) {
    const std::string_view text = preprocessed.text();
    std::vector<Statement> statements;
    std::size_t at = 0;
    while (true) {
        while (at < text.size() && isSpace(text[at])) ++at;
        if (at == text.size()) return statements;

        if (text[at] == '<') {
            const std::size_t close = text.find_first_of(">\n<=", at + 1);
            const std::string_view name = text.substr(at + 1, close == std::string_view::npos ? close : close - at - 1);
            if (close == std::string_view::npos || text[close] != '>' || name.empty() ||
                nameLength(name, 0) != name.size()) {
                return core::fail(core::ErrorCode::ParseError,
                                  "'" + std::string{excerpt(text, at)} + "' is no header like <region>",
                                  preprocessed.locate(at));
            }
            statements.emplace_back(Header{std::string{name}, preprocessed.locate(at)});
            at = close + 1;
            continue;
        }

        if (!opcodeStarts(text, at)) {
            return core::fail(
                core::ErrorCode::ParseError,
                "expected an opcode (name=value) or a header, found '" + std::string{excerpt(text, at)} + "'",
                preprocessed.locate(at));
        }
        const std::size_t length = nameLength(text, at);
        const std::size_t valueStart = at + length + 1;
        const std::size_t end = valueEnd(text, valueStart);
        statements.emplace_back(Opcode{std::string{text.substr(at, length)},
                                       std::string{text.substr(valueStart, end - valueStart)}, preprocessed.locate(at),
                                       preprocessed.locate(valueStart)});
        at = end;
    }
}

}  // namespace mos::audio::sfz
