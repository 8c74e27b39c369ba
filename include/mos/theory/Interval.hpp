#pragma once

// Intervals as musicians name them: a quality and a number (M3, P5, A4, d7, m9), counted in
// diatonic steps and semitones, so C–E is a major third and C–Fb a diminished fourth although both
// span four semitones. Compound intervals keep their number (M9, P12); a descending interval is
// negative in both counts.
//
//   Interval::between(*Pitch::parse("C4"), *Pitch::parse("Eb4")).toString() == "m3"
//   transpose(*Pitch::parse("D4"), *Interval::parse("M3")) == *Pitch::parse("F#4")

#include <optional>
#include <string>
#include <string_view>

#include "mos/theory/Pitch.hpp"

namespace mos::theory {

enum class IntervalQuality : std::uint8_t {
    DoublyDiminished,
    Diminished,
    Minor,
    Perfect,
    Major,
    Augmented,
    DoublyAugmented,
};

struct Interval {
    int steps = 0;      // diatonic steps: 0 unison, 2 a third, 7 an octave; negative descending
    int semitones = 0;  // chromatic size; same sign as steps (or zero)

    // 1 for a unison, 3 for a third, 9 for a ninth (never 0; the absolute size).
    int number() const noexcept { return (steps < 0 ? -steps : steps) + 1; }
    // The quality, or nullopt when it lies beyond doubly augmented or diminished.
    std::optional<IntervalQuality> quality() const noexcept;
    bool isDescending() const noexcept { return steps < 0 || (steps == 0 && semitones < 0); }
    // The same interval upwards. Thread: any. RT-safe: yes.
    Interval ascending() const noexcept { return isDescending() ? Interval{-steps, -semitones} : *this; }
    // Reduced to within an octave (a M10 is a M3; an octave stays P8). Thread: any. RT-safe: yes.
    Interval simple() const noexcept;

    // "P1", "m3", "A4", "dd7", "M9", "-P5" (descending). Thread: any. RT-safe: no.
    std::string toString() const;
    // Parses what toString writes (also "AA4"); nullopt for anything else, such as "M5" or "P3".
    // Thread: any. RT-safe: no.
    static std::optional<Interval> parse(std::string_view text);
    // The interval from `a` up (or down) to `b`. Thread: any. RT-safe: yes.
    static Interval between(const Pitch& a, const Pitch& b) noexcept;
    // From one note name up to another, within an octave (G to C is a P4). Thread: any. RT-safe: yes.
    static Interval between(NoteName a, NoteName b) noexcept;
    // A quality and number (1…): nullopt where they do not go together (a major fifth).
    static std::optional<Interval> of(IntervalQuality quality, int number) noexcept;

    friend bool operator==(const Interval&, const Interval&) = default;
    friend Interval operator+(Interval a, Interval b) noexcept {
        return {a.steps + b.steps, a.semitones + b.semitones};
    }
    friend Interval operator-(Interval a, Interval b) noexcept {
        return {a.steps - b.steps, a.semitones - b.semitones};
    }
};

// The pitch `interval` above (below, when descending) `pitch`, spelled by the interval: D4 + M3 is
// F#4, not Gb4. Thread: any. RT-safe: yes.
Pitch transpose(const Pitch& pitch, Interval interval) noexcept;
NoteName transpose(NoteName name, Interval interval) noexcept;

}  // namespace mos::theory
