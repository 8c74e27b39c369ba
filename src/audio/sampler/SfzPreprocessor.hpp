#pragma once

// The first pass over an SFZ file: removes // and /* */ comments, pastes #include files in, and
// replaces #define variables, giving one text for the parser together with a map from each of its
// bytes back to the file, line and column it came from (an included file's, or the $variable's).
//
//   #define $KICK 36           → (nothing)
//   <region> key=$KICK         → "<region> key=36", where "36" maps to the column of "$KICK"
//   #include "drums/kit.sfzh"  → that file's text, its places naming "drums/kit.sfzh"
//
// As the SFZ format describes, #include paths are relative to the folder of the file being loaded
// (the main one, also from inside an included file). A variable's value is expanded once, where it is
// defined, from the variables defined before it; a variable name followed by more name characters
// ("$KEY1" with only $KEY defined) stands for the longest defined name it starts with. A '#' starts a
// directive only at the start of a word and before "define" or "include", so "sample=C#4.wav" stays.
//
// Bounds, so that no file makes the loader work or allocate without limit: includes nest at most
// kMostIncludeDepth deep, a variable's value is at most kMostDefineBytes long (defines that double
// each other would otherwise grow exponentially), and the text after expansion is at most
// kMostExpandedBytes long.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Error.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio::sfz {

constexpr std::size_t kMostIncludeDepth = 32;
constexpr std::size_t kMostDefineBytes = std::size_t{64} << 10;    // real values are a key or a path
constexpr std::size_t kMostExpandedBytes = std::size_t{64} << 20;  // large SFZ files are a few MiB

class PreprocessedText {
public:
    // The text after comments, directives and variables. Thread: any. RT-safe: yes.
    std::string_view text() const noexcept { return text_; }

    // The file, line and column that the byte at `offset` of text() came from.
    // Thread: any. RT-safe: no.
    core::SourceLocation locate(std::size_t offset) const;

private:
    friend class Preprocessor;

    // From `offset` on, the text comes from `file` at `line` and `column`, column advancing with
    // the offset when `advances` (text copied as written) and staying put for a variable's value.
    struct Anchor {
        std::size_t offset = 0;
        std::uint32_t file = 0;
        std::int64_t line = 1;
        std::int64_t column = 1;
        bool advances = true;
    };

    std::string text_;
    std::vector<Anchor> anchors_;
    std::vector<std::string> files_;  // as named in errors: the main file's name, then #include paths
};

// Preprocesses `text`, the file named `name` whose folder is `directory`. `mainFile` is that file's
// path if it has one, so that including it again is found as a cycle. ParseError for an unclosed /*
// comment or a malformed directive, NotFound for an #include of a missing file, InvalidArgument for
// an include cycle or input beyond the bounds; each error names the file, line and column.
// Thread: control. RT-safe: no.
core::Result<PreprocessedText> preprocess(std::string_view text, const std::string& name,
                                          const std::filesystem::path& directory,
                                          const std::filesystem::path& mainFile);

}  // namespace mos::audio::sfz
