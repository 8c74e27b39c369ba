// An ABC tune book: the file header, then tunes from their X: field to the next blank line (or the
// next X:), with free text between them. Each tune is tokenized and read on its own, its macros
// (m:) expanded first when it or the file header defines any.

#include "mos/formats/AbcReader.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "formats/abc/AbcLines.hpp"
#include "formats/abc/AbcMacros.hpp"
#include "formats/abc/AbcTuneReader.hpp"
#include "mos/formats/AbcTokenizer.hpp"

namespace mos::formats {
namespace {

// A stretch of the book's text: whole lines, the first of them line `firstLine` of the file.
struct Stretch {
    std::size_t begin = 0;  // byte offsets, end exclusive
    std::size_t end = 0;
    std::uint32_t firstLine = 1;
    bool definesMacros = false;  // has an m: line (or the book an inline [m:…] somewhere)
};

// The book cut into its parts by lines alone, before any tokenizing, so that each tune is then
// tokenized on its own into one small reused buffer (the whole book's tokens would not stay in
// cache). A tune runs from its X: line to the line before the next blank line or X: line.
struct Book {
    std::string_view text;
    Stretch fileHeader;             // before the first X:
    std::vector<Stretch> tunes;     // each from its X: line
    std::vector<Stretch> freeText;  // between a tune's end and the next X:
};

bool isBlankLine(std::string_view line) noexcept {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool isReferenceLine(std::string_view line) noexcept { return line.size() >= 2 && line[0] == 'X' && line[1] == ':'; }

Book splitBook(std::string_view text) {
    Book book;
    book.text = text;
    enum class In : std::uint8_t { FileHeader, Tune, FreeText } in = In::FileHeader;
    std::uint32_t lineNumber = 1;
    std::size_t start = 0;
    const auto open = [&](std::vector<Stretch>& into) { into.push_back({start, start, lineNumber}); };
    while (start < text.size()) {
        const std::size_t end = abc::lineEnd(text, start);
        const std::string_view line = text.substr(start, end - start);
        if (isReferenceLine(line)) {
            if (in == In::FileHeader) book.fileHeader.end = start;
            in = In::Tune;
            open(book.tunes);
        } else if (in == In::Tune && isBlankLine(line)) {
            in = In::FreeText;
            open(book.freeText);
        }
        const std::size_t next = abc::nextLine(text, end);
        if (in == In::Tune) {
            book.tunes.back().end = end;
            if (line.starts_with("m:")) book.tunes.back().definesMacros = true;
        }
        if (in == In::FreeText) book.freeText.back().end = next;
        if (in == In::FileHeader) book.fileHeader.end = next;
        start = next;
        ++lineNumber;
    }
    // Inline macro definitions are too rare to look for line by line.
    if (text.find("[m:") != std::string_view::npos) {
        for (Stretch& tune : book.tunes) tune.definesMacros = true;
    }
    return book;
}

std::string_view textOf(const Book& book, const Stretch& stretch) {
    return book.text.substr(stretch.begin, stretch.end - stretch.begin);
}

// Music between tunes is most likely a tune cut in two by a blank line: say so rather than drop
// it silently. Free text (a line of prose) has no bar lines and passes unremarked.
void checkFreeText(const Book& book, const std::string& fileName, AbcTokens& scratch,
                   std::vector<core::Error>& warnings) {
    for (const Stretch& stretch : book.freeText) {
        const std::string_view text = textOf(book, stretch);
        if (isBlankLine(text) || std::all_of(text.begin(), text.end(),
                                             [](char c) { return c == '\n' || c == '\r' || c == ' ' || c == '\t'; })) {
            continue;
        }
        tokenizeAbc(text, fileName, stretch.firstLine, scratch);
        const auto& tokens = scratch.tokens;
        const auto bar = std::find_if(tokens.begin(), tokens.end(),
                                      [](const AbcToken& t) { return t.kind == AbcTokenKind::BarLine; });
        const bool notes =
            std::any_of(tokens.begin(), tokens.end(), [](const AbcToken& t) { return t.kind == AbcTokenKind::Note; });
        if (bar == tokens.end() || !notes) continue;
        warnings.push_back(
            core::fail(core::ErrorCode::ParseError,
                       "music outside any tune (a blank line ends a tune; the next needs X:); skipped",
                       core::SourceLocation{.file = fileName, .line = bar->line, .column = bar->column}));
    }
}

// Reads tunes of a book one by one, sharing the file header, its macros and one token buffer.
class BookReader {
public:
    BookReader(const Book& book, const std::string& fileName) : book_{book}, fileName_{fileName} {
        AbcTokens header;
        tokenizeAbc(textOf(book, book.fileHeader), fileName, 1, header);
        for (const AbcToken& token : header.tokens) {
            if (token.kind == AbcTokenKind::Field || token.kind == AbcTokenKind::Directive)
                fileHeader_.push_back(token);
            if (token.kind == AbcTokenKind::Field && token.name == 'm') defineFileMacro(token);
        }
    }

    core::Result<score::Score> read(const Stretch& tune, std::vector<core::Error>& warnings) {
        std::string_view text = textOf(book_, tune);
        const bool expand = tune.definesMacros || !fileMacros_.empty();
        if (expand) {
            macroWarnings_.clear();
            abc::expandMacros(text, tune.firstLine, fileName_, fileMacros_, expanded_, macroWarnings_);
            text = expanded_.text;
        }
        tokenizeAbc(text, fileName_, tune.firstLine, tokens_);
        if (expand) {
            abc::restorePlaces(expanded_, tokens_);
            for (core::Error& warning : macroWarnings_) tokens_.warnings.push_back(std::move(warning));
        }
        const abc::TuneTokens tokens{
            .fileHeader = fileHeader_,
            .tune = tokens_.tokens,
            .lexerWarnings = tokens_.warnings,
        };
        return abc::readTune(tokens, fileName_, warnings, exact_);
    }

    AbcTokens& scratch() { return tokens_; }

    // Problems with the file header's own definitions, said once for the book.
    std::vector<core::Error>& headerWarnings() { return headerWarnings_; }

private:
    void defineFileMacro(const AbcToken& token) {
        if (const auto why = fileMacros_.define(token.text)) {
            headerWarnings_.push_back(core::fail(
                core::ErrorCode::ParseError, "m:" + std::string{token.text} + " is no macro (" + *why + "); ignored",
                core::SourceLocation{.file = fileName_, .line = token.line, .column = token.column}));
        }
    }

    const Book& book_;
    const std::string& fileName_;
    std::vector<AbcToken> fileHeader_;
    abc::Macros fileMacros_;
    std::vector<core::Error> headerWarnings_;
    abc::ExpandedTune expanded_;  // the tune the tokens point into, when it had macros
    std::vector<core::Error> macroWarnings_;
    AbcTokens tokens_;
    abc::RationalCache exact_;
};

std::optional<int> referenceNumber(std::string_view xLine) noexcept {
    std::string_view digits = xLine.substr(2);
    while (!digits.empty() && (digits.front() == ' ' || digits.front() == '\t')) digits.remove_prefix(1);
    while (!digits.empty() && (digits.back() == ' ' || digits.back() == '\t')) digits.remove_suffix(1);
    if (digits.empty()) return std::nullopt;
    int value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9' || value > 100'000'000) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

core::Result<Imported> readAbc(std::string_view text, const std::string& fileName) {
    Book book = splitBook(text);
    Imported imported;
    if (book.tunes.empty()) {
        // No X: at all: a lone tune as many web pages show it (a K: field and music). Read it rather
        // than refuse it; plain text has no K:.
        const auto tokens = tokenizeAbc(text, fileName).tokens;
        const auto has = [&](AbcTokenKind kind, char name) {
            return std::any_of(tokens.begin(), tokens.end(),
                               [&](const AbcToken& t) { return t.kind == kind && (name == 0 || t.name == name); });
        };
        if (has(AbcTokenKind::Field, 'K') && has(AbcTokenKind::Note, 0)) {
            imported.warnings.push_back(core::fail(core::ErrorCode::ParseError,
                                                   "the file has no X: field; it is read as one tune",
                                                   core::SourceLocation{.file = fileName, .line = 1, .column = 1}));
            book.tunes.push_back({0, text.size(), 1, true});
            book.fileHeader = {};
        }
    }
    BookReader reader{book, fileName};
    for (core::Error& warning : reader.headerWarnings()) imported.warnings.push_back(std::move(warning));
    checkFreeText(book, fileName, reader.scratch(), imported.warnings);
    imported.scores.reserve(book.tunes.size());
    std::optional<core::Error> firstFailure;
    for (const Stretch& tune : book.tunes) {
        auto score = reader.read(tune, imported.warnings);
        if (score) {
            imported.scores.push_back(std::move(*score));
        } else {
            if (!firstFailure) firstFailure = score.error();
            imported.warnings.push_back(std::move(score).error());
        }
    }
    if (!imported.scores.empty()) return imported;
    if (book.tunes.empty()) {
        return core::fail(core::ErrorCode::ParseError, "no tune: an ABC tune starts with an X: field and has music",
                          core::SourceLocation{.file = fileName});
    }
    if (book.tunes.size() == 1) return *std::move(firstFailure);
    core::Error error = *std::move(firstFailure);
    error.message =
        "none of the " + std::to_string(book.tunes.size()) + " tunes could be read; the first: " + error.message;
    return error;
}

core::Result<Imported> readAbcTune(std::string_view text, const std::string& fileName, int number) {
    const Book book = splitBook(text);
    const auto tune = std::find_if(book.tunes.begin(), book.tunes.end(), [&](const Stretch& stretch) {
        const std::string_view stretchText = textOf(book, stretch);
        return referenceNumber(stretchText.substr(0, stretchText.find_first_of("\r\n"))) == number;
    });
    if (tune == book.tunes.end()) {
        return core::fail(core::ErrorCode::NotFound, "the book has no tune X:" + std::to_string(number),
                          core::SourceLocation{.file = fileName});
    }
    Imported imported;
    BookReader reader{book, fileName};
    imported.warnings = std::move(reader.headerWarnings());
    auto score = reader.read(*tune, imported.warnings);
    if (!score) return std::move(score).error();
    imported.scores.push_back(std::move(*score));
    return imported;
}

}  // namespace mos::formats
