#pragma once

// Tempo as quarter notes per minute, kept exact: MIDI's microseconds per quarter and MusicXML's
// decimal tempos are both rational, so tempo never introduces drift.

#include <cstdint>
#include <optional>

#include "mos/core/Rational.hpp"

namespace mos::core {

// A positive tempo in quarter notes per minute.
//
//   Bpm::of(120)                      -> 120 BPM
//   Bpm::fromMicrosPerQuarter(500000) -> 120 BPM (a MIDI tempo meta event)
//   Bpm::fromDecimal(87.5)            -> 175/2 BPM
class Bpm {
public:
    // nullopt unless the tempo is valid and positive. Thread: any. RT-safe: yes.
    static constexpr std::optional<Bpm> of(Rational quartersPerMinute) noexcept {
        if (!quartersPerMinute.isValid() || quartersPerMinute <= Rational{0}) return std::nullopt;
        return Bpm{quartersPerMinute};
    }
    static constexpr std::optional<Bpm> fromMicrosPerQuarter(std::int64_t micros) noexcept {
        if (micros <= 0) return std::nullopt;
        return of(Rational{60'000'000, micros});
    }
    // A decimal tempo as written in files, exact to 1/1000 BPM. Thread: any. RT-safe: yes.
    static std::optional<Bpm> fromDecimal(double quartersPerMinute) noexcept;

    constexpr Rational quartersPerMinute() const noexcept { return value_; }
    constexpr double toDouble() const noexcept { return value_.toDouble(); }

    friend constexpr bool operator==(Bpm, Bpm) noexcept = default;

private:
    constexpr explicit Bpm(Rational v) noexcept : value_{v} {}
    Rational value_;
};

}  // namespace mos::core
