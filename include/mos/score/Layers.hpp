#pragma once

// The layers a score carries beside its notes: form, chord symbols, analysis, tablature, chord
// diagrams, fingering, notation hints, lyrics and markers. Each layer points into the score by
// ScorePosition or by ElementId, so a layer can be added, replaced or dropped on its own.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Part.hpp"
#include "mos/score/Pitch.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::score {

// Form: a named section over measures first…last (inclusive): "A", "Verse", "Chorus".
struct Section {
    std::string label{};
    std::uint32_t firstMeasure = 0;
    std::uint32_t lastMeasure = 0;

    friend bool operator==(const Section&, const Section&) = default;
};

// A pitch class as a chord root or bass: letter and alteration, no octave.
struct PitchName {
    Step step = Step::C;
    std::int8_t alter = 0;

    friend bool operator==(const PitchName&, const PitchName&) = default;
};

// A chord degree that modifies the chord's kind (MusicXML <degree>): add9, alter5 (-1), subtract3.
struct ChordDegree {
    enum class Type : std::uint8_t { Add, Alter, Subtract };

    std::uint8_t value = 9;
    std::int8_t alter = 0;
    Type type = Type::Add;

    friend bool operator==(const ChordDegree&, const ChordDegree&) = default;
};

// A chord symbol as written over the music. `text` is what the source printed ("Cm7b5", "G/B");
// root, kind, bass and degrees are its structure when the source gave it (MusicXML <harmony>) or
// when it was parsed. `kind` uses the MusicXML kind names ("major", "minor-seventh", "dominant" …).
struct ChordSymbol {
    ScorePosition at{};
    std::string partId{};  // the part it is written over; empty for the whole score
    std::string text{};
    std::optional<PitchName> root{};
    std::string kind{};
    std::optional<PitchName> bass{};
    std::vector<ChordDegree> degrees{};
    bool alternate = false;  // an alternative to the chord before it at the same place (ABC "C""Em")
    bool noChord = false;    // N.C.

    friend bool operator==(const ChordSymbol&, const ChordSymbol&) = default;
};

struct KeyRegion {
    ScorePosition at{};  // from here until the next region
    PitchName tonic{};
    Mode mode = Mode::Major;

    friend bool operator==(const KeyRegion&, const KeyRegion&) = default;
};

struct RomanNumeral {
    ScorePosition at{};
    std::string numeral{};  // RomanText style: "V65/V", "viio7", "bVI", "Ger65"
    std::string key{};      // the key it is read in: "C", "a", "Eb"

    friend bool operator==(const RomanNumeral&, const RomanNumeral&) = default;
};

enum class CadenceKind : std::uint8_t { Perfect, Imperfect, Half, Deceptive, Plagal };

struct Cadence {
    ScorePosition at{};  // where the cadence arrives
    CadenceKind kind = CadenceKind::Perfect;

    friend bool operator==(const Cadence&, const Cadence&) = default;
};

struct AnalysisLayer {
    std::vector<KeyRegion> keys{};
    std::vector<RomanNumeral> numerals{};
    std::vector<Cadence> cadences{};

    friend bool operator==(const AnalysisLayer&, const AnalysisLayer&) = default;
};

// A point of a bend: at `position` (0 = the note's start, 1 = its end) the pitch is `cents` above the
// fretted note (a full-step bend reaches 200).
struct BendPoint {
    core::Rational position{};
    std::int16_t cents = 0;

    friend bool operator==(const BendPoint&, const BendPoint&) = default;
};

enum class Slide : std::uint8_t { None, Shift, Legato, InFromBelow, InFromAbove, OutDownwards, OutUpwards };
enum class Harmonic : std::uint8_t { None, Natural, Artificial, Pinch, Tapped, Semi };

// Where a note is played on a fretted instrument and how.
struct TabNote {
    ElementId note = 0;
    std::uint8_t string = 1;  // 1 = the highest string
    std::uint8_t fret = 0;
    std::vector<BendPoint> bend{};
    Slide slide = Slide::None;
    Harmonic harmonic = Harmonic::None;
    bool hammerOn = false;  // legato to the next note on this string (hammer-on or pull-off by pitch)
    bool pullOff = false;
    bool vibrato = false;
    bool palmMute = false;
    bool deadNote = false;
    bool ghost = false;
    bool letRing = false;
    bool tapping = false;

