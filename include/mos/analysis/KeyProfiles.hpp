#pragma once

// Key profiles: how strongly each degree of the chromatic scale belongs to a key, tonic first,
// as published by the studies that measured them (probe-tone ratings, or how often each degree
// sounds in a corpus). A key finder compares a score's pitch-class weights with each profile
// rotated to each tonic.
//
//   keyProfile(KeyProfileSet::KrumhanslKessler).major[0] == 6.35   (the tonic's rating)
//   modeProfile(KeyProfileSet::Sapp, Mode::Dorian)  ->  2 0 1 1 0 1 0 2 0 1 0.5 0.5
//                                                       (minor with the raised sixth of Dorian)

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "mos/analysis/PitchClassWindows.hpp"
#include "mos/theory/Key.hpp"

namespace mos::analysis {

enum class KeyProfileSet : std::uint8_t {
    KrumhanslKessler,      // probe-tone ratings (1982): the textbook Krumhansl–Schmuckler profiles
    TemperleyKostkaPayne,  // share of segments holding each degree, Kostka–Payne excerpts (2007)
    AardenEssen,           // how often each degree sounds in the Essen folk song collection (2003)
    AlbrechtShanahan,      // degree durations in a corpus of common-practice pieces (2013)
    Sapp,                  // Sapp's simple weights: 2 tonic and dominant, 1 or 0.5 the other scale tones (2011)
    BellmanBudge,          // chord-tone frequencies from Budge's chord counts (2005)
};

struct KeyProfile {
    std::string_view name;    // "krumhansl-kessler", "aarden-essen" …: what options and tools print
    std::string_view source;  // the publication the numbers come from
    PitchClassWeights major{};
    PitchClassWeights minor{};
};

// Every profile set, in the order of the enum. Thread: any. RT-safe: yes.
std::span<const KeyProfileSet> allKeyProfileSets() noexcept;
// The published weights of a set. Thread: any. RT-safe: yes.
const KeyProfile& keyProfile(KeyProfileSet set) noexcept;
// The set a name as KeyProfile::name writes it stands for. Thread: any. RT-safe: yes.
std::optional<KeyProfileSet> keyProfileFromName(std::string_view name) noexcept;

// The weights for a mode, tonic at index 0. Major and Ionian take the major profile, Minor the
// minor one. The church modes keep the tonal hierarchy of the parallel major or minor profile and
// move the weight of each degree the mode alters to where the mode has it: Dorian is minor with
// the sixth raised, Phrygian minor with the second lowered, Locrian Phrygian with the fifth
// lowered, Lydian major with the fourth raised, Mixolydian major with the seventh lowered; and
// where a minor profile weighs the leading tone above the flat seventh (harmonic minor), the
// modes with a flat seventh (Aeolian, Dorian, Phrygian, Locrian) swap the two. No study has
// published probe-tone ratings for the church modes; this keeps each set's own tonic and dominant
// weights. Mode::None gives the major profile. Thread: any. RT-safe: yes.
PitchClassWeights modeProfile(KeyProfileSet set, theory::Mode mode) noexcept;

}  // namespace mos::analysis
