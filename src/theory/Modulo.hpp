#pragma once

// Integer division and remainder rounded towards negative infinity: octaves and pitch classes of
// pitches below C0 and intervals going down must not round towards zero.

namespace mos::theory {

constexpr int floorDiv(int a, int b) noexcept { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }
constexpr int floorMod(int a, int b) noexcept { return a - floorDiv(a, b) * b; }

}  // namespace mos::theory
