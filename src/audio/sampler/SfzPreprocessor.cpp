#include "audio/sampler/SfzPreprocessor.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <system_error>
#include <utility>

namespace mos::audio::sfz {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool isNameChar(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isBlank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trimmed(std::string_view text) noexcept {
    while (!text.empty() && isBlank(text.front())) text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back())) text.remove_suffix(1);
    return text;
}

// Reads one file of text, keeping count of the line and column of the next byte.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_{text} {}

    bool done() const noexcept { return at_ >= text_.size(); }
    char peek() const noexcept { return text_[at_]; }
    std::string_view rest() const noexcept { return text_.substr(at_); }
    bool startsWith(std::string_view prefix) const noexcept { return rest().substr(0, prefix.size()) == prefix; }
    bool atWordStart() const noexcept { return at_ == 0 || isBlank(text_[at_ - 1]) || text_[at_ - 1] == '\n'; }
    std::int64_t line() const noexcept { return line_; }
    std::int64_t column() const noexcept { return column_; }

    // Moves `count` bytes on, or to the end (npos: to the end).
    void advance(std::size_t count) noexcept {
        for (const std::size_t end = at_ + std::min(count, text_.size() - at_); at_ < end; ++at_) {
            if (text_[at_] == '\n') {
                ++line_;
                column_ = 1;
            } else {
                ++column_;
            }
        }
    }

    // The rest of the line up to a comment: where a directive ends.
    std::string_view directiveLine() const noexcept {
        const std::string_view line = rest().substr(0, rest().find('\n'));
        return line.substr(0, std::min(line.find("//"), line.find("/*")));
    }

private:
    std::string_view text_;
    std::size_t at_ = 0;
    std::int64_t line_ = 1;
    std::int64_t column_ = 1;
};

}  // namespace

class Preprocessor {
public:
    explicit Preprocessor(std::filesystem::path directory) : directory_{std::move(directory)} {}

    core::Result<void> run(std::string_view text, const std::string& name, const std::filesystem::path& mainFile) {
        if (text.size() > kMostExpandedBytes) {
            return core::fail(core::ErrorCode::InvalidArgument, "the file is larger than the SFZ loader accepts",
                              core::SourceLocation{.file = name});
        }
        out_.files_.push_back(name);
        includes_.push_back({mainFile.empty() ? std::filesystem::path{} : identity(mainFile), name});
        return processFile(text, 0);
    }

    PreprocessedText take() && { return std::move(out_); }

private:
    struct Include {
        std::filesystem::path identity;  // empty for text that is no file
        std::string name;
    };

    static std::filesystem::path identity(const std::filesystem::path& file) {
        std::error_code error;
        auto canonical = std::filesystem::weakly_canonical(file, error);
        return error ? file.lexically_normal() : canonical;
    }

    core::SourceLocation where(const Cursor& cursor, std::uint32_t file) const {
        return core::SourceLocation{.file = out_.files_[file], .line = cursor.line(), .column = cursor.column()};
    }

    core::Result<void> processFile(std::string_view text, std::uint32_t file) {
        if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
        Cursor cursor{text};
        while (!cursor.done()) {
            if (cursor.startsWith("//")) {
                cursor.advance(cursor.rest().find('\n'));
            } else if (cursor.startsWith("/*")) {
                const std::size_t close = cursor.rest().find("*/", 2);
                if (close == std::string_view::npos) {
                    return core::fail(core::ErrorCode::ParseError, "this /* comment is never closed by */",
                                      where(cursor, file));
                }
                // A space keeps the words on either side apart, as the comment did.
                emitLiteral(' ', cursor, file);
                cursor.advance(close + 2);
            } else if (cursor.peek() == '#' && cursor.atWordStart() && directive(cursor) == "define") {
                if (auto defined = define(cursor, file); !defined) return defined;
            } else if (cursor.peek() == '#' && cursor.atWordStart() && directive(cursor) == "include") {
                if (auto included = include(cursor, file); !included) return included;
            } else if (const auto variable = findVariable(cursor.rest()); variable.length > 0) {
                if (out_.text_.size() + variable.value->size() > kMostExpandedBytes) return tooLarge(cursor, file);
                out_.anchors_.push_back({out_.text_.size(), file, cursor.line(), cursor.column(), false});
                out_.text_ += *variable.value;
                cursor.advance(variable.length);
            } else {
                emitLiteral(cursor.peek(), cursor, file);
                cursor.advance(1);
            }
        }
        return {};
    }

