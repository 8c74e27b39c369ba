#pragma once

// The beats of a score as units of harmonic analysis: for each beat, how long each pitch class
// sounds in it and which note is lowest. A beat is what the meter counts: a quarter in 4/4 and
// 3/4, a half in 2/2, a dotted quarter in 6/8, 9/8 and 12/8 (RomanText counts beats the same way).
//
//   3/4: C3 (dotted half) under E4 F4 G4 (quarters)
//   beatUnits(score, soundingNotes(score))  ->  three units: {C, E} bass C, {C, F} bass C, {C, G} bass C

#include <span>
#include <vector>

#include "mos/analysis/HarmonicSegmentation.hpp"
#include "mos/analysis/SoundingNotes.hpp"
#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::analysis {

// The length of one beat of a meter in whole notes: 3/denominator for compound meters (a
// numerator of 6, 9, 12 …), else 1/denominator. Thread: any. RT-safe: yes.
core::Rational beatLength(const score::TimeSignature& meter) noexcept;

// The beat a position falls on, 1-based and fractional between beats, as the meter counts them:
// beat 2.5 is halfway through the second beat; a pickup holds the last beats of its meter (a
// quarter-note pickup in 3/4 starts on beat 3). Thread: any. RT-safe: no.
core::Rational beatNumber(const score::Score& score, const score::ScorePosition& at);

struct BeatUnits {
    std::vector<HarmonicUnit> units;
    std::vector<score::ScorePosition> positions;  // where each unit starts
    std::vector<core::Rational> starts;           // … in whole notes from the score's start
    core::Rational end{};                         // where the last unit ends
};

// One unit per beat of every measure in score order (a measure shorter than its meter, such as
// a pickup, has the beats that fit, the last one cut short). Thread: any. RT-safe: no.
BeatUnits beatUnits(const score::Score& score, std::span<const SoundingNote> notes);

}  // namespace mos::analysis
