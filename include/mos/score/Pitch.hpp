#pragma once

// A spelled pitch: letter, alteration and octave, as a score writes it. C#4 and Db4 are different
// pitches with the same MIDI number; spelling matters for notation, keys and Roman numerals.
//
//   Pitch::parse("F#4")->midiNumber() == 66
//   Pitch::fromMidi(70, -2).toString() == "Bb4"   (a flat key spells 70 as B flat)

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mos::score {

enum class Step : std::uint8_t { C, D, E, F, G, A, B };

// 'C' … 'B' for a step; the step for an upper- or lower-case letter.
char toLetter(Step step) noexcept;
std::optional<Step> stepFromLetter(char letter) noexcept;
// Semitones of the natural step above C: C 0, D 2, E 4, F 5, G 7, A 9, B 11.
int naturalSemitone(Step step) noexcept;

struct Pitch {
    Step step = Step::C;
    std::int8_t alter = 0;   // semitones: -2 double flat … +2 double sharp
    std::int8_t octave = 4;  // scientific: C4 is middle C (MIDI 60)
    std::int16_t cents = 0;  // microtonal deviation on top of alter (a quarter-tone sharp is 50)

    // MIDI note number of the written pitch (cents ignored); may fall outside 0…127.
    int midiNumber() const noexcept { return (octave + 1) * 12 + naturalSemitone(step) + alter; }

    // "C4", "F#3", "Bb5", "Cbb2", "E4+50c" (cents written only when non-zero).
    std::string toString() const;
    // Parses what toString writes; nullopt for anything else.
    static std::optional<Pitch> parse(std::string_view text);

    // Spells a MIDI number; `fifths` (a key signature, -7…7) chooses flats (< 0) or sharps (≥ 0).
    static Pitch fromMidi(int midiNumber, int fifths = 0) noexcept;

    friend bool operator==(const Pitch&, const Pitch&) = default;
};

}  // namespace mos::score