    static std::string_view directive(const Cursor& cursor) {
        const std::string_view rest = cursor.rest().substr(1);
        return rest.substr(
            0, static_cast<std::size_t>(std::find_if_not(rest.begin(), rest.end(), isNameChar) - rest.begin()));
    }

    void emitLiteral(char c, const Cursor& cursor, std::uint32_t file) {
        const auto& anchors = out_.anchors_;
        const bool continues =
            !anchors.empty() && anchors.back().advances && anchors.back().file == file &&
            anchors.back().line == cursor.line() &&
            anchors.back().column + static_cast<std::int64_t>(out_.text_.size() - anchors.back().offset) ==
                cursor.column();
        if (!continues) out_.anchors_.push_back({out_.text_.size(), file, cursor.line(), cursor.column(), true});
        out_.text_.push_back(c);
    }

    core::Error tooLarge(const Cursor& cursor, std::uint32_t file) const {
        return core::fail(core::ErrorCode::InvalidArgument,
                          "the text grows beyond " + std::to_string(kMostExpandedBytes >> 20) +
                              " MiB with its #include files and $variables",
                          where(cursor, file));
    }

    struct Variable {
        const std::string* value = nullptr;
        std::size_t length = 0;  // of "$NAME" in the text; 0: none
    };

    // The defined variable that `text` starts with, the longest if several names fit.
    Variable findVariable(std::string_view text) const {
        if (text.empty() || text.front() != '$') return {};
        // No name is longer than the longest defined, so "$" before a long word costs no more.
        std::size_t length = 1;
        while (length < text.size() && length <= longestName_ && isNameChar(text[length])) ++length;
        for (; length > 1; --length) {
            if (const auto found = defines_.find(text.substr(1, length - 1)); found != defines_.end()) {
                return {&found->second, length};
            }
        }
        return {};
    }

    // `text` with its variables replaced; nullopt if that is longer than `most` bytes.
    std::optional<std::string> expanded(std::string_view text, std::size_t most) const {
        std::string result;
        while (!text.empty()) {
            if (const auto variable = findVariable(text); variable.length > 0) {
                result += *variable.value;
                text.remove_prefix(variable.length);
            } else {
                result.push_back(text.front());
                text.remove_prefix(1);
            }
            if (result.size() > most) return std::nullopt;
        }
        return result;
    }

    // #define $NAME value
    core::Result<void> define(Cursor& cursor, std::uint32_t file) {
        const auto directiveWhere = where(cursor, file);
        std::string_view line = cursor.directiveLine().substr(std::string_view{"#define"}.size());
        cursor.advance(std::string_view{"#define"}.size());
        const std::size_t nameStart = line.find_first_not_of(" \t");
        std::size_t nameEnd = nameStart == std::string_view::npos ? line.size() : nameStart + 1;
        while (nameEnd < line.size() && isNameChar(line[nameEnd])) ++nameEnd;
        if (nameStart == std::string_view::npos || line[nameStart] != '$' || nameEnd == nameStart + 1) {
            return core::fail(core::ErrorCode::ParseError, "#define needs a $name and a value, as in #define $KEY 60",
                              directiveWhere);
        }
        const std::string_view name = line.substr(nameStart + 1, nameEnd - nameStart - 1);
        auto value = expanded(trimmed(line.substr(nameEnd)), kMostDefineBytes);
        if (!value) {
            return core::fail(core::ErrorCode::InvalidArgument,
                              "the value of $" + std::string{name} + " grows beyond " +
                                  std::to_string(kMostDefineBytes >> 10) + " KiB",
                              directiveWhere);
        }
        longestName_ = std::max(longestName_, name.size());
        defines_.insert_or_assign(std::string{name}, std::move(*value));
        cursor.advance(line.size());
        return {};
    }

