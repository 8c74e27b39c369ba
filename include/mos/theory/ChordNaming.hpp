#pragma once

// Naming a chord from the notes that sound: every pitch class present is tried as the root, the
// notes are read as a chord above it (third, fifth, seventh, extensions, alterations, added tones),
// and the readings are ranked by how simply they explain the notes, with the bass and, when given,
// the key deciding between equally simple ones (C E G A over C is C6; over A it is Am7).
//
//   auto named = nameChord(std::vector<int>{60, 64, 67, 70});   // C4 E4 G4 Bb4
//   named.front().symbol.toString() == "C7", named.front().confidence ≈ 0.9
//
// Fast enough to run on every note a player adds: no allocation in the span overload.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "mos/theory/ChordSymbol.hpp"
#include "mos/theory/Key.hpp"

namespace mos::theory {

struct ChordCandidate {
    ChordSymbol symbol{};
    double confidence = 0;  // 0 … 1; the candidates of one call sum to at most 1
};

// The best readings of a set of pitch classes (bit 0 = C) over a bass pitch class (one of them),
// best first, written into `out`; returns how many were written (0 for an empty set).
// Thread: any. RT-safe: yes.
std::size_t nameChord(std::uint16_t pitchClasses, int bassPitchClass, const std::optional<Key>& key,
                      std::span<ChordCandidate> out) noexcept;

// The same for MIDI note numbers (the lowest is the bass), at most `limit` candidates.
// Thread: any. RT-safe: no.
std::vector<ChordCandidate> nameChord(std::span<const int> midiNotes, const std::optional<Key>& key = std::nullopt,
                                      std::size_t limit = 5);

// How a pitch class is spelled where nothing else decides: in the key when given (its degrees, then
// its signature's direction), else Db Eb F# Ab Bb. Thread: any. RT-safe: yes.
NoteName spellPitchClass(int pitchClass, const std::optional<Key>& key) noexcept;

}  // namespace mos::theory
