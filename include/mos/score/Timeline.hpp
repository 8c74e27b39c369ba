#pragma once

// The score's time axis shared by every part: measures with their number labels, meters, keys,
// tempo marks, repeats, endings and navigation (segno, coda, D.C., D.S., fine).
//
// Positions are exact: a ScorePosition is a measure index plus an offset in whole notes from the
// measure's start, so tuplets and MusicXML divisions survive every round trip.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Pitch.hpp"
#include "mos/theory/Key.hpp"

namespace mos::score {

// A place in the score: measure index (0-based into Timeline::measures) and offset in whole notes.
struct ScorePosition {
    std::uint32_t measure = 0;
    core::Rational offset{};

    friend bool operator==(const ScorePosition&, const ScorePosition&) = default;
};

struct TimeSignature {
    enum class Symbol : std::uint8_t { Normal, Common, Cut };

    std::uint16_t numerator = 4;
    std::uint16_t denominator = 4;
    Symbol symbol = Symbol::Normal;

    // The nominal length of a measure in whole notes (3/4 → 3/4).
    core::Rational measureLength() const noexcept { return {numerator, denominator}; }

    friend bool operator==(const TimeSignature&, const TimeSignature&) = default;
};

using theory::Mode;  // a key signature's mode, as the theory module defines it

// A key accidental written explicitly (ABC "K:D exp ^f", MusicXML non-traditional keys).
struct KeyAccidental {
    Step step = Step::C;
    std::int8_t alter = 0;

    friend bool operator==(const KeyAccidental&, const KeyAccidental&) = default;
};

// A key signature at concert pitch: sharps (> 0) or flats (< 0) and a mode. A transposing part's
// written key is derived from its Transposition when it is written out.
struct KeySignature {
    std::int8_t fifths = 0;
    Mode mode = Mode::Major;
    std::vector<KeyAccidental> accidentals{};  // non-empty only for explicit/non-traditional keys

    friend bool operator==(const KeySignature&, const KeySignature&) = default;
};

struct KeyChange {
    core::Rational offset{};  // within the measure
    KeySignature key{};

    friend bool operator==(const KeyChange&, const KeyChange&) = default;
};

// A tempo mark: `beatsPerMinute` beats of `beatUnit` (a dotted quarter is 3/8) from `offset`.
struct TempoMark {
    core::Rational offset{};
    core::Rational beatUnit{1, 4};
    core::Rational beatsPerMinute{120};  // exact: 120, or 500000 µs/quarter as 120, or 92.5 as 185/2
    std::string text{};                  // "Allegro" as printed; may be empty
    // The tempo moves evenly from this mark to the next one (accel., rit.), reaching it there. The
    // next one in performance order: a ramp before a jump (a repeat, D.C.) runs to the tempo in
    // force where the jump lands.
    bool rampToNext = false;

    // Quarter notes per minute.
    core::Rational quarterBpm() const noexcept { return beatsPerMinute * beatUnit * core::Rational{4}; }

    friend bool operator==(const TempoMark&, const TempoMark&) = default;
};

enum class NavigationKind : std::uint8_t {
    Segno,           // the sign D.S. jumps back to
    Coda,            // the coda sign: where "to coda" lands
    ToCoda,          // jump to the coda (on the last pass)
    Fine,            // the end after a D.C./D.S. al fine
    DaCapo,          // D.C.: back to the start
    DaCapoAlFine,    // D.C. al fine
    DaCapoAlCoda,    // D.C. al coda
    DalSegno,        // D.S.: back to the segno
    DalSegnoAlFine,  // D.S. al fine
    DalSegnoAlCoda,  // D.S. al coda
};

struct Navigation {
    NavigationKind kind = NavigationKind::Segno;
    core::Rational offset{};  // within the measure; jumps usually sit at its end
    std::string text{};       // as printed, may be empty

    friend bool operator==(const Navigation&, const Navigation&) = default;
};

struct Measure {
    std::string number{};                 // the label as printed: "1", "12a", "0" for a pickup
    core::Rational duration{};            // actual length in whole notes (a pickup is shorter than its meter)
    bool pickup = false;                  // an incomplete measure not counted in the numbering
    std::optional<TimeSignature> time{};  // set where the meter changes (always on measure 0)
    std::vector<KeyChange> keys{};        // key changes in this measure (measure 0 has one at offset 0)
    std::vector<TempoMark> tempos{};
    bool repeatStart = false;    // |:
    std::uint8_t repeatEnd = 0;  // :| — total times the passage is played (2 for a plain repeat); 0 for none
    std::vector<Navigation> navigation{};
    std::string barline{};  // right barline style when not plain: "light-light", "light-heavy", …

    friend bool operator==(const Measure&, const Measure&) = default;
};

// A volta bracket over measures first…last (inclusive), taken on the passes in `numbers`.
struct Ending {
    std::uint32_t firstMeasure = 0;
    std::uint32_t lastMeasure = 0;
    std::vector<std::uint8_t> numbers{};  // {1}, {2}, {1, 3}
    std::string text{};                   // as printed, "1.", "1.-3."; may be empty
    bool open = false;                    // no closing hook at the end (MusicXML "discontinue")

    friend bool operator==(const Ending&, const Ending&) = default;
};

struct Timeline {
    std::vector<Measure> measures{};
    std::vector<Ending> endings{};

    friend bool operator==(const Timeline&, const Timeline&) = default;
};

// Start of every measure in whole notes from the beginning of the score (size = measures + 1; the
// last entry is the score's end). Thread: any. RT-safe: no.
std::vector<core::Rational> measureStarts(const Timeline& timeline);
// The meter in force in a measure: the last one set at or before it (4/4 when none is set).
TimeSignature timeSignatureAt(const Timeline& timeline, std::uint32_t measure);
// The key in force at a position: the last change at or before it (C major when none is set).
KeySignature keyAt(const Timeline& timeline, ScorePosition at);

}  // namespace mos::score
