#pragma once

// Spelled pitches. A note name is a letter and an alteration (F#, Bb: a pitch class as it is
// written); a pitch adds the octave. C#4 and Db4 are different pitches with the same MIDI number:
// spelling matters for notation, keys, chord symbols and Roman numerals.
//
//   Pitch::parse("F#4")->midiNumber() == 66
//   Pitch::fromMidi(70, -2).toString() == "Bb4"   (a flat key spells 70 as B flat)
//   NoteName::parse("Eb")->pitchClass() == 3

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mos::theory {

enum class Step : std::uint8_t { C, D, E, F, G, A, B };

// 'C' … 'B' for a step; the step for an upper- or lower-case letter. Thread: any. RT-safe: yes.
char toLetter(Step step) noexcept;
std::optional<Step> stepFromLetter(char letter) noexcept;
// Semitones of the natural step above C: C 0, D 2, E 4, F 5, G 7, A 9, B 11.
int naturalSemitone(Step step) noexcept;

// A letter and an alteration without an octave: a key's tonic, a chord's root.
struct NoteName {
    Step step = Step::C;
    std::int8_t alter = 0;  // semitones: -2 double flat … +2 double sharp

    // 0 = C … 11 = B. Thread: any. RT-safe: yes.
    int pitchClass() const noexcept;
    // Position on the line of fifths, C = 0, G = 1, F = -1, F# = 6, Bb = -2. Thread: any. RT-safe: yes.
    int fifths() const noexcept;
    // The note name at a position on the line of fifths. Thread: any. RT-safe: yes.
    static NoteName fromFifths(int fifths) noexcept;

    // "C", "F#", "Bb", "Ebb", "B##". Thread: any. RT-safe: no.
    std::string toString() const;
    // Parses "F#", "Bb", "Ebb" and, as chord charts write them, "Fx" (double sharp), "F♯", "B♭";
    // nullopt for anything else. Thread: any. RT-safe: no.
    static std::optional<NoteName> parse(std::string_view text);
    // Parses a note name at the start of `text` and says how many bytes it took (0: none).
    // Thread: any. RT-safe: no.
    static std::optional<NoteName> parsePrefix(std::string_view text, std::size_t& length);

    friend bool operator==(const NoteName&, const NoteName&) = default;
};

struct Pitch {
    Step step = Step::C;
    std::int8_t alter = 0;   // semitones: -2 double flat … +2 double sharp
    std::int8_t octave = 4;  // scientific: C4 is middle C (MIDI 60)
    std::int16_t cents = 0;  // microtonal deviation on top of alter (a quarter-tone sharp is 50)

    // MIDI note number of the written pitch (cents ignored); may fall outside 0…127.
    int midiNumber() const noexcept { return (octave + 1) * 12 + naturalSemitone(step) + alter; }
    NoteName name() const noexcept { return {step, alter}; }
    int pitchClass() const noexcept { return name().pitchClass(); }
    // Equal-tempered frequency in Hz with A4 at `a4` Hz, cents included. Thread: any. RT-safe: yes.
    double frequency(double a4 = 440.0) const noexcept;
    // Diatonic steps from C0 (C4 = 28): what intervals count. Thread: any. RT-safe: yes.
    int diatonicIndex() const noexcept { return octave * 7 + static_cast<int>(step); }

    // "C4", "F#3", "Bb5", "Cbb2", "E4+50c" (cents written only when non-zero).
    std::string toString() const;
    // Parses what toString writes; nullopt for anything else.
    static std::optional<Pitch> parse(std::string_view text);

    // Spells a MIDI number; `fifths` (a key signature, -7…7) chooses flats (< 0) or sharps (≥ 0).
    static Pitch fromMidi(int midiNumber, int fifths = 0) noexcept;
    // The pitch of a note name in an octave (the octave of its letter: B#3 sounds as C4).
    static Pitch of(NoteName name, int octave) noexcept;

    friend bool operator==(const Pitch&, const Pitch&) = default;
};

}  // namespace mos::theory
