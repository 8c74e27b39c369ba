#pragma once

// What `mos info` tells about a score at a glance: parts, measures, notes, length in seconds and
// the key, meter and tempo it starts in.

#include <cstddef>
#include <string>

#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"

namespace mos::score {

struct Summary {
    std::size_t parts = 0;
    std::size_t measures = 0;
    std::size_t notes = 0;         // note heads that sound: every note of every event, cue notes excluded
    double durationSeconds = 0.0;  // the notated length once through (repeats not expanded)
    KeySignature key{};            // at the start
    TimeSignature time{};          // at the start
    core::Rational tempoBpm{120};  // quarter notes per minute at the start
};

// Thread: any. RT-safe: no.
Summary summarize(const Score& score);

// "G major", "E minor", "D dorian", "Bb mixolydian"; "none" for Mode::None. Explicit key accidentals
// are not named. Thread: any. RT-safe: no.
std::string keyName(const KeySignature& key);

// "3/4"; common and cut time are named by their numbers, "4/4" and "2/2". Thread: any. RT-safe: no.
std::string timeSignatureName(const TimeSignature& time);

}  // namespace mos::score
