#pragma once

// What the MusicXML writer works out before it writes a byte: each part's XML id, divisions and
// instruments, its events and non-note content sorted into measures, and lookups from the layers
// (beams, stems, slurs, lyrics, tablature, fingering) by event or note id. Writing is then one
// pass over measures that never searches.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats::musicxml_writer {

// One end of a slur or wedge with the number that pairs it with its other end (1…16).
struct SpanEnd {
    std::uint8_t number = 1;
    bool start = true;
};

enum class BeamValue : std::uint8_t { Begin, Continue, End };

// What the previous note on the same string started and this one finishes.
struct TabArrival {
    bool hammerOn = false;
    bool pullOff = false;
    bool slide = false;
};

struct WedgeItem {
    const score::Hairpin* hairpin = nullptr;
    SpanEnd end{};
};

// A chord symbol, a fretboard diagram, or a symbol with its diagram.
struct HarmonyItem {
    const score::ChordSymbol* chord = nullptr;
    const score::ChordDiagram* diagram = nullptr;
};

// Non-note content at a place in a measure. The alternatives are in the order they are written
// when they share a place: attribute changes first, the chord symbol last, just before the note.
using ItemContent =
    std::variant<const score::KeyChange*, const score::Clef*, const score::Marker*, const score::Navigation*,
                 const score::TempoMark*, const score::TextMark*, const score::DynamicMark*, WedgeItem, HarmonyItem>;

struct MeasureItem {
    core::Rational offset{};
    ItemContent content;
};

// A <score-instrument> with its <midi-instrument>: the part's own sound, or one drum of a kit.
struct InstrumentSlot {
    std::string id;
    std::string name;
    std::uint8_t percussionKey = 0;  // the GM drum key it plays; 0 for the part's pitched sound
};

struct PartPlan {
    const score::Part* part = nullptr;
    std::string id;                  // an XML ID: the model's when it is one, else "P<n>"
    std::int64_t divisions = 1;      // per quarter note
    std::uint8_t staves = 1;         // the part's, or more when events or clefs use more
    bool writeStaff = false;         // <staff> on notes, directions and clefs (several staves)
    bool instrumentOnNotes = false;  // several score-instruments: every note names its own
    std::vector<InstrumentSlot> instruments;
    std::vector<std::uint8_t> tabStaves;                      // staves with a TAB clef
    std::vector<std::vector<const score::Event*>> events;     // per measure, in the part's order
    std::vector<std::vector<MeasureItem>> items;              // per measure, sorted for writing
    std::vector<std::vector<const score::Clef*>> startClefs;  // per measure, the clefs at its start

    // Whole notes in divisions, rounded when the divisions could not be chosen to make it exact.
    std::int64_t toDivisions(core::Rational wholeNotes) const noexcept;
    // The <duration> of a note lasting `wholeNotes`: at least 1, and 0 for a grace note (no time).
    std::int64_t noteDivisions(core::Rational wholeNotes) const noexcept;
    // The score-instrument of a drum key, or of the pitched sound for 0; nullptr when there is none.
    const InstrumentSlot* instrumentFor(std::uint8_t percussionKey) const noexcept;
};

struct MeasurePlan {
    const score::Measure* source = nullptr;  // nullptr for a measure past the timeline's end
    std::string number;                      // the label written, never empty
    core::Rational start{};                  // from the score's beginning, in whole notes
    core::Rational duration{};               // actual length in whole notes, always positive
    bool pickup = false;
};

struct ScorePlan {
    const score::Score* score = nullptr;
    std::vector<MeasurePlan> measures;
    std::vector<PartPlan> parts;
    std::unordered_map<score::ElementId, BeamValue> beams;  // by event
    std::unordered_map<score::ElementId, score::Stem::Direction> stems;
    std::unordered_map<score::ElementId, std::vector<SpanEnd>> slurs;
    std::unordered_map<score::ElementId, std::vector<const score::LyricSyllable*>> lyrics;  // sorted by verse
    std::unordered_map<score::ElementId, const score::TabNote*> tablature;                  // by note
    std::unordered_map<score::ElementId, TabArrival> tabArrivals;                           // by note
    std::unordered_map<score::ElementId, std::vector<const score::Fingering*>> fingering;   // by note
};

// An offset or duration with the invalid value read as zero.
inline core::Rational finite(core::Rational value) noexcept { return value.isValid() ? value : core::Rational{}; }

// Plans the whole score. Thread: any. RT-safe: no.
ScorePlan planScore(const score::Score& score);

}  // namespace mos::formats::musicxml_writer
