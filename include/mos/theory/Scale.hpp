#pragma once

// Scales as interval patterns above a tonic, so every degree is spelled the way the scale is
// written: D major has F# and C#, D harmonic minor has Bb and C#, C whole-tone has F# G# A#.
//
//   spellScale(*NoteName::parse("Eb"), ScaleType::Dorian)  ->  Eb F Gb Ab Bb C Db

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "mos/theory/Interval.hpp"
#include "mos/theory/Pitch.hpp"

namespace mos::theory {

enum class ScaleType : std::uint8_t {
    Major,
    NaturalMinor,
    HarmonicMinor,
    MelodicMinor,  // ascending form (jazz minor)
    Dorian,
    Phrygian,
    Lydian,
    Mixolydian,
    Locrian,
    MajorPentatonic,
    MinorPentatonic,
    Blues,       // minor blues: 1 b3 4 b5 5 b7
    MajorBlues,  // 1 2 b3 3 5 6
    BebopDominant,
    BebopMajor,
    WholeTone,
    OctatonicHalfWhole,  // the diminished scale over a dominant
    OctatonicWholeHalf,  // the diminished scale over a diminished seventh
    HarmonicMajor,
    LydianDominant,
    Altered,  // super-Locrian
    PhrygianDominant,
    Chromatic,
};

// Every scale type, in the order above.
std::span<const ScaleType> allScaleTypes() noexcept;
// The intervals of each degree above the tonic, in ascending order, starting with P1.
// Thread: any. RT-safe: yes.
std::span<const Interval> scaleIntervals(ScaleType type) noexcept;
// "major", "natural minor", "dorian", "minor pentatonic", "whole tone" … Thread: any. RT-safe: yes.
std::string_view scaleName(ScaleType type) noexcept;
// The type for a name as scaleName writes it, also "minor" (natural), "ionian", "aeolian",
// "diminished" (half-whole), "super locrian"; case and '-'/'_' are ignored. Thread: any. RT-safe: no.
std::optional<ScaleType> scaleFromName(std::string_view name);

// The degrees above `tonic`, spelled. Thread: any. RT-safe: no.
std::vector<NoteName> spellScale(NoteName tonic, ScaleType type);
// The scale's pitch classes as a 12-bit mask (bit 0 = C). Thread: any. RT-safe: yes.
std::uint16_t scalePitchClasses(NoteName tonic, ScaleType type) noexcept;

}  // namespace mos::theory
