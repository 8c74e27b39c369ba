// ABC macros: definitions, matching, and the expansion of a tune's music lines.

#include "formats/abc/AbcMacros.hpp"

#include <algorithm>
#include <bit>

#include "formats/abc/AbcLines.hpp"

namespace mos::formats::abc {
namespace {

constexpr std::string_view kSteps = "CDEFGABcdefgab";  // a note letter's step is its index modulo 7
constexpr int kMostOctaveMarks = 64;                   // the reader clamps notes to octaves -1…9 anyway

bool isBlank(char c) noexcept { return c == ' ' || c == '\t'; }
bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }
bool isNoteLetter(char c) noexcept { return kSteps.find(c) != std::string_view::npos; }
bool isLengthChar(char c) noexcept { return isDigit(c) || c == '/'; }

std::string_view trimmed(std::string_view s) noexcept {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
    return s;
}

// The '=' between target and replacement: the first with a blank beside it, so that a natural
// sign in the target ("=G2 = …") is not taken for it; else the first.
std::size_t separator(std::string_view definition) noexcept {
    for (std::size_t i = 0; i < definition.size(); ++i) {
        if (definition[i] != '=') continue;
        const bool blankBefore = i > 0 && isBlank(definition[i - 1]);
        const bool blankAfter = i + 1 < definition.size() && isBlank(definition[i + 1]);
        if (blankBefore || blankAfter) return i;
    }
    return definition.find('=');
}

// Whether `next` would go on with the note or length a match ends with, so that replacing the
// match would cut it: "~G3" in "~G3/2", "~G" in "~G2" or "~G'".
bool continuesTheEnd(char last, char next) noexcept {
    if (isLengthChar(last)) return isLengthChar(next);
    if (isNoteLetter(last) || last == '\'' || last == ',') {
        return isLengthChar(next) || next == '\'' || next == ',';
    }
    return false;
}

// Where a group that macros leave alone ends: a quoted chord symbol or annotation, a !decoration!,
// an inline field [K:…]. `at` itself when text[at] opens none. A group not closed on its line runs
// to its end, as the tokenizer reads it (an unclosed '!' is a lone character).
std::size_t groupEnd(std::string_view text, std::size_t at) noexcept {
    const char c = text[at];
    std::size_t close = std::string_view::npos;
    if (c == '"' || c == '!') {
        close = text.find(c, at + 1);
        if (close == std::string_view::npos) return c == '"' ? text.size() : at;
    } else if (c == '[' && at + 2 < text.size() && isFieldLetter(text[at + 1]) && text[at + 2] == ':') {
        close = text.find(']', at);
        if (close == std::string_view::npos) return text.size();
    } else {
        return at;
    }
    return close + 1;
}

// A note `steps` steps above C4 as ABC writes it: "C", "c'", "B,,".
void appendNote(std::string& out, int steps) {
    const int octave = steps >= 0 ? steps / 7 : -((6 - steps) / 7);
    const auto step = static_cast<std::size_t>(steps - 7 * octave);
    if (octave >= 1) {
        out += kSteps[7 + step];
        out.append(static_cast<std::size_t>(std::min(octave - 1, kMostOctaveMarks)), '\'');
    } else {
        out += kSteps[step];
        out.append(static_cast<std::size_t>(std::min(-octave, kMostOctaveMarks)), ',');
    }
}

}  // namespace

std::optional<std::string> Macros::define(std::string_view definition) {
    const std::size_t equals = separator(definition);
    if (equals == std::string_view::npos) return "no '=' between a target and its replacement";
    const std::string_view target = trimmed(definition.substr(0, equals));
    const std::string_view replacement = trimmed(definition.substr(equals + 1));
    if (target.empty()) return "nothing before the '='";
    if (target.size() > kLongestTarget) return "a target longer than the 31 characters ABC 2.1 allows";
    if (replacement.size() > kLongestReplacement) return "a replacement longer than the 200 characters ABC 2.1 allows";
    Macro macro;
    macro.replacement = replacement;
    const std::size_t n = target.rfind('n');
    if (n == std::string_view::npos) {
        macro.target = target;
    } else {
        const std::string_view length = target.substr(n + 1);
        if (!std::all_of(length.begin(), length.end(), isLengthChar)) {
            return "the 'n' of a transposing macro must end its target, followed by no more than a note length";
        }
        macro.transposing = true;
        macro.target = target.substr(0, n);
        macro.length = length;
    }
    const auto same = std::find_if(macros_.begin(), macros_.end(), [&](const Macro& m) {
        return m.transposing == macro.transposing && m.target == macro.target && m.length == macro.length;
    });
    if (same != macros_.end()) {
        same->replacement = std::move(macro.replacement);
        return std::nullopt;
    }
    if (macros_.size() == kMostMacros) return "more than 64 macros";
    const std::uint64_t bit = std::uint64_t{1} << macros_.size();
    if (!macro.target.empty()) {
        startingWith_[static_cast<unsigned char>(macro.target.front())] |= bit;
    } else {
        for (const char letter : kSteps) startingWith_[static_cast<unsigned char>(letter)] |= bit;
    }
    macros_.push_back(std::move(macro));
    return std::nullopt;
}

