#pragma once

// ABC 2.1 text as tokens with their line and column: the layer the ABC importer parses tunes from.
// Lexing only: what a token means (which key, which bar) is the parser's business.
//
//   tokenizeAbc("K:G\n\"G\"d2B|", "tune.abc")
//     -> Field K "G" (1:1), LineBreak, ChordSymbol "G" (2:1), Note d length 2 (2:4), Note B (2:6),
//        BarLine "|" (2:7), LineBreak

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Error.hpp"

namespace mos::formats {

enum class AbcTokenKind : std::uint8_t {
    Field,         // a whole "X:value" line: `name` is the letter, `text` the value
    InlineField,   // "[K:D]" inside music: `name` and `text` as for Field
    Directive,     // "%%score …": `text` after the %%
    Note,          // a note: accidentals, letter, octave marks and length, decoded below
    Rest,          // z (shown) or x (invisible, name 'x') with a length
    MeasureRest,   // Z or X with a count of measures in lengthNumerator
    BarLine,       // "|", "||", "|]", "[|", ":|", "|:", "::", ":||:" … as written, in `text`
    Ending,        // a numbered ending "[1", "[1,3", "|2": the numbers as written, in `text`
    ChordStart,    // "[" opening notes played together
    ChordEnd,      // "]" closing them, with the chord's length
    ChordSymbol,   // "\"Am7\"": the symbol, in `text`
    Annotation,    // "\"^text\"" (also _ < > @): placement then text, in `text`
    Decoration,    // "!trill!", "+fermata+": name in `text`; a symbol (. ~ H…W h…w): also in `name`
    Tuplet,        // "(3" or "(3:2:3": p, q, r in lengthNumerator, lengthDenominator, tupletNotes
    SlurStart,     // "("
    SlurEnd,       // ")"
    Tie,           // "-"
    BrokenRhythm,  // ">" or "<", repeated up to three times, as written in `text`
    GraceStart,    // "{" or "{/" (acciaccatura: text "/")
    GraceEnd,      // "}"
    VoiceOverlay,  // "&"
    Space,         // blanks between notes: they break beams
    Continuation,  // "\" at the end of a music line: the line goes on
    LineBreak,     // the end of a line
    BlankLine,     // an empty line: it ends a tune
};

// Members ordered largest first, so a token takes 40 bytes: a tune book is read a token at a time.
struct AbcToken {
    std::string_view text;     // into the tokenized text, as described per kind
    std::uint32_t line = 1;    // 1-based
    std::uint32_t column = 1;  // 1-based, in bytes
    AbcTokenKind kind = AbcTokenKind::Space;
    char name = 0;  // Field/InlineField letter; Note/Rest letter as written (C…B, c…b, z, x); shorthand decoration
    std::int8_t accidental = 0;           // Note: -2 (__) … 2 (^^); natural is 0 with `natural` set
    bool natural = false;                 //
    std::int8_t octave = 0;               // Note: ' raises, , lowers (c'' is 2)
    std::uint8_t tupletNotes = 0;         // Tuplet: r, or 0 when not written
    std::uint16_t lengthNumerator = 1;    // Note, Rest, ChordEnd: the length as a multiple of L:
    std::uint16_t lengthDenominator = 1;  // "A3/2" is 3/2, "A/" 1/2, "A//" 1/4
};

struct AbcTokens {
    std::vector<AbcToken> tokens;
    // Characters that are no ABC (kept out of the tokens, never fatal), each with its place.
    std::vector<core::Error> warnings;
};

// Tokenizes ABC text. `fileName` labels the warnings. The tokens' text views point into `text`,
// which must outlive them. Never fails: unknown characters become warnings. Thread: any. RT-safe: no.
AbcTokens tokenizeAbc(std::string_view text, const std::string& fileName);

// The same for a piece of a file whose first line is line `firstLine` there (one tune of a book),
// into `tokens`, which is cleared first and keeps its capacity: a book read tune by tune reuses one
// small buffer. Thread: any. RT-safe: no.
void tokenizeAbc(std::string_view text, const std::string& fileName, std::uint32_t firstLine, AbcTokens& tokens);

}  // namespace mos::formats
