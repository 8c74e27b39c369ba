#pragma once

// Opcode values as SFZ files write them: numbers, and MIDI keys as numbers or note names.
//
//   parseNumber("-6.5")  → -6.5        parseNumber("+3") → 3      parseNumber("6dB") → nullopt
//   parseKey("60") → 60   parseKey("c4") → 60   parseKey("C#4") → 61   parseKey("db4") → 61
//   parseKey("b-1") → 11  parseKey("g#9") → 128 (not clamped: the caller reports the range)

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mos::audio::sfz {

// A finite decimal number, optionally signed, optionally with a fraction and an exponent.
// Thread: any. RT-safe: yes.
std::optional<double> parseNumber(std::string_view text) noexcept;

// A whole decimal number, optionally signed. Thread: any. RT-safe: yes.
std::optional<std::int64_t> parseInteger(std::string_view text) noexcept;

// A key number, or a note name (letter, optional # or b, octave from -1) where C4 is 60; letters in
// either case. Thread: any. RT-safe: yes.
std::optional<std::int64_t> parseKey(std::string_view text) noexcept;

// The shortest text that reads back as `value`, for messages: 200 → "200", 0.5 → "0.5".
// Thread: any. RT-safe: no.
std::string formatNumber(double value);

}  // namespace mos::audio::sfz
