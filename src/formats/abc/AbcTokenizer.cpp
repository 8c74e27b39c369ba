// ABC 2.1 lexer. Works line by line: a line is a field ("K:G"), a directive ("%%…"), a comment, blank
// (the end of a tune) or music, which is scanned character by character.

#include "mos/formats/AbcTokenizer.hpp"

#include <algorithm>
#include <array>

#include "formats/abc/AbcLines.hpp"

namespace mos::formats {
namespace {

// Characters that stand for a decoration: the shorthands . and ~, and the letters H…W and h…w ABC
// 2.1 keeps for symbols (H L M O P S T u v have standard meanings, U: gives the others one). A
// table: music is scanned a byte at a time.
constexpr std::array<bool, 256> kDecorationSymbol = [] {
    std::array<bool, 256> table{};
    table['.'] = table['~'] = true;
    for (char c = 'H'; c <= 'W'; ++c) table[static_cast<unsigned char>(c)] = true;
    for (char c = 'h'; c <= 'w'; ++c) table[static_cast<unsigned char>(c)] = true;
    return table;
}();
constexpr std::uint32_t kLargestLength = 0xFFFF;

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }
bool isNoteLetter(char c) noexcept { return (c >= 'A' && c <= 'G') || (c >= 'a' && c <= 'g'); }
bool isBlank(char c) noexcept { return c == ' ' || c == '\t'; }
bool isDecorationNameChar(char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) ||
           std::string_view{".()<>/-"}.find(c) != std::string_view::npos;
}