std::optional<std::size_t> Macros::matchEnd(const Macro& macro, std::string_view text, std::size_t at,
                                            int& note) const noexcept {
    std::string_view rest = text.substr(at);
    if (!rest.starts_with(macro.target)) return std::nullopt;
    std::size_t end = at + macro.target.size();
    char last = macro.target.empty() ? '\0' : macro.target.back();
    if (macro.transposing) {
        if (end == text.size() || !isNoteLetter(text[end])) return std::nullopt;
        const auto letter = kSteps.find(text[end]);
        int octave = letter < 7 ? 0 : 1;
        last = text[end++];
        for (; end < text.size() && (text[end] == '\'' || text[end] == ','); ++end) {
            octave = std::clamp(octave + (text[end] == '\'' ? 1 : -1), -kMostOctaveMarks, kMostOctaveMarks);
            last = text[end];
        }
        if (!text.substr(end).starts_with(macro.length)) return std::nullopt;
        end += macro.length.size();
        if (!macro.length.empty()) last = macro.length.back();
        note = static_cast<int>(letter % 7) + 7 * octave;
    }
    if (end < text.size() && continuesTheEnd(last, text[end])) return std::nullopt;
    return end;
}

std::optional<Macros::Match> Macros::match(std::string_view text, std::size_t at,
                                           std::uint64_t allowed) const noexcept {
    std::uint64_t candidates = startingWith_[static_cast<unsigned char>(text[at])] & allowed;
    std::optional<Match> best;
    while (candidates != 0) {
        const auto index = static_cast<std::size_t>(std::countr_zero(candidates));
        candidates &= candidates - 1;
        int note = 0;
        const auto end = matchEnd(macros_[index], text, at, note);
        if (!end) continue;
        const std::size_t length = *end - at;
        // Longest first; then static before transposing; then the later definition.
        const bool better = !best || length > best->length ||
                            (length == best->length && macros_[index].transposing <= macros_[best->macro].transposing);
        if (better) best = Match{index, length, note};
    }
    return best;
}

std::string_view Macros::replacement(const Match& match, std::string& buffer) const {
    const Macro& macro = macros_[match.macro];
    if (!macro.transposing) return macro.replacement;
    std::string& out = buffer;
    out.clear();
    const std::string_view text = macro.replacement;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t end = groupEnd(text, i);
        if (end > i) {
            out += text.substr(i, end - i);
            i = end;
            continue;
        }
        const char c = text[i++];
        if (c >= 'h' && c <= 'z') {
            appendNote(out, match.note + (c - 'n'));
        } else {
            out += c;
        }
    }
    return buffer;
}

namespace {

// Expands the music lines of one tune into an ExpandedTune, defining the macros the tune adds.
class Expander {
public:
    Expander(Macros& macros, ExpandedTune& out, const std::string& fileName, std::vector<core::Error>& warnings,
             std::size_t limit)
        : macros_{macros}, out_{out}, fileName_{fileName}, warnings_{warnings}, limit_{limit} {}

    void define(std::string_view definition, std::uint32_t line, std::size_t column0) {
        if (const auto why = macros_.define(definition)) {
            warn(line, column0, "m:" + std::string{definition} + " is no macro (" + *why + "); ignored");
        }
    }

    // One line of music, at out_'s end.
    void musicLine(std::string_view line, std::uint32_t lineNumber) {
        line_ = lineNumber;
        lineStart_ = out_.text.size();
        const auto firstPiece = static_cast<std::uint32_t>(out_.pieces.size());
        bool changed = false;
        std::size_t copiedFrom = 0;
        std::size_t i = 0;
        while (i < line.size() && line[i] != '%') {
            if (!macros_.empty() && !exhausted_) {
                if (const auto found = macros_.match(line, i, kAll)) {
                    copy(line, copiedFrom, i);
                    out_.pieces.push_back({column(), static_cast<std::uint32_t>(i), false});
                    const std::size_t before = out_.text.size();
                    if (!expand(*found, kAll, i)) {
                        out_.text.resize(before);  // the use stays as written
                        out_.text += line.substr(i, found->length);
                        out_.pieces.back().copied = true;
                    }
                    i += found->length;
                    copiedFrom = i;
                    changed = true;
                    continue;
                }
            }
            const std::size_t end = groupEnd(line, i);
            if (end > i && line[i] == '[' && line[i + 1] == 'm' && line[end - 1] == ']') {
                define(trimmed(line.substr(i + 3, end - i - 4)), lineNumber, i);
            }
            i = std::max(end, i + 1);
        }
        copy(line, copiedFrom, line.size());  // also the end of the line, so the line break maps too
        if (changed) {
            out_.changedLines.push_back({lineNumber, firstPiece, static_cast<std::uint32_t>(out_.pieces.size())});
        } else {
            out_.pieces.resize(firstPiece);
        }
    }

private:
    static constexpr std::uint64_t kAll = ~std::uint64_t{0};

