#pragma once

// A part (one player's music): its instrument, transposition, string tuning and staves, and the
// events it plays. An event is what one voice does at one moment: a note, a chord (several notes
// sharing a stem and a duration) or a rest.
//
// Pitches are written pitches, as the player reads them; a transposing part sounds at
// written + transposition (a B-flat clarinet: diatonic -1, chromatic -2).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Pitch.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::score {

// Identifies an event or a note within one score (unique, never 0), so layers and edits can point
// at them. Score::newId() hands them out.
using ElementId = std::uint32_t;

// When a note was played, if it was performed rather than notated (an imported MIDI file): exact
// absolute positions in whole notes from the start of the score. Playback prefers these, so an
// imported performance plays exactly as recorded while the notation shows quantised values.
struct PerformedTiming {
    core::Rational onset{};
    core::Rational duration{};

    friend bool operator==(const PerformedTiming&, const PerformedTiming&) = default;
};

struct Note {
    ElementId id = 0;
    Pitch pitch{};                   // written; for an unpitched (percussion) note, where it is drawn
    std::uint8_t percussionKey = 0;  // GM drum key of an unpitched note; 0 for pitched notes
    bool tieStart = false;           // tied to the same pitch in the next event
    bool tieStop = false;            // tied from the previous one
    std::uint8_t velocity = 0;       // 1…127 as performed; 0 = follow the dynamics
    std::optional<PerformedTiming> performed{};

    friend bool operator==(const Note&, const Note&) = default;
};

// A tuplet bracket this event sits under: `actual` notes in the time of `normal` (a triplet: 3, 2).
// Event::duration already includes every ratio; these say how it is notated.
struct Tuplet {
    std::uint16_t actual = 3;
    std::uint16_t normal = 2;
    bool start = false;  // the bracket begins on this event
    bool stop = false;   // and ends on this one

    friend bool operator==(const Tuplet&, const Tuplet&) = default;
};

// A grace note takes no time; `value` is how it is notated (an eighth: 1/8).
struct Grace {
    bool slash = false;  // acciaccatura (slashed); false: appoggiatura
    core::Rational value{1, 8};

    friend bool operator==(const Grace&, const Grace&) = default;
};

enum class Articulation : std::uint8_t {
    Staccato,
    Staccatissimo,
    Accent,
    StrongAccent,  // marcato
    Tenuto,
    DetachedLegato,  // tenuto + staccato (portato)
    Fermata,
    Trill,
    Mordent,
    InvertedMordent,
    Turn,
    Tremolo,
    UpBow,
    DownBow,
    Arpeggiate,
    Breath,
};

struct Event {
    ElementId id = 0;
    std::uint32_t measure = 0;      // index into Timeline::measures
    core::Rational offset{};        // from the measure's start, in whole notes
    core::Rational duration{};      // time taken, in whole notes (tuplets included); 0 for grace notes
    std::uint8_t voice = 1;         // 1-based, within the part
    std::uint8_t staff = 1;         // 1-based, within the part
    std::vector<Note> notes{};      // one note, several (a chord), or none (a rest)
    std::vector<Tuplet> tuplets{};  // outermost first
    std::optional<Grace> grace{};
    bool cue = false;          // a cue note: shown small, not played
    bool measureRest = false;  // a rest that fills the whole measure whatever its meter
    bool invisible = false;    // takes time but is not drawn (ABC x, MusicXML print-object="no")
    std::vector<Articulation> articulations{};

    bool isRest() const noexcept { return notes.empty(); }

    friend bool operator==(const Event&, const Event&) = default;
};

// A dynamic mark (p, mf, sfz …) in a part from a position on.
struct DynamicMark {
    ScorePosition at{};
    std::uint8_t staff = 1;
    std::string mark{};         // "pp", "mf", "sfz", "fp" …
    std::uint8_t velocity = 0;  // the MIDI velocity it stands for (1…127); 0 = from the mark's name

    friend bool operator==(const DynamicMark&, const DynamicMark&) = default;
};

struct Instrument {
    std::string name{};                       // "Acoustic Grand Piano", "Violin", "Drumset"
    std::uint8_t gmProgram = 0;               // General MIDI program, 0-based (0 piano, 24 nylon guitar)
    bool percussion = false;                  // plays on the GM drum channel (10)
    std::optional<std::uint8_t> midiChannel;  // 1…16 when the source fixed one

    friend bool operator==(const Instrument&, const Instrument&) = default;
};

// Written → sounding: up `chromatic` semitones and `diatonic` steps, plus whole octaves.
struct Transposition {
    std::int8_t diatonic = 0;
    std::int8_t chromatic = 0;
    std::int8_t octaveChange = 0;

    bool isNone() const noexcept { return diatonic == 0 && chromatic == 0 && octaveChange == 0; }
    int soundingSemitones() const noexcept { return chromatic + 12 * octaveChange; }

    friend bool operator==(const Transposition&, const Transposition&) = default;
};

struct Part {
    std::string id{};            // unique in the score: "P1"
    std::string name{};          // "Violin I"
    std::string abbreviation{};  // "Vln. I"
    Instrument instrument{};
    Transposition transposition{};
    std::vector<Pitch> tuning{};  // open strings of a fretted instrument, string 1 (highest) first
    std::uint8_t capo = 0;        // capo fret; 0 for none
    std::uint8_t staves = 1;
    std::vector<Event> events{};  // in time order: by measure, then offset (voices interleaved)
    std::vector<DynamicMark> dynamics{};

    friend bool operator==(const Part&, const Part&) = default;
};

}  // namespace mos::score
