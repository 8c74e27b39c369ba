#pragma once

// The text forms UMF gives to values that JSON has no type for: exact rationals ("3/8"), spelled
// pitches ("C#4", "Bb3-25c"), pitch names without octave ("Eb") and meters ("6/8"). The parsers are
// strict (exactly the patterns docs/umf/umf.schema.json gives), so every accepted text is the one
// the formatters print for its value, up to fraction reduction.

#include <optional>
#include <string>
#include <string_view>

#include "mos/core/Rational.hpp"
#include "mos/score/Layers.hpp"
#include "mos/score/Pitch.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::score::umf {

enum class Sign { Any, NonNegative, Positive };

// "0", "3", "-3/8" (no leading zeros, no '+', denominator > 0, numbers that fit 64 bits); `sign`
// narrows what is accepted. Thread: any. RT-safe: no.
std::optional<core::Rational> parseRational(std::string_view text, Sign sign);
// Appends "3/8", or "3" for an integer. Thread: any. RT-safe: no.
void appendRational(std::string& out, core::Rational value);

// "C4", "F#3", "Bbb-1", "E4+50c": alteration -3…3, octave -1…10, cents ±1…1200. Thread: any. RT-safe: no.
std::optional<Pitch> parsePitch(std::string_view text);
void appendPitch(std::string& out, const Pitch& pitch);

// "C", "F#", "Bb": a pitch class with alteration -3…3. Thread: any. RT-safe: no.
std::optional<PitchName> parsePitchName(std::string_view text);
void appendPitchName(std::string& out, PitchName name);

// "3/4", "6/8": numerator and denominator 1…65535. Thread: any. RT-safe: no.
std::optional<TimeSignature> parseMeter(std::string_view text);
void appendMeter(std::string& out, const TimeSignature& time);

}  // namespace mos::score::umf