    friend bool operator==(const TabNote&, const TabNote&) = default;
};

// A chord shape as a fretboard diagram.
struct ChordDiagram {
    ScorePosition at{};
    std::string partId{};
    std::string name{};                   // "Am7"
    std::uint8_t baseFret = 1;            // the fret the diagram's top line stands for
    std::vector<std::int8_t> frets{};     // per string, string 1 first: -1 muted, 0 open, n fretted
    std::vector<std::uint8_t> fingers{};  // per string: 0 none, 1…4 fingers, 5 thumb

    friend bool operator==(const ChordDiagram&, const ChordDiagram&) = default;
};

struct Fingering {
    ElementId note = 0;
    std::string finger{};  // "1"…"5", or "p i m a" for the plucking hand

    friend bool operator==(const Fingering&, const Fingering&) = default;
};

struct Clef {
    enum class Sign : std::uint8_t { G, F, C, Percussion, Tab, None };

    std::string partId{};
    std::uint8_t staff = 1;
    ScorePosition at{};
    Sign sign = Sign::G;
    std::int8_t line = 2;          // staff line of the sign, 1 = bottom
    std::int8_t octaveChange = 0;  // treble-8vb: -1

    friend bool operator==(const Clef&, const Clef&) = default;
};

struct Beam {
    std::string partId{};
    std::vector<ElementId> events{};  // the beamed events in order

    friend bool operator==(const Beam&, const Beam&) = default;
};

struct Stem {
    enum class Direction : std::uint8_t { Up, Down, None };

    ElementId event = 0;
    Direction direction = Direction::Up;

    friend bool operator==(const Stem&, const Stem&) = default;
};

struct Slur {
    std::string partId{};
    ElementId from = 0;  // first event under the slur
    ElementId to = 0;    // last one

    friend bool operator==(const Slur&, const Slur&) = default;
};

struct Hairpin {
    std::string partId{};
    std::uint8_t staff = 1;
    ScorePosition from{};
    ScorePosition to{};
    bool crescendo = true;  // false: diminuendo

    friend bool operator==(const Hairpin&, const Hairpin&) = default;
};

struct TextMark {
    std::string partId{};  // empty: over the whole score
    std::uint8_t staff = 1;
    ScorePosition at{};
    std::string text{};  // "dolce", "pizz.", "Swing"
    bool above = true;

    friend bool operator==(const TextMark&, const TextMark&) = default;
};

// Engraving hints: how the music is drawn, not what it sounds like.
struct NotationLayer {
    std::vector<Clef> clefs{};
    std::vector<Beam> beams{};
    std::vector<Stem> stems{};
    std::vector<Slur> slurs{};
    std::vector<Hairpin> hairpins{};
    std::vector<TextMark> texts{};

    friend bool operator==(const NotationLayer&, const NotationLayer&) = default;
};

struct LyricSyllable {
    enum class Syllabic : std::uint8_t { Single, Begin, Middle, End };

    ElementId event = 0;     // the event the syllable is sung on
    std::uint8_t verse = 1;  // 1-based
    std::string text{};
    Syllabic syllabic = Syllabic::Single;
    bool extend = false;  // a melisma line follows

    friend bool operator==(const LyricSyllable&, const LyricSyllable&) = default;
};

struct Marker {
    enum class Kind : std::uint8_t { Rehearsal, PointOfInterest, Text };

    ScorePosition at{};
    Kind kind = Kind::Rehearsal;
    std::string label{};  // "A", "Verse 2", "Tricky run"

    friend bool operator==(const Marker&, const Marker&) = default;
};

struct Layers {
    std::vector<Section> form{};
    std::vector<ChordSymbol> chords{};  // in time order
    AnalysisLayer analysis{};
    std::vector<TabNote> tablature{};
    std::vector<ChordDiagram> diagrams{};
    std::vector<Fingering> fingering{};
    NotationLayer notation{};
    std::vector<LyricSyllable> lyrics{};
    std::vector<Marker> markers{};

    friend bool operator==(const Layers&, const Layers&) = default;
};

}  // namespace mos::score