    // #include "path"
    core::Result<void> include(Cursor& cursor, std::uint32_t file) {
        const auto directiveWhere = where(cursor, file);
        const std::string_view line = cursor.directiveLine();
        const std::size_t open = line.find_first_not_of(" \t", std::string_view{"#include"}.size());
        const std::size_t close = open == std::string_view::npos ? open : line.find('"', open + 1);
        if (open == std::string_view::npos || line[open] != '"' || close == std::string_view::npos) {
            return core::fail(core::ErrorCode::ParseError, "#include needs a path in double quotes", directiveWhere);
        }
        auto expandedPath = expanded(line.substr(open + 1, close - open - 1), kMostDefineBytes);
        if (!expandedPath) {
            return core::fail(core::ErrorCode::InvalidArgument,
                              "#include path grows beyond " + std::to_string(kMostDefineBytes >> 10) + " KiB",
                              directiveWhere);
        }
        std::string path = std::move(*expandedPath);
        std::replace(path.begin(), path.end(), '\\', '/');
        cursor.advance(close + 1);

        const auto fail = [&](core::ErrorCode code, const std::string& problem) {
            return core::fail(code, "#include \"" + path + "\": " + problem, directiveWhere);
        };
        if (includes_.size() >= kMostIncludeDepth) {
            return fail(core::ErrorCode::InvalidArgument,
                        "files include each other more than " + std::to_string(kMostIncludeDepth) + " deep");
        }
        const std::filesystem::path target = directory_ / path;
        const auto targetIdentity = identity(target);
        if (const auto cycleStart =
                std::find_if(includes_.begin(), includes_.end(),
                             [&](const Include& reading) { return reading.identity == targetIdentity; });
            cycleStart != includes_.end()) {
            std::string cycle;
            for (auto i = cycleStart; i != includes_.end(); ++i) cycle += i->name + " -> ";
            return fail(core::ErrorCode::InvalidArgument, "an include cycle: " + cycle + path);
        }
        std::error_code error;
        if (!std::filesystem::is_regular_file(target, error)) {
            return fail(core::ErrorCode::NotFound,
                        std::filesystem::exists(target, error) ? "is not a file" : "no such file");
        }
        const auto size = std::filesystem::file_size(target, error);
        if (error || out_.text_.size() + size > kMostExpandedBytes) return tooLarge(cursor, file);
        std::ifstream in{target, std::ios::binary};
        const std::string contents{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
        if (in.bad()) return fail(core::ErrorCode::IoError, "cannot be read");

        out_.files_.push_back(path);
        includes_.push_back({targetIdentity, path});
        auto processed = processFile(contents, static_cast<std::uint32_t>(out_.files_.size() - 1));
        includes_.pop_back();
        return processed;
    }

    std::filesystem::path directory_;
    PreprocessedText out_;
    std::map<std::string, std::string, std::less<>> defines_;  // names without the '$'
    std::size_t longestName_ = 0;
    std::vector<Include> includes_;  // the files being read, outermost first
};

core::SourceLocation PreprocessedText::locate(std::size_t offset) const {
    const auto after =
        std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                         [](std::size_t wanted, const Anchor& anchor) { return wanted < anchor.offset; });
    if (after == anchors_.begin()) return core::SourceLocation{.file = files_.empty() ? "" : files_.front()};
    const Anchor& anchor = *std::prev(after);
    const auto advanced = anchor.advances ? static_cast<std::int64_t>(offset - anchor.offset) : 0;
    return core::SourceLocation{.file = files_[anchor.file], .line = anchor.line, .column = anchor.column + advanced};
}

core::Result<PreprocessedText> preprocess(std::string_view text, const std::string& name,
                                          const std::filesystem::path& directory,
                                          const std::filesystem::path& mainFile) {
    Preprocessor preprocessor{directory};
    if (auto done = preprocessor.run(text, name, mainFile); !done) return std::move(done).error();
    return std::move(preprocessor).take();
}

}  // namespace mos::audio::sfz
