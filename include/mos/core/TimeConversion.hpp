#pragma once

// Exact conversions between the three clocks of MOS: score time (fractions of a whole note),
// transport ticks (960 PPQ) and sample frames. Conversions that need a tempo take a constant one;
// the transport's tempo map chains them across tempo changes.

#include <optional>

#include "mos/core/Bpm.hpp"
#include "mos/core/Rational.hpp"
#include "mos/core/SampleTime.hpp"
#include "mos/core/Ticks.hpp"

namespace mos::core {

// Ticks of a score position; nullopt unless exact (1/7 of a whole note has no tick) or if invalid.
//   wholeNotesToTicks(Rational{1, 4}) -> Ticks{960}
// Thread: any. RT-safe: yes.
constexpr std::optional<Ticks> wholeNotesToTicks(Rational wholeNotes) noexcept {
    const Rational ticks = wholeNotes * Rational{kTicksPerWhole};
    if (!ticks.isValid() || !ticks.isInteger()) return std::nullopt;
    return Ticks{ticks.num()};
}

// The nearest tick to a score position (halves away from zero); nullopt if invalid or overflowing.
constexpr std::optional<Ticks> nearestTicks(Rational wholeNotes) noexcept {
    const auto rounded = (wholeNotes * Rational{kTicksPerWhole}).round();
    if (!rounded) return std::nullopt;
    return Ticks{*rounded};
}

// Score position of a tick; always exact. Thread: any. RT-safe: yes.
constexpr Rational ticksToWholeNotes(Ticks ticks) noexcept { return Rational{ticks.value, kTicksPerWhole}; }

// Seconds spanned by ticks at a constant tempo, exact. Thread: any. RT-safe: yes.
constexpr Rational ticksToSeconds(Ticks ticks, Bpm tempo) noexcept {
    // quarters * 60 / bpm
    return Rational{ticks.value, kTicksPerQuarter} * Rational{60} / tempo.quartersPerMinute();
}

// Sample frames spanned by ticks at a constant tempo, as an exact (possibly fractional) count.
//   ticksToFrames(Ticks{960}, 120 BPM, 48000 Hz) -> 24000
// Thread: any. RT-safe: yes.
constexpr Rational ticksToFrames(Ticks ticks, Bpm tempo, SampleRate rate) noexcept {
    return ticksToSeconds(ticks, tempo) * Rational{rate.value};
}

// Ticks spanned by an exact frame count at a constant tempo. Thread: any. RT-safe: yes.
constexpr Rational framesToTicks(Rational frames, Bpm tempo, SampleRate rate) noexcept {
    if (rate.value == 0) return Rational::invalid();
    return frames / Rational{rate.value} * tempo.quartersPerMinute() / Rational{60} * Rational{kTicksPerQuarter};
}

// The sample a note at an exact frame position starts on: the nearest frame, halves rounded up in
// magnitude, so a position and the same position reached another way land on one sample.
// nullopt if invalid. Thread: any. RT-safe: yes.
constexpr std::optional<SampleTime> sampleAt(Rational exactFrames) noexcept {
    const auto rounded = exactFrames.round();
    if (!rounded) return std::nullopt;
    return SampleTime{*rounded};
}

}  // namespace mos::core
