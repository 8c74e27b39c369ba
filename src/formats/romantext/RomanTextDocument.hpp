#pragma once

// A RomanText file as written, measure by measure, before beats become positions: reading a file
// (parseDocument) and building the score (buildScore) are two passes, because how long a beat is
// in 3/8 depends on beats written after the meter (see RomanTextMeter.hpp), and a pickup's length
// on its numerals.
//
//   parseDocument: lines → measures with their marks at beats, copies resolved, header fields
//   buildScore:    beats → positions; timeline, analysis layer, form, annotations, metadata

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/romantext/RomanTextMeter.hpp"
#include "mos/core/Error.hpp"
#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats::romantext {

// Where a mark was written, for the warnings the second pass gives (a beat beyond its measure).
struct Place {
    std::int64_t line = 0;
    std::int64_t column = 0;
    std::string beat;  // the beat token it stands at, "b5"; empty for the bar's start
};

// A Roman numeral at a beat (1 = the bar's start), with the key it is read in.
struct NumeralMark {
    core::Rational beat{1};
    std::string numeral;  // "V65/V", "N.C."
    std::string key;      // "Bb", "f#"; empty before the file names any key
    Place place;
};

// A key change at a beat: from here the analysis is in this key.
struct KeyMark {
    core::Rational beat{1};
    score::PitchName tonic{};
    score::Mode mode = score::Mode::Major;
    std::string name;  // as written: "Bb", "f#"
    Place place;
};

// A key signature change (Key Signature: field, KS-2 token, g;: key) at a beat.
struct SignatureMark {
    core::Rational beat{1};
    std::int8_t fifths = 0;
    score::Mode mode = score::Mode::Major;  // known only from a key token (g;:)
    Place place;
};

struct MeasureRecord {
    std::uint32_t number = 0;
    std::string label;      // "12", "12a"
    std::size_t meter = 0;  // index into Document::meters
    std::vector<NumeralMark> numerals;
    std::vector<KeyMark> keys;
    std::vector<SignatureMark> signatures;
    bool repeatStart = false;
    bool repeatEnd = false;

    // The letters after the number: "a" in m12a.
    std::string_view suffix() const noexcept {
        const std::size_t letters = label.find_first_not_of("0123456789");
        return letters == std::string::npos ? std::string_view{} : std::string_view{label}.substr(letters);
    }
    // A single letter after the number marks an ending (a: the first); 0 for none.
    char endingLetter() const noexcept { return suffix().size() == 1 ? suffix().front() : '\0'; }
};

// A text anchored at the start of a measure: a Note: or Form: line before a measure line.
struct MeasureText {
    std::size_t measure = 0;  // index into Document::measures
    std::string text;
};

struct Document {
    // Each Time Signature line starts a new entry, so measures sharing one entry are the passage
    // that line governs; measures[i].meter indexes here. Entry 0 is 4/4 when the file names none.
    std::vector<Meter> meters{Meter{}};
    std::vector<MeasureRecord> measures;
    std::string title;
    std::string composer;
    std::string analyst;
    std::vector<std::pair<std::string, std::string>> fields;  // the others, tag as written: value
    std::vector<MeasureText> notes;
    std::vector<MeasureText> forms;
};

// First pass: reads every line; problems it can work around go to `warnings`. Thread: any.
// RT-safe: no.
Document parseDocument(std::string_view text, const std::string& fileName, std::vector<core::Error>& warnings);

// Second pass: the score of a document with at least one measure. Thread: any. RT-safe: no.
score::Score buildScore(const Document& document, const std::string& fileName, std::vector<core::Error>& warnings);

}  // namespace mos::formats::romantext