    std::uint32_t column() const { return static_cast<std::uint32_t>(out_.text.size() - lineStart_); }

    void copy(std::string_view line, std::size_t from, std::size_t to) {
        out_.pieces.push_back({column(), static_cast<std::uint32_t>(from), true});
        out_.text += line.substr(from, to - from);
    }

    // Writes what `found` expands to: its replacement, searched again for the macros still
    // `allowed`, which no longer include this one. False when that would cross the limit.
    bool expand(const Macros::Match& found, std::uint64_t allowed, std::size_t column0) {
        std::string transposed;
        const std::string_view text = macros_.replacement(found, transposed);
        if (out_.text.size() + text.size() > limit_) {
            warn(line_, column0,
                 "the macros make the tune more than " + std::to_string(kMostGrowth >> 10) +
                     " KiB longer than written; the rest is left unexpanded");
            exhausted_ = true;
            return false;
        }
        allowed &= ~(std::uint64_t{1} << found.macro);
        std::size_t copiedFrom = 0;
        for (std::size_t i = 0; i < text.size();) {
            if (const auto inner = macros_.match(text, i, allowed)) {
                out_.text += text.substr(copiedFrom, i - copiedFrom);
                if (!expand(*inner, allowed, column0)) return false;
                i += inner->length;
                copiedFrom = i;
                continue;
            }
            i = std::max(groupEnd(text, i), i + 1);
        }
        out_.text += text.substr(copiedFrom);
        return true;
    }

    void warn(std::uint32_t line, std::size_t column0, std::string message) {
        warnings_.push_back(core::fail(
            core::ErrorCode::ParseError, std::move(message),
            core::SourceLocation{.file = fileName_, .line = line, .column = static_cast<std::int64_t>(column0 + 1)}));
    }

    Macros& macros_;
    ExpandedTune& out_;
    const std::string& fileName_;
    std::vector<core::Error>& warnings_;
    std::size_t limit_;
    bool exhausted_ = false;
    std::uint32_t line_ = 0;
    std::size_t lineStart_ = 0;
};

}  // namespace

std::uint32_t ExpandedTune::originalColumn(std::uint32_t line, std::uint32_t column) const noexcept {
    const auto changed = std::lower_bound(changedLines.begin(), changedLines.end(), line,
                                          [](const ChangedLine& c, std::uint32_t l) { return c.line < l; });
    if (changed == changedLines.end() || changed->line != line || column == 0) return column;
    const auto first = pieces.begin() + changed->firstPiece;
    const auto end = pieces.begin() + changed->endPiece;
    // The last piece starting at or before the column (the first starts at 0).
    const auto piece = std::prev(
        std::upper_bound(first, end, column - 1, [](std::uint32_t c, const Piece& p) { return c < p.start; }));
    return piece->copied ? piece->from + (column - 1 - piece->start) + 1 : piece->from + 1;
}

void expandMacros(std::string_view tune, std::uint32_t firstLine, const std::string& fileName, const Macros& fileMacros,
                  ExpandedTune& out, std::vector<core::Error>& warnings) {
    out.text.clear();
    out.pieces.clear();
    out.changedLines.clear();
    out.text.reserve(tune.size());
    Macros macros = fileMacros;  // the tune's own definitions stay in the tune
    Expander expander{macros, out, fileName, warnings, tune.size() + kMostGrowth};
    std::uint32_t lineNumber = firstLine;
    for (std::size_t start = 0; start < tune.size(); ++lineNumber) {
        const std::size_t end = lineEnd(tune, start);
        const std::string_view line = tune.substr(start, end - start);
        const LineKind kind = lineKind(line);
        if (kind == LineKind::Music) {
            expander.musicLine(line, lineNumber);
        } else {
            if (kind == LineKind::Field && line.front() == 'm') {
                expander.define(trimmed(withoutComment(line.substr(2))), lineNumber, 0);
            }
            out.text += line;
        }
        const std::size_t next = nextLine(tune, end);
        out.text += tune.substr(end, next - end);  // the line break as written: lines stay where they were
        start = next;
    }
}

void restorePlaces(const ExpandedTune& tune, AbcTokens& tokens) {
    if (tune.changedLines.empty()) return;
    for (AbcToken& token : tokens.tokens) token.column = tune.originalColumn(token.line, token.column);
    for (core::Error& warning : tokens.warnings) {
        auto& where = warning.where;
        if (!where.line || !where.column || *where.line < 0 || *where.column < 0) continue;
        where.column =
            tune.originalColumn(static_cast<std::uint32_t>(*where.line), static_cast<std::uint32_t>(*where.column));
    }
}

}  // namespace mos::formats::abc
