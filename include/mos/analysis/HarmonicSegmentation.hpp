#pragma once

// Harmonic segmentation: the music is cut into regions where one chord sounds, at the pace the
// harmony changes (harmonic rhythm), not in fixed windows. The input is a row of short units (beats
// of the score) with the pitch classes sounding in each; dynamic programming chooses where the
// chords change and which chord each region holds, trading how well one chord explains a region
// against how many changes it takes.
//
//   std::vector<HarmonicUnit> beats = …;           // from the score, one per beat
//   auto regions = segmentHarmony(beats, keys);     // keys: the local key of each beat, or empty
//   regions[0].chord.root == 0, .shape == RomanQuality::Major, .firstUnit == 0, .endUnit == 4
//
// The chord shapes are the ones tonal harmony is analysed in: the four triads and the five
// seventh chords (the augmented sixths are read from these by their spelling in the key, later).

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "mos/theory/Key.hpp"
#include "mos/theory/RomanNumeral.hpp"

namespace mos::analysis {

// The pitch classes above a root on C of one of the nine qualities the segmentation's templates
// take (the triads and the seventh chords: theory::RomanQuality Major … DiminishedSeventh), as a
// 12-bit mask; a major triad's for the others. Thread: any. RT-safe: yes.
std::uint16_t chordShapeMask(theory::RomanQuality shape) noexcept;

// What sounds during one unit (a beat): pitch-class weights in whole notes of sounding time, the
// pitch class of the lowest note, and how strong the unit's start is in the meter.
struct HarmonicUnit {
    std::array<double, 12> weights{};  // summed durations of the notes of each pitch class
    int bassPitchClass = -1;           // the lowest sounding note's pitch class; -1 in silence
    double length = 0;                 // the unit's length in whole notes
    double strength = 0;               // 1 at a downbeat, 0.5 on other beats, 0.25 between beats
};

struct HarmonicChord {
    int root = 0;                                              // pitch class
    theory::RomanQuality shape = theory::RomanQuality::Major;  // one of the nine template qualities
    // The pitch class of the first lowest note that is a chord tone with other notes above it
    // (else the first chord tone in the bass at all, else the root).
    int bass = 0;
};

struct HarmonicRegion {
    std::size_t firstUnit = 0;
    std::size_t endUnit = 0;  // one past the last unit
    HarmonicChord chord{};
    double fit = 0;  // how well the chord explains the region, 0 … 1 (share of sounding time)
};

struct SegmentationOptions {
    std::size_t maxUnitsPerRegion = 16;  // a chord may last up to four 4/4 bars of beats
    double changeCost = 0.05;            // what a chord change costs, in units of explained time
};

// The regions, in order, covering every unit from the first sounding one; silent units join the
// region before them. `keys` is empty or holds the local key of each unit: chords of the key are
// preferred where the notes allow both. Thread: any. RT-safe: no.
std::vector<HarmonicRegion> segmentHarmony(std::span<const HarmonicUnit> units, std::span<const theory::Key> keys = {},
                                           const SegmentationOptions& options = {});

}  // namespace mos::analysis
