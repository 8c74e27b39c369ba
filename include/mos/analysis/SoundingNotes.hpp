#pragma once

// The notes a score sounds, flattened out of its parts, staves and voices into one list in time
// order: the input of every analysis pass (key finding, harmonic segmentation).
//
//   score: a B-flat clarinet part writing D5 (tied over the barline) in a 3/4 piece with a pickup
//          of one quarter
//   soundingNotes(score)[0]  ->  onset 1/4 (after the pickup), duration 3/4 + 1/4, pitch C5 (MIDI 72),
//                                at {measure 1, offset 0}
//
// What counts as sounding, and how:
// - Times are exact, in whole notes from the start of the score, taken from the timeline's measure
//   lengths (a pickup is as long as it really is). Measures are taken in score order: repeats and
//   jumps are not expanded, so a repeated passage counts once, as it is written.
// - Pitches sound at the written pitch moved by the part's transposition, spelled by the
//   transposing interval (a B-flat clarinet's written E4 sounds as D4, not as a respelled C##4).
// - Tied notes are one note: a note that a tie starts from continues through every later note of
//   the same pitch that begins exactly where it ends, in any voice of the same part.
// - Grace notes are left out: the model gives them no time, and what they add (an ornament, a
//   passing colour) weighs nothing in a duration-weighted analysis. Cue notes (not played),
//   unpitched notes and whole percussion parts are left out too; rests sound nothing.

#include <cstdint>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Pitch.hpp"
#include "mos/score/Score.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::analysis {

struct SoundingNote {
    core::Rational onset{};     // whole notes from the start of the score
    core::Rational duration{};  // whole notes; a tied chain counts as one note
    score::Pitch pitch{};       // the sounding (concert) pitch, spelled
    std::uint32_t part = 0;     // index into Score::parts
    std::uint8_t staff = 1;     // 1-based, within the part (where the chain starts)
    std::uint8_t voice = 1;     // 1-based, within the part (where the chain starts)
    score::ScorePosition at{};  // where the note (the first of a tied chain) is written
    score::ElementId note = 0;  // the score::Note that starts the chain

    // Where the note stops sounding. Thread: any. RT-safe: yes.
    core::Rational end() const noexcept { return onset + duration; }
    // The sounding MIDI number (may fall outside 0…127 for odd transpositions). Thread: any. RT-safe: yes.
    int midiNumber() const noexcept { return pitch.midiNumber(); }
    // 0 = C … 11 = B. Thread: any. RT-safe: yes.
    int pitchClass() const noexcept { return pitch.pitchClass(); }

    friend bool operator==(const SoundingNote&, const SoundingNote&) = default;
};

// Every sounding note of the score, ordered by onset, then part, staff, voice and pitch (lowest
// first). Events that lie outside the timeline or have no valid time are skipped. Thread: any.
// RT-safe: no.
std::vector<SoundingNote> soundingNotes(const score::Score& score);

}  // namespace mos::analysis
