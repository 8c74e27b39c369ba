#pragma once

// Keys: a tonic and a mode. A key knows its signature (sharps or flats on the line of fifths), its
// scale and how its degrees are spelled, so Roman numerals and chord spellings come out right in
// every key, including modal ones (D dorian has no sharps or flats).
//
//   Key::parse("Bb major")->signature() == -2
//   Key::parse("E dorian")->degree(3)   == F# ... as a NoteName
//   Key::fromSignature(3, Mode::Minor).toString() == "F# minor"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mos/theory/Pitch.hpp"
#include "mos/theory/Scale.hpp"

namespace mos::theory {

// Major and Minor are the tonal modes; the church modes are named as folk and pop tunes use them
// (Ionian sounds as major, Aeolian as natural minor). None: a key with no mode (atonal, a
// non-traditional signature).
enum class Mode : std::uint8_t { Major, Minor, Ionian, Dorian, Phrygian, Lydian, Mixolydian, Aeolian, Locrian, None };

// "major", "minor", "dorian" … "none" (lower case, as JSON output writes them). Thread: any. RT-safe: yes.
std::string_view modeName(Mode mode) noexcept;
// The mode for a name or a common abbreviation: "major"/"maj", "minor"/"min"/"m", "dorian"/"dor"
// …; case is ignored. Thread: any. RT-safe: no.
std::optional<Mode> modeFromName(std::string_view name);
// How far the mode's signature lies from its tonic's major signature on the line of fifths:
// 0 major, -3 minor, -2 dorian, +1 lydian … Thread: any. RT-safe: yes.
int modeSignatureOffset(Mode mode) noexcept;
// The scale a mode's degrees come from (natural minor for Minor). Thread: any. RT-safe: yes.
ScaleType modeScale(Mode mode) noexcept;

struct Key {
    NoteName tonic{};
    Mode mode = Mode::Major;

    // Sharps (> 0) or flats (< 0) of the key signature; may lie beyond ±7 for theoretical keys
    // (G# major has 8). Thread: any. RT-safe: yes.
    int signature() const noexcept { return tonic.fifths() + modeSignatureOffset(mode); }
    // The key with this signature and mode: (3, Minor) is F# minor. Thread: any. RT-safe: yes.
    static Key fromSignature(int fifths, Mode mode) noexcept;

    // Degree 1…7 of the mode's scale, spelled (degree 7 of A minor is G; use the harmonic minor
    // scale for the leading tone). Degrees wrap: 8 is 1. Thread: any. RT-safe: yes.
    NoteName degree(int number) const noexcept;
    // Whether the key's signature alters this letter, and how. Thread: any. RT-safe: yes.
    int signatureAlter(Step step) const noexcept;
    // The relative major or minor (A minor ↔ C major); a church mode gives its major key.
    // Thread: any. RT-safe: yes.
    Key relative() const noexcept;
    // The parallel key with the other tonal mode (C major ↔ C minor). Thread: any. RT-safe: yes.
    Key parallel() const noexcept;

    // "G major", "F# minor", "D dorian". Thread: any. RT-safe: no.
    std::string toString() const;
    // Parses "G", "G major", "Gmaj", "Em", "E minor", "e" (lower case: minor, as RomanText and
    // Humdrum write it), "D dorian", "Bb mixolydian", "F#m". Thread: any. RT-safe: no.
    static std::optional<Key> parse(std::string_view text);

    friend bool operator==(const Key&, const Key&) = default;
};

}  // namespace mos::theory
