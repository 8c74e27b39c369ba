#pragma once

// The notes and loudness of the live-playing API (the vision's playChord(['C', 'E', 'G'], '4n', 0.8)),
// from the text and numbers a caller writes to MIDI keys and velocities.
//
//   liveKeys({"C4"})             -> 60        a pitch: C4 is middle C
//   liveKeys({"F#3", "Bb5"})     -> 54 82
//   liveKeys({"60"})             -> 60        a MIDI number
//   liveKeys({"C", "E", "G"})    -> 60 64 67  names without an octave are voiced upward: the first
//   liveKeys({"G", "C", "E"})    -> 67 72 76  in octave 4, each next one the lowest key above the
//   liveKeys({"C3", "E", "Bb"})  -> 48 52 58  note before it
//   liveVelocity(0.8)            -> 102

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mos/core/Result.hpp"

namespace mos::engine {

// The MIDI key of each note, in order. An error names the first text that is no note, or a note
// outside MIDI's 0…127. Thread: any. RT-safe: no.
core::Result<std::vector<std::uint8_t>> liveKeys(std::span<const std::string> notes);

// A velocity of 0 (exclusive) to 1 as MIDI's 1…127; an error names a value out of that range.
// Thread: any. RT-safe: no.
core::Result<std::uint8_t> liveVelocity(double velocity);

}  // namespace mos::engine
