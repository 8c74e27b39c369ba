#pragma once

// Voice leading: the voicing of the next chord that moves least from the voicing before it, as a
// pianist comps or a choir sings a progression. Jam and practice call it once per chord change.
//
//   std::array<int, 3> next{};
//   nextVoicing(std::array{60, 64, 67}, *ChordSymbol::parse("F"), next);   // C4 E4 G4
//   next == {60, 65, 69}                                                    // C4 F4 A4
//   voiceLeadingDistance(std::array{60, 64, 67}, next) == 3                 // E-F 1, G-A 2
//
// Voicings are MIDI note numbers 0 … 127, lowest first, one note per voice; a new voicing never
// has two voices on one note, and voices are paired lowest with lowest, so they never cross.
//
// The chosen voicing
// - sounds only chord tones, and every one of them when there are enough voices; with fewer voices
//   than tones it keeps, in this order, the bass (under the bass rule), the root, the third (or the
//   suspended fourth or second), the seventh (or the sixth of a 6 chord, the diminished seventh),
//   the alterations (b9, #9, b5/#11, #5/b13), the extensions (13, then 11, then 9) and last the
//   perfect fifth;
// - with more voices than tones, doubles the root or the perfect fifth (the third where there is
//   no perfect fifth, as in diminished and augmented triads); only when no voicing in the range
//   can do with those, the third too, and only when that fails too, any tone;
// - keeps every voice within [lowestNote, highestNote], and under the bass rule puts the chord's
//   bass pitch class (the root, or a slash chord's bass) in the lowest voice;
// - moves least in total (voiceLeadingDistance); between voicings that move equally it prefers,
//   in this order, fewer voices moving (common tones held), a smaller largest leap, fewer upper
//   voices moving the same way as the bass (contrary and oblique motion), fewer doublings of
//   anything but the root, and last the lower voicing (compared from the lowest voice up), so the
//   answer is always the same.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "mos/theory/ChordSymbol.hpp"

namespace mos::theory {

// The most voices a voicing may have: ten fingers.
inline constexpr std::size_t kMaxVoices = 10;

struct VoicingOptions {
    int lowestNote = 21;             // A0: no voice goes below (MIDI, inclusive)
    int highestNote = 108;           // C8: no voice goes above
    bool bassInLowestVoice = false;  // the bass rule; off when a bass player or the left hand has the bass
};

// The smallest total motion, in semitones, from one voicing to another: the voices paired in
// order, lowest with lowest, which is the cheapest pairing. {60,64,67} -> {60,65,69} is 3. When the
// sizes differ, voices split (or merge): each voice of the larger voicing pairs with one of the
// smaller, in order, every voice of the smaller with at least one. Notes may come in any order.
// nullopt when either voicing is empty, has more than kMaxVoices notes or one outside 0 … 127.
// Thread: any. RT-safe: yes.
std::optional<int> voiceLeadingDistance(std::span<const int> from, std::span<const int> to) noexcept;

// Writes into `out` the voicing of the chord with the pitch classes `pitchClasses` (bit 0 = C) over
// `bassPitchClass` that moves least from `previous`, with as many voices as `out` has; returns
// out.size(), or 0 (leaving `out` unspecified) when no voicing fits: `out` empty or larger than
// kMaxVoices, an empty chord, notes of `previous` outside 0 … 127, or a range too narrow for the
// voices and the tones they must sound. An empty `previous` counts as notes a major third apart
// around the middle of the range, so the first chord comes out in close position there. The
// chord's root is the one nameChord reads from the pitch classes over that bass.
// The search is exact within 4096 steps; four to six voices stay far below (a few dozen steps is
// usual, under 500 the most seen over 2,000 random chord changes). Past them, as can happen with
// eight or more voices, it returns the best voicing found so far. So the time is bounded: about
// 1 µs for four or five voices, about 0.08 ms at worst (bench/theory/VoiceLeadingBench.cpp).
// Thread: any. RT-safe: yes.
std::size_t nextVoicing(std::span<const int> previous, std::uint16_t pitchClasses, int bassPitchClass,
                        std::span<int> out, const VoicingOptions& options = {}) noexcept;

// The same for a chord symbol: its root, its bass (a slash chord's, else the root) and its tones.
// Nothing is written for N.C. Thread: any. RT-safe: no (ChordSymbol::pitchClasses allocates).
std::size_t nextVoicing(std::span<const int> previous, const ChordSymbol& chord, std::span<int> out,
                        const VoicingOptions& options = {});

}  // namespace mos::theory
