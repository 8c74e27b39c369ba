#pragma once

// Chord symbols as lead sheets and fake books write them, parsed into their structure (root, triad,
// seventh, extensions, alterations, added and omitted tones, bass), spelled into notes and printed
// back in a chosen style.
//
//   auto c = ChordSymbol::parse("C7b9/E");        // root C, dominant seventh, b9, bass E
//   c->spell()            -> E3 C4 E4 G4 Bb4 Db5
//   c->toString(ChordStyle::Jazz)  == "C7b9/E"
//   ChordSymbol::parse("Cø")->toString(ChordStyle::Pop) == "Cm7b5"
//
// Accepted spellings: m, mi, min, - (minor); M, maj, ma, Δ, ^ (major seventh); dim, o, °, 0
// (diminished; 0 as iReal Pro exports write it); ø, h (half-diminished); aug, + (augmented); sus,
// sus2, sus4; 5 (power chord); 6, 69, 6/9; 7, 9, 11, 13; b5 #5 b9 #9 #11 b13 (also -9, +5, and in
// parentheses, comma-separated); add2/4/9/11/13; no3, no5, omit3, omit5; alt; m(maj7), m/maj7,
// mMaj7; slash basses (C/E, D/F#) and N.C. ABC tune books' dialect is read too: "D/f+" (bass F#),
// "Cd" (diminished), "Ea" (augmented).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Error.hpp"
#include "mos/core/Result.hpp"
#include "mos/theory/Interval.hpp"
#include "mos/theory/Pitch.hpp"

namespace mos::theory {

enum class TriadQuality : std::uint8_t { Major, Minor, Diminished, Augmented, Suspended2, Suspended4, Power };
enum class SeventhKind : std::uint8_t { None, Minor, Major, Diminished };

// A chord tone by its degree above the root (2 … 13) and its alteration in semitones against the
// major or perfect interval (b9: {9, -1}; #11: {11, +1}; add9: {9, 0}; mb6: {6, -1}).
struct ChordDegree {
    int degree = 0;
    int alter = 0;

    // The interval above the root. Thread: any. RT-safe: yes.
    Interval interval() const noexcept;
    // "b9", "#11", "9", "b6". Thread: any. RT-safe: no.
    std::string toString() const;

    friend bool operator==(const ChordDegree&, const ChordDegree&) = default;
};

// A set of chord degrees, iterated lowest degree (then lowest alteration) first. A bit set, so a
// chord symbol is built, copied and compared without allocating (chord naming runs while a
// musician plays).
class ChordDegrees {
public:
    // Degrees 2 … 13 with alterations -2 … +2; others are ignored (insert returns false).
    // Thread: any. RT-safe: yes.
    bool insert(ChordDegree degree) noexcept;
    void erase(ChordDegree degree) noexcept;
    bool contains(ChordDegree degree) const noexcept;
    // Whether any alteration of this degree is in the set. Thread: any. RT-safe: yes.
    bool containsDegree(int degree) const noexcept;
    bool empty() const noexcept { return bits_ == 0; }
    std::size_t size() const noexcept;

    class Iterator {
    public:
        using value_type = ChordDegree;
        using difference_type = std::ptrdiff_t;
        Iterator() = default;
        explicit Iterator(std::uint64_t remaining) noexcept : remaining_{remaining} {}
        ChordDegree operator*() const noexcept;
        Iterator& operator++() noexcept {
            remaining_ &= remaining_ - 1;
            return *this;
        }
        Iterator operator++(int) noexcept {
            Iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const Iterator&, const Iterator&) = default;

    private:
        std::uint64_t remaining_ = 0;
    };
    Iterator begin() const noexcept { return Iterator{bits_}; }
    Iterator end() const noexcept { return Iterator{0}; }

    friend bool operator==(const ChordDegrees&, const ChordDegrees&) = default;

private:
    std::uint64_t bits_ = 0;
};

enum class ChordStyle : std::uint8_t {
    Jazz,  // C-7, CΔ7, Cø7, C°7, C+, C7alt
    Pop,   // Cm7, Cmaj7, Cm7b5, Cdim7, Caug
};

struct ChordSymbol {
    NoteName root{};
    TriadQuality triad = TriadQuality::Major;
    SeventhKind seventh = SeventhKind::None;
    int extension = 0;         // 9, 11 or 13: the stacked tones above the seventh; 0 for none
    bool sixth = false;        // a major sixth in place of the seventh (C6, Cm6, C69)
    bool altered = false;      // C7alt: b9, #9 and b13 over a dominant seventh, no fifth
    ChordDegrees alterations;  // altered fifths and extensions (b5, #5, b9, #9, #11, b13)
    ChordDegrees added;        // tones added without the ones between (add9, the 9 of 69)
    bool omitThird = false;
    bool omitFifth = false;
    std::optional<NoteName> bass;  // a slash chord's bass when it is not the root
    bool noChord = false;          // N.C.: nothing sounds

    // The chord tones above the root, lowest first (no bass). Empty for N.C. Thread: any. RT-safe: no.
    std::vector<Interval> intervals() const;
    // The notes: the root in `octave` and the tones above it, the bass (when not the root) in the
    // octave below. Thread: any. RT-safe: no.
    std::vector<Pitch> spell(int octave = 4) const;
    // The sounding pitch classes, bass included, as a 12-bit mask (bit 0 = C). Thread: any. RT-safe: no.
    std::uint16_t pitchClasses() const;
    // The pitch class of the lowest note: the bass, else the root. Thread: any. RT-safe: yes.
    int bassPitchClass() const noexcept { return (bass ? *bass : root).pitchClass(); }

    // The symbol in a style; parse(toString(style)) gives the same chord. Thread: any. RT-safe: no.
    std::string toString(ChordStyle style = ChordStyle::Jazz) const;
    // The quality as MusicXML's <kind> value ("dominant", "minor-seventh", "half-diminished" …).
    // Thread: any. RT-safe: yes.
    std::string_view musicXmlKind() const noexcept;

    // Parses a symbol; the error names the offending character's column (1-based) in `text`.
    // Thread: any. RT-safe: no.
    static core::Result<ChordSymbol> parse(std::string_view text);

    friend bool operator==(const ChordSymbol&, const ChordSymbol&) = default;
};

}  // namespace mos::theory
