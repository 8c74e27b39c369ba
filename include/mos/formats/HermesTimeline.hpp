#pragma once

// Hermes timeline JSON, the seed system's record of what happened in a session or what a score
// does over time: a list of timed events of five types.
//
//   {"version": "1.0", "events": [
//     {"timestamp": 0.5, "tick": 960, "measure": 1, "beat": 2.0, "type": "chord_change",
//      "data": {"expected": "Am7", "roman": "ii7"}},
//     {"timestamp": 0.5, "tick": 960, "measure": 1, "beat": 2.0, "type": "midi_event",
//      "data": {"message": "note_on", "note": 57, "velocity": 80, "channel": 1, "part": "P1"}}]}
//
// Types: chord_change (the chords and analysis layers), midi_event (note on/off: the parts),
// tempo_change (data.bpm, quarter notes per minute), key_change (data.key "G major" / "Em", or
// data.fifths and data.mode), widget_state (kept as it is, with any unknown type, in the score's
// "hermes" extension, so nothing read is lost). Ticks count 960 per quarter note; when an event
// has no tick, MOS takes its place from measure and beat (4/4), else from its timestamp.

#include <string>
#include <string_view>

#include "mos/core/Result.hpp"
#include "mos/formats/Imported.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats {

// Reads a timeline into one score. Thread: any. RT-safe: no.
core::Result<Imported> readHermesTimeline(std::string_view json, const std::string& fileName);

// Writes a score as a timeline: its tempo and key changes, chord symbols (with the Roman numeral
// analysed at the same place), every played note as note_on/note_off, and the events kept from a
// timeline it was read from. Events are in time order. Thread: any. RT-safe: no.
std::string writeHermesTimeline(const score::Score& score);

}  // namespace mos::formats
