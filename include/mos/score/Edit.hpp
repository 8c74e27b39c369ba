#pragma once

// The edits a score::Store applies, and the Transaction that groups them. Every editor — the CLI,
// the daemon, WebSocket clients, lessons, plugins — changes a document only through these, so each
// change can be undone, redone and announced to subscribers.
//
//   Transaction insertNote{{InsertEvent{"P1", Event{.measure = 3, .offset = {1, 4}, .duration = {1, 4},
//                                             .notes = {Note{.pitch = *Pitch::parse("C5")}}}}},
//                          "Insert note"};
//   store.apply(document, std::move(insertNote));
//
// Addressing: parts by Part::id; events and notes by ElementId (unique in the document); places by
// ScorePosition (measure index and offset in whole notes). Layer entries carry no id: each kind has
// a key (listed at SetEntry below), and SetEntry replaces the entry with the same key or inserts a
// new one, RemoveEntry removes it.
//
// Invariants every edit keeps: events stay in time order within their part; ids stay unique (fresh
// ids come from Score::newId()); nothing points at an event, note or part that is gone — deleting
// one also deletes the layer entries that point at it (tablature, fingering, lyrics, stems, beams,
// slurs; a removed part's chord symbols, diagrams and notation).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"

namespace mos::score {

// ---- Document ------------------------------------------------------------------------------------

// Replaces the metadata (title, composer, tags …) as a whole.
struct SetMetadata {
    Metadata metadata{};
};

// Stores a plugin's JSON text under its name, replacing what the plugin stored before.
struct SetExtension {
    std::string plugin{};
    std::string json{};
};

struct RemoveExtension {
    std::string plugin{};
};

// ---- Parts ---------------------------------------------------------------------------------------

// Adds a part at `index` in the part order (the end when nullopt). Its id must be new and non-empty.
// Its events (which may be empty) get fresh ids for themselves and their notes and are put in time
// order; they must fit the timeline like inserted events.
struct AddPart {
    Part part{};
    std::optional<std::size_t> index{};
};

// Removes a part with its events, and every layer entry that points at them or at the part.
struct RemovePart {
    std::string partId{};
};

// Moves a part to `index` in the part order (0 = top of the score).
struct MovePart {
    std::string partId{};
    std::size_t index = 0;
};

struct RenamePart {
    std::string partId{};
    std::string name{};
    std::string abbreviation{};
};

// Changes the instrument and its transposition. Written pitches are kept, so a new transposition
// changes what sounds; to keep the sound, rewrite the notes in the same transaction.
struct SetInstrument {
    std::string partId{};
    Instrument instrument{};
    Transposition transposition{};
};

// Sets the open strings (string 1, the highest, first; empty for an unfretted part) and the capo.
// Fails when a tablature entry of the part uses a string the new tuning does not have.
struct SetTuning {
    std::string partId{};
    std::vector<Pitch> tuning{};
    std::uint8_t capo = 0;
};

// Sets the number of staves (≥ 1). Fails when an event, dynamic, clef, hairpin or text of the part
// sits on a staff above the new count.
struct SetStaves {
    std::string partId{};
    std::uint8_t staves = 1;
};

// ---- Events and notes ----------------------------------------------------------------------------

// Inserts an event at event.measure/event.offset, after the events already at that place (a grace
// event before the non-grace ones). The event and its notes get fresh ids (the ids given are ignored;
// ChangeSet::eventsInserted/notesInserted list the new ones). Rules: the measure exists; 0 ≤ offset <
// the measure's duration (≤ for a grace event); duration > 0, or 0 for a grace event; voice ≥ 1;
// 1 ≤ staff ≤ the part's staves; velocities and percussion keys ≤ 127; alterations within a triple
// flat or sharp; tuplet ratios > 0; every rational valid; performed timing not negative.
struct InsertEvent {
    std::string partId{};
    Event event{};
};

// Deletes an event and the layer entries that point at it or its notes.
struct DeleteEvent {
    ElementId event = 0;
};

// Replaces the event with id event.id by `event` — position, duration, voice, notes, tuplets,
// articulations … — following InsertEvent's rules, and moves it into time order when its place
// changed. Notes keep their ids when event.notes carries them (an id of another event is an error);
// a note with id 0 is new and gets a fresh id; a note left out is deleted with its tablature and
// fingering. The usual way to change an event: read it, modify the copy, apply ChangeEvent.
struct ChangeEvent {
    Event event{};
};

// Moves an event to another place in its part, keeping everything else.
struct MoveEvent {
    ElementId event = 0;
    ScorePosition to{};
};

// Adds a note to an event (a rest becomes a note, a note a chord); it gets a fresh id.
struct InsertNote {
    ElementId event = 0;
    Note note{};
};

// Deletes a note and its tablature and fingering; deleting an event's last note leaves a rest.
struct DeleteNote {
    ElementId note = 0;
};

// Replaces the note with id note.id (pitch, ties, velocity, performed timing …).
struct ChangeNote {
    Note note{};
};

// Puts a dynamic mark in a part, replacing the one on the same staff at the same place.
struct SetDynamic {
    std::string partId{};
    DynamicMark dynamic{};
};

struct RemoveDynamic {
    std::string partId{};
    std::uint8_t staff = 1;
    ScorePosition at{};
};

// ---- Timeline ------------------------------------------------------------------------------------

// Inserts `count` empty measures before measure `at` (at = measure count appends), each as long as
// the meter in force there. Everything from `at` on moves `count` measures later: events (and their
// performed timing), layer entries, ranges (a section or ending spanning `at` grows). Measure labels
// that are plain numbers after the insertion shift by `count`; the new measures continue the
// numbering. Inserted at 0, the first new measure takes over the opening meter, key and tempo.
struct InsertMeasures {
    std::uint32_t at = 0;
    std::uint32_t count = 1;
};

// Deletes measures first…first+count-1 with their events and layer entries; what follows moves
// `count` measures earlier (performed timing too) and ranges are clipped. The meter, key and tempo in
// force after the deleted measures stay in force: they move onto the first measure that follows.
struct DeleteMeasures {
    std::uint32_t first = 0;
    std::uint32_t count = 1;
};

// Sets the meter from a measure on. Measures up to the next meter change that had the old meter's
// length (not pickups or other irregular measures) take the new length; events keep their offsets.
struct SetTimeSignature {
    std::uint32_t measure = 0;
    TimeSignature time{};
};

// Removes a meter change (not the opening one), so the previous meter continues; lengths follow as
// for SetTimeSignature.
struct RemoveTimeSignature {
    std::uint32_t measure = 0;
};

// Puts a key change at key.offset in a measure, replacing one at the same offset.
struct SetKey {
    std::uint32_t measure = 0;
    KeyChange key{};
};

// Removes a key change (not the opening one at measure 0, offset 0).
struct RemoveKey {
    std::uint32_t measure = 0;
    core::Rational offset{};
};

// Puts a tempo mark at tempo.offset in a measure, replacing one at the same offset.
struct SetTempo {
    std::uint32_t measure = 0;
    TempoMark tempo{};
};

struct RemoveTempo {
    std::uint32_t measure = 0;
    core::Rational offset{};
};

// Sets a measure's printed label ("12a").
struct SetMeasureNumber {
    std::uint32_t measure = 0;
    std::string number{};
};

// Sets or clears a start-repeat (|:) at a measure.
struct SetRepeatStart {
    std::uint32_t measure = 0;
    bool repeatStart = false;
};

// Sets an end-repeat (:|) at a measure: the passage is played `times` times in all (2 for a plain
// repeat); 0 clears it.
struct SetRepeatEnd {
    std::uint32_t measure = 0;
    std::uint8_t times = 2;
};

// Sets a measure's right barline style ("light-heavy"; empty for a plain one).
struct SetBarline {
    std::uint32_t measure = 0;
    std::string barline{};
};

// Puts a navigation mark (segno, coda, D.C. …) in a measure, replacing one of the same kind there.
struct SetNavigation {
    std::uint32_t measure = 0;
    Navigation navigation{};
};

struct RemoveNavigation {
    std::uint32_t measure = 0;
    NavigationKind kind = NavigationKind::Segno;
};

// ---- Layer entries, endings, learning and audio --------------------------------------------------

// Puts an entry: replaces the entry with the same key, or inserts it (in time order for entries
// with a place, at the end for the others). Keys:
//   Ending, Section                firstMeasure
//   PointOfInterest                firstMeasure, lastMeasure
//   ChordSymbol                    partId, at, alternate
//   ChordDiagram                   partId, at
//   KeyRegion, RomanNumeral, Cadence   at
//   Marker                         at, kind
//   TabNote, Fingering             note
//   Stem                           event
//   LyricSyllable                  event, verse
//   Beam                           partId, first event
//   Slur                           partId, from, to
//   Clef                           partId, staff, at
//   Hairpin                        partId, staff, from
//   TextMark                       partId, staff, at, text
//   Annotation                     partId, at, author
//   AudioReference                 uri
// Every place must exist (0 ≤ offset ≤ the measure's duration), every id point at an event or note
// of the document (of the named part where the entry has one), every range lie inside the score.
template <typename Entry>
struct SetEntry {
    Entry entry{};
};

// Removes the entry whose key equals `entry`'s (its other fields are ignored, so the entry as read
// from the score will do); fails when there is none.
template <typename Entry>
struct RemoveEntry {
    Entry entry{};
};

using SetEnding = SetEntry<Ending>;
using RemoveEnding = RemoveEntry<Ending>;
using SetSection = SetEntry<Section>;
using RemoveSection = RemoveEntry<Section>;
using SetChordSymbol = SetEntry<ChordSymbol>;
using RemoveChordSymbol = RemoveEntry<ChordSymbol>;
using SetKeyRegion = SetEntry<KeyRegion>;
using RemoveKeyRegion = RemoveEntry<KeyRegion>;
using SetRomanNumeral = SetEntry<RomanNumeral>;
using RemoveRomanNumeral = RemoveEntry<RomanNumeral>;
using SetCadence = SetEntry<Cadence>;
using RemoveCadence = RemoveEntry<Cadence>;
using SetTabNote = SetEntry<TabNote>;
using RemoveTabNote = RemoveEntry<TabNote>;
using SetChordDiagram = SetEntry<ChordDiagram>;
using RemoveChordDiagram = RemoveEntry<ChordDiagram>;
using SetFingering = SetEntry<Fingering>;
using RemoveFingering = RemoveEntry<Fingering>;
using SetClef = SetEntry<Clef>;
using RemoveClef = RemoveEntry<Clef>;
using SetBeam = SetEntry<Beam>;
using RemoveBeam = RemoveEntry<Beam>;
using SetStem = SetEntry<Stem>;
using RemoveStem = RemoveEntry<Stem>;
using SetSlur = SetEntry<Slur>;
using RemoveSlur = RemoveEntry<Slur>;
using SetHairpin = SetEntry<Hairpin>;
using RemoveHairpin = RemoveEntry<Hairpin>;
using SetText = SetEntry<TextMark>;
using RemoveText = RemoveEntry<TextMark>;
using SetLyric = SetEntry<LyricSyllable>;
using RemoveLyric = RemoveEntry<LyricSyllable>;
using SetMarker = SetEntry<Marker>;
using RemoveMarker = RemoveEntry<Marker>;
using SetPointOfInterest = SetEntry<PointOfInterest>;
using RemovePointOfInterest = RemoveEntry<PointOfInterest>;
using SetAnnotation = SetEntry<Annotation>;
using RemoveAnnotation = RemoveEntry<Annotation>;
using SetAudioReference = SetEntry<AudioReference>;
using RemoveAudioReference = RemoveEntry<AudioReference>;

// ---- Transactions --------------------------------------------------------------------------------

using Edit = std::variant<
    // document
    SetMetadata, SetExtension, RemoveExtension,
    // parts
    AddPart, RemovePart, MovePart, RenamePart, SetInstrument, SetTuning, SetStaves,
    // events and notes
    InsertEvent, DeleteEvent, ChangeEvent, MoveEvent, InsertNote, DeleteNote, ChangeNote, SetDynamic, RemoveDynamic,
    // timeline
    InsertMeasures, DeleteMeasures, SetTimeSignature, RemoveTimeSignature, SetKey, RemoveKey, SetTempo, RemoveTempo,
    SetMeasureNumber, SetRepeatStart, SetRepeatEnd, SetBarline, SetNavigation, RemoveNavigation, SetEnding,
    RemoveEnding,
    // layers
    SetSection, RemoveSection, SetChordSymbol, RemoveChordSymbol, SetKeyRegion, RemoveKeyRegion, SetRomanNumeral,
    RemoveRomanNumeral, SetCadence, RemoveCadence, SetTabNote, RemoveTabNote, SetChordDiagram, RemoveChordDiagram,
    SetFingering, RemoveFingering, SetClef, RemoveClef, SetBeam, RemoveBeam, SetStem, RemoveStem, SetSlur, RemoveSlur,
    SetHairpin, RemoveHairpin, SetText, RemoveText, SetLyric, RemoveLyric, SetMarker, RemoveMarker,
    // learning and audio
    SetPointOfInterest, RemovePointOfInterest, SetAnnotation, RemoveAnnotation, SetAudioReference,
    RemoveAudioReference>;

// Edits applied together: all of them or none. Each edit sees the document as the edits before it
// in the same transaction left it.
struct Transaction {
    std::vector<Edit> edits{};
    std::string label{};  // for an undo menu: "Insert note"; may be empty
};

// The edit's type name, "InsertEvent", "SetChordSymbol": error messages and default labels use it.
// Thread: any. RT-safe: yes.
std::string_view editName(const Edit& edit) noexcept;

}  // namespace mos::score
