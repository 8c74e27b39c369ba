#pragma once

// Time signatures as RomanText writes them ("3/4", "C", "fast 3/8", "slow 6/8") and the beat its
// b-numbers count:
//
//   beatLength(*parseMeter("3/4"), …)      == 1/4
//   beatLength(*parseMeter("6/8"), …)      == 3/8   (compound meters count dotted beats)
//   beatLength(*parseMeter("slow 6/8"), …) == 1/8
//   beatLength(*parseMeter("fast 3/4"), …) == 3/4
//   beatLength(*parseMeter("3/8"), false)  == 3/8   (one beat a bar, as music21 counts it)
//   beatLength(*parseMeter("3/8"), true)   == 1/8   (a passage that names b2 or b3)

#include <optional>
#include <string_view>

#include "mos/core/Rational.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::formats::romantext {

struct Meter {
    enum class Pace : std::uint8_t { Unmarked, Fast, Slow };

    score::TimeSignature signature{};
    Pace pace = Pace::Unmarked;

    friend bool operator==(const Meter&, const Meter&) = default;
};

struct ParsedMeter {
    Meter meter;
    bool trailingText = false;  // "4/4?": read, but something followed it
};

// Parses a Time Signature field's value; nullopt when it names no meter (numerator 1…255,
// denominator a power of two up to 128). Thread: any. RT-safe: yes.
std::optional<ParsedMeter> parseMeter(std::string_view value) noexcept;

// Whether the meter's beat is left to the passage: three beats of an eighth or shorter, no pace
// word (3/8, 3/16). Thread: any. RT-safe: yes.
bool hasAmbiguousBeat(const Meter& meter) noexcept;

// The length of one beat in whole notes; `eachNoteABeat` settles an ambiguous meter.
// Thread: any. RT-safe: yes.
core::Rational beatLength(const Meter& meter, bool eachNoteABeat) noexcept;

}  // namespace mos::formats::romantext
