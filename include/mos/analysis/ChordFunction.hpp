#pragma once

// What a chord does in a key, in the coarse classes a key finder can weigh quickly: the tonic
// triad, the dominant (V, V7, viio, viio7), the key's other chords, the dominants applied to
// them, and everything foreign. Read from the chord's root and tones alone, so it is cheap enough
// to ask for every chord in every candidate key (RomanNumeral::fromChord gives the full reading).
//
//   chordFunction(G7, C major)   -> Dominant
//   chordFunction(D7, C major)   -> Applied     (V7/V)
//   chordFunction(Eb, C major)   -> Foreign     (bIII, mixture)
//   chordFunction(Eb, C minor)   -> Diatonic    (III)

#include <cstdint>
#include <string_view>

#include "mos/theory/ChordSymbol.hpp"
#include "mos/theory/Key.hpp"

namespace mos::analysis {

enum class ChordFunction : std::uint8_t {
    Tonic,     // I in major (with or without a major seventh), i in minor
    Dominant,  // V, V7, viio, viiø7 and the diminished sevenths on the leading tone
    Diatonic,  // the key's other triads and sevenths (in minor: III, iv, v, VI, VII, iio)
    Applied,   // a major triad or dominant seventh on another diatonic degree: V/x, V7/x
    Foreign,   // mixture, chromatic and everything else
};

// "tonic", "dominant", "diatonic", "applied", "foreign". Thread: any. RT-safe: yes.
std::string_view chordFunctionName(ChordFunction function) noexcept;

// The class of `chord` in `key`; a church-mode key is read as its major or minor (Dorian and
// Phrygian and Locrian as minor). Thread: any. RT-safe: no.
ChordFunction chordFunction(const theory::ChordSymbol& chord, const theory::Key& key);

}  // namespace mos::analysis
