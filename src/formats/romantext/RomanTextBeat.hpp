#pragma once

// Beat tokens: "b3", "b2.5", "b1.33", "b1.66.5". Analysts write thirds, sixths and ninths of a beat
// as rounded or cut decimals (b1.33, b1.67, b1.66, b1.667), so a decimal names the simplest
// fraction it can stand for:
//
//   parseBeat("b3")      == 3
//   parseBeat("b2.5")    == 5/2
//   parseBeat("b1.66")   == 5/3   (as b1.67 and b1.667)
//   parseBeat("b1.88")   == 15/8
//   parseBeat("b1.2")    == 6/5   (a decimal that is exact stays exact)
//   parseBeat("b1.66.5") == 11/6  (the second decimal divides the first's part again: 1 + 2/3 + 1/6)

#include <optional>
#include <string_view>

#include "mos/core/Rational.hpp"

namespace mos::formats::romantext {

// Whether a token is written as a beat: 'b' then a digit or '.' ("bVII", "bb:" are not).
// Thread: any. RT-safe: yes.
bool isBeatToken(std::string_view token) noexcept;

// The beat a beat token names, 1 for the bar's first; nullopt when it is malformed ("b3:", "b.25",
// "b0", more than two decimals or more than four digits of beat). Thread: any. RT-safe: yes.
std::optional<core::Rational> parseBeat(std::string_view token) noexcept;

}  // namespace mos::formats::romantext