std::string_view trimmed(std::string_view s) noexcept {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && (isBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

class Lexer {
public:
    Lexer(std::string_view text, const std::string& fileName, std::uint32_t firstLine, AbcTokens& out)
        : text_{text}, fileName_{fileName}, line_{firstLine}, out_{out} {}

    void run() {
        out_.tokens.clear();
        out_.warnings.clear();
        out_.tokens.reserve(text_.size() * 3 / 5);  // real tune books have up to one token per two bytes
        std::size_t start = 0;
        while (start < text_.size()) {
            const std::size_t end = abc::lineEnd(text_, start);
            scanLine(text_.substr(start, end - start));
            if (end == text_.size()) break;
            start = abc::nextLine(text_, end);
            ++line_;
        }
    }

private:
    void scanLine(std::string_view line) {
        line_text_ = line;
        switch (abc::lineKind(line)) {
            case abc::LineKind::Blank:
                emit(AbcTokenKind::BlankLine, 0, {});
                return;
            case abc::LineKind::Directive:
                emit(AbcTokenKind::Directive, 0, trimmed(line.substr(2)));
                break;
            case abc::LineKind::Comment:
                return;
            case abc::LineKind::Field:
                emit(AbcTokenKind::Field, 0, trimmed(abc::withoutComment(line.substr(2)))).name = line[0];
                break;
            case abc::LineKind::Music:
                scanMusic(line);
                break;
        }
        emit(AbcTokenKind::LineBreak, line.size(), {});
    }

    void scanMusic(std::string_view line) {
        std::size_t i = 0;
        while (i < line.size()) {
            const char c = line[i];
            if (isNoteLetter(c)) {  // the most common case first
                i = note(line, i);
                continue;
            }
            if (c == '%') return;
            if (isBlank(c) || c == 'y') {
                const std::size_t from = i;
                while (i < line.size() && (isBlank(line[i]) || line[i] == 'y')) ++i;
                emit(AbcTokenKind::Space, from, line.substr(from, i - from));
            } else if (c == '"') {
                i = quoted(line, i);
            } else if (c == '!' || c == '+') {
                i = delimitedDecoration(line, i);
            } else if (kDecorationSymbol[static_cast<unsigned char>(c)]) {
                emit(AbcTokenKind::Decoration, i, line.substr(i, 1)).name = c;
                ++i;
            } else if (c == '^' || c == '_' || c == '=') {
                i = note(line, i);
            } else if (c == 'z' || c == 'x') {
                AbcToken& rest = emit(AbcTokenKind::Rest, i, line.substr(i, 1));
                rest.name = c;
                i = length(line, i + 1, rest);
            } else if (c == 'Z' || c == 'X') {
                AbcToken& rest = emit(AbcTokenKind::MeasureRest, i, line.substr(i, 1));
                rest.name = c;
                rest.lengthNumerator = number(line, ++i, 1);
            } else if (c == '[') {
                i = bracket(line, i);
            } else if (c == ']') {
                AbcToken& end = emit(AbcTokenKind::ChordEnd, i, line.substr(i, 1));
                i = length(line, i + 1, end);
            } else if (c == '|' || c == ':') {
                i = barLine(line, i);
            } else if (c == '(') {
                i = isDigit(line.size() > i + 1 ? line[i + 1] : ' ') ? tuplet(line, i)
                                                                     : single(AbcTokenKind::SlurStart, i);
            } else if (c == ')') {
                i = single(AbcTokenKind::SlurEnd, i);
            } else if (c == '-') {
                i = single(AbcTokenKind::Tie, i);
            } else if (c == '>' || c == '<') {
                const std::size_t from = i;
                while (i < line.size() && line[i] == c && i - from < 3) ++i;
                emit(AbcTokenKind::BrokenRhythm, from, line.substr(from, i - from));
            } else if (c == '{') {
                const bool acciaccatura = i + 1 < line.size() && line[i + 1] == '/';
                emit(AbcTokenKind::GraceStart, i, acciaccatura ? line.substr(i + 1, 1) : std::string_view{});
                i += acciaccatura ? 2 : 1;
            } else if (c == '}') {
                i = single(AbcTokenKind::GraceEnd, i);
            } else if (c == '&') {
                i = single(AbcTokenKind::VoiceOverlay, i);
            } else if (c == '\\') {
                i = single(AbcTokenKind::Continuation, i);
            } else if (c == '`') {
                ++i;  // backquotes only make beamed groups easier to read
            } else {
                warn(i, std::string{"'"} + c + "' is not ABC here; skipped");
                ++i;
            }
        }
    }

    std::size_t single(AbcTokenKind kind, std::size_t i) {
        emit(kind, i, line_text_.substr(i, 1));
        return i + 1;
    }

    // "text": a chord symbol, or an annotation when it starts with a placement (^ _ < > @).
    std::size_t quoted(std::string_view line, std::size_t i) {
        const std::size_t close = line.find('"', i + 1);
        if (close == std::string_view::npos) {
            warn(i, "a quoted chord symbol or annotation is not closed on its line; the rest is skipped");
            return line.size();
        }
        const std::string_view inside = line.substr(i + 1, close - i - 1);
        const bool annotation =
            !inside.empty() && std::string_view{"^_<>@"}.find(inside.front()) != std::string_view::npos;
        emit(annotation ? AbcTokenKind::Annotation : AbcTokenKind::ChordSymbol, i, inside);
        return close + 1;
    }

    // "!name!", or the older "+name+". A '+' opens a decoration only before a plausible name, since
    // "+" is rare and a stray one would otherwise swallow the music up to the next.
    std::size_t delimitedDecoration(std::string_view line, std::size_t i) {
        const char delimiter = line[i];
        const std::size_t close = line.find(delimiter, i + 1);
        const std::string_view name =
            close == std::string_view::npos ? std::string_view{} : line.substr(i + 1, close - i - 1);
        if (delimiter == '+' && (name.empty() || !std::all_of(name.begin(), name.end(), isDecorationNameChar))) {
            warn(i, "'+' is not ABC here; skipped");
            return i + 1;
        }
        if (close == std::string_view::npos) {
            warn(i, "decoration '!' is not closed on its line; skipped");
            return i + 1;
        }
        emit(AbcTokenKind::Decoration, i, name);
        return close + 1;
    }

    std::size_t note(std::string_view line, std::size_t i) {
        const std::size_t from = i;
        std::int8_t accidental = 0;
        bool natural = false;
        while (i < line.size() && (line[i] == '^' || line[i] == '_' || line[i] == '=')) {
            if (line[i] == '=') {
                natural = true;
            } else {
                accidental = static_cast<std::int8_t>(accidental + (line[i] == '^' ? 1 : -1));
            }
            ++i;
        }
        if (i == line.size() || !isNoteLetter(line[i])) {
            warn(from, "an accidental without a note; skipped");
            return i;
        }
        AbcToken& token = emit(AbcTokenKind::Note, from, {});
        token.accidental = accidental;
        token.natural = natural;
        token.name = line[i++];
        while (i < line.size() && (line[i] == '\'' || line[i] == ',')) {
            token.octave = static_cast<std::int8_t>(token.octave + (line[i] == '\'' ? 1 : -1));
            ++i;
        }
        i = length(line, i, token);
        token.text = line.substr(from, i - from);
        return i;
    }

    // "3", "3/2", "/", "//", "/4" after a note, rest or chord.
    std::size_t length(std::string_view line, std::size_t i, AbcToken& token) {
        if (i == line.size() || (!isDigit(line[i]) && line[i] != '/')) return i;  // the unit length, 1/1
        const std::size_t start = i;
        std::uint32_t numerator = number(line, i, 1);
        std::uint32_t denominator = 1;
        while (i < line.size() && line[i] == '/') {
            denominator *= number(line, ++i, 2);
            if (denominator > kLargestLength) break;
        }
        if (numerator == 0 || denominator == 0 || denominator > kLargestLength) {
            warn(start, "the note length " + std::string{line.substr(start, i - start)} +
                            " is zero or divided too finely; using 1");
            while (i < line.size() && (line[i] == '/' || isDigit(line[i]))) ++i;
            numerator = 1;
            denominator = 1;
        }
        token.lengthNumerator = static_cast<std::uint16_t>(numerator);
        token.lengthDenominator = static_cast<std::uint16_t>(denominator);
        return i;
    }

    // The digits at line[i…] as a number no larger than kLargestLength, with i moved past them;
    // `fallback` when there are none or too many.
    std::uint16_t number(std::string_view line, std::size_t& i, std::uint16_t fallback) {
        const std::size_t from = i;
        std::uint32_t value = 0;
        for (; i < line.size() && isDigit(line[i]); ++i) {
            if (value <= kLargestLength) value = value * 10 + static_cast<std::uint32_t>(line[i] - '0');
        }
        if (i == from) return fallback;
        if (value > kLargestLength) {
            warn(from, "the number " + std::string{line.substr(from, i - from)} + " is too large; using " +
                           std::to_string(fallback));
            return fallback;
        }
        return static_cast<std::uint16_t>(value);
    }

    std::size_t bracket(std::string_view line, std::size_t i) {
        const char next = i + 1 < line.size() ? line[i + 1] : '\0';
        if (isDigit(next)) return ending(line, i, i + 1);
        if (next == '|') return barLine(line, i);
        if (abc::isFieldLetter(next) && i + 2 < line.size() && line[i + 2] == ':') {
            const std::size_t close = line.find(']', i);
            if (close == std::string_view::npos) {
                warn(i, "an inline field is not closed on its line; the rest is skipped");
                return line.size();
            }
            AbcToken& field = emit(AbcTokenKind::InlineField, i, trimmed(line.substr(i + 3, close - i - 3)));
            field.name = next;
            return close + 1;
        }
        return single(AbcTokenKind::ChordStart, i);
    }

    // "[1", "[1,3", "[1-2" or the "2" of ":|2": the ending's numbers.
    std::size_t ending(std::string_view line, std::size_t tokenStart, std::size_t numbers) {
        std::size_t i = numbers;
        while (i < line.size() && (isDigit(line[i]) || line[i] == ',' || line[i] == '-')) ++i;
        emit(AbcTokenKind::Ending, tokenStart, line.substr(numbers, i - numbers));
        return i;
    }

    std::size_t barLine(std::string_view line, std::size_t i) {
        const std::size_t from = i;
        if (line[i] == '[') ++i;  // "[|"
        while (i < line.size() && (line[i] == '|' || line[i] == ':')) ++i;
        if (i < line.size() && line[i] == ']' && line[i - 1] == '|') ++i;  // "|]"
        emit(AbcTokenKind::BarLine, from, line.substr(from, i - from));
        if (i < line.size() && isDigit(line[i])) return ending(line, i, i);  // "|1", ":|2"
        return i;
    }

    // "(p", "(p:q" or "(p:q:r".
    std::size_t tuplet(std::string_view line, std::size_t i) {
        const std::size_t from = i++;
        std::uint32_t parts[3] = {0, 0, 0};
        for (int part = 0; part < 3; ++part) {
            if (part > 0) {
                if (i >= line.size() || line[i] != ':') break;
                ++i;
            }
            parts[part] = number(line, i, 0);
        }
        AbcToken& token = emit(AbcTokenKind::Tuplet, from, line.substr(from, i - from));
        token.lengthNumerator = static_cast<std::uint16_t>(parts[0]);
        token.lengthDenominator = static_cast<std::uint16_t>(parts[1]);
        token.tupletNotes = static_cast<std::uint8_t>(parts[2] > 255 ? 0 : parts[2]);
        return i;
    }

    AbcToken& emit(AbcTokenKind kind, std::size_t column0, std::string_view text) {
        AbcToken& token = out_.tokens.emplace_back();
        token.kind = kind;
        token.line = line_;
        token.column = static_cast<std::uint32_t>(column0 + 1);
        token.text = text;
        return token;
    }

    void warn(std::size_t column0, std::string message) {
        out_.warnings.push_back(core::fail(
            core::ErrorCode::ParseError, std::move(message),
            core::SourceLocation{.file = fileName_, .line = line_, .column = static_cast<std::int64_t>(column0 + 1)}));
    }

    std::string_view text_;
    const std::string& fileName_;
    std::string_view line_text_;
    std::uint32_t line_ = 1;
    AbcTokens& out_;
};

}  // namespace

AbcTokens tokenizeAbc(std::string_view text, const std::string& fileName) {
    AbcTokens tokens;
    Lexer{text, fileName, 1, tokens}.run();
    return tokens;
}

void tokenizeAbc(std::string_view text, const std::string& fileName, std::uint32_t firstLine, AbcTokens& tokens) {
    Lexer{text, fileName, firstLine, tokens}.run();
}

}  // namespace mos::formats
