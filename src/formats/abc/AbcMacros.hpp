#pragma once

// ABC 2.1 macros (section 9, the m: field), expanded in a tune's text before it is tokenized: the
// standard describes them as a search and replace on the music.
//
//   m: ~G3 = G{A}G{F}G    static: every "~G3" in the music becomes "G{A}G{F}G"
//   m: ~n2 = (3o/n/m/ n   transposing: n stands for any note (A…G, a…g with its octave marks) and
//                         the letters h…z of the replacement for the notes that many steps along
//                         the scale from it (m one below, o one above): "~D2" → "(3E/D/C/ D"
//
// Macros of the file header apply to every tune, those of a tune from their line on (m: lines, and
// [m:…] inline). A later definition of the same target replaces the earlier one. Where several
// targets match, the longest wins (a static one over a transposing one of the same length). A match
// never cuts a note or a length short: "~G3" is not found in "~G3/2", nor "~G" in "~G2".
//
// Bounds: a replacement is searched again for the other macros but not for itself or those it came
// from (as C's preprocessor does), so a macro that uses itself expands once and no chain loops; at
// most kMostMacros macros; and the expanded tune is at most kMostGrowth bytes longer than written
// (the use that would cross that and the rest stay as written, with a warning), so no file makes
// the reader allocate or work without bound.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Error.hpp"
#include "mos/formats/AbcTokenizer.hpp"

namespace mos::formats::abc {

constexpr std::size_t kMostMacros = 64;  // a bit each in a 64-bit mask
constexpr std::size_t kLongestTarget = 31;
constexpr std::size_t kLongestReplacement = 200;
constexpr std::size_t kMostGrowth = std::size_t{256} << 10;  // the longest real tunes have 50 KiB

// The macros in force at one place of a book.
class Macros {
public:
    // A macro found at a place of the music: which one, and how many characters it stands for.
    struct Match {
        std::size_t macro = 0;
        std::size_t length = 0;
        int note = 0;  // transposing: the note n stands for, in steps from C4 (C5 is 7)
    };

    // Adds "target = replacement" (an m: field's value), or replaces the macro with that target.
    // A message saying why when the text is no macro. Thread: any. RT-safe: no.
    std::optional<std::string> define(std::string_view definition);

    bool empty() const noexcept { return macros_.empty(); }

    // The best match at text[at] among the macros in `allowed` (bit i: macro i). Thread: any. RT-safe: yes.
    std::optional<Match> match(std::string_view text, std::size_t at, std::uint64_t allowed) const noexcept;

    // What a match is replaced with: the replacement, or for a transposing macro the replacement
    // with its letters h…z as notes, written into `buffer`. Thread: any. RT-safe: no.
    std::string_view replacement(const Match& match, std::string& buffer) const;

private:
    struct Macro {
        std::string target;  // a transposing macro's: what comes before its n
        std::string length;  // a transposing macro's: the note length after its n ("2", "3/2" or "")
        std::string replacement;
        bool transposing = false;
    };

    std::optional<std::size_t> matchEnd(const Macro& macro, std::string_view text, std::size_t at,
                                        int& note) const noexcept;

    std::vector<Macro> macros_;
    std::array<std::uint64_t, 256> startingWith_{};  // by first character: the macros that may match there
};

// A tune's text with its macros expanded, and where the columns of the lines that changed came
// from, so that places can be given in the file as written.
struct ExpandedTune {
    // A stretch of an expanded line: copied from column `from` on, or the expansion of the macro
    // written at column `from`.
    struct Piece {
        std::uint32_t start = 0;  // 0-based columns
        std::uint32_t from = 0;
        bool copied = true;
    };
    struct ChangedLine {
        std::uint32_t line = 0;
        std::uint32_t firstPiece = 0;
        std::uint32_t endPiece = 0;
    };

    std::string text;
    std::vector<Piece> pieces;
    std::vector<ChangedLine> changedLines;  // in line order

    // The column, in the file as written, of column `column` (1-based) of line `line` of the text.
    // Thread: any. RT-safe: yes.
    std::uint32_t originalColumn(std::uint32_t line, std::uint32_t column) const noexcept;
};

// Expands the macros of `fileMacros` and those the tune defines in `tune` (whose first line is line
// `firstLine` of `fileName`) into `out`, which is cleared first and keeps its capacity. Definitions
// that are no macro and an expansion cut short by kMostGrowth add a warning with their place.
// Thread: any. RT-safe: no.
void expandMacros(std::string_view tune, std::uint32_t firstLine, const std::string& fileName, const Macros& fileMacros,
                  ExpandedTune& out, std::vector<core::Error>& warnings);

// Moves the tokens of an expanded tune, and the tokenizer's warnings, back to their places in the
// file as written: what a macro expanded to stands where the macro was written. Thread: any. RT-safe: no.
void restorePlaces(const ExpandedTune& tune, AbcTokens& tokens);

}  // namespace mos::formats::abc
