#pragma once

// Timeline positions of the transport: 960 ticks per quarter note, the seed system's resolution.

#include <cstdint>

#include "mos/core/StrongCount.hpp"

namespace mos::core {

inline constexpr std::int64_t kTicksPerQuarter = 960;
inline constexpr std::int64_t kTicksPerWhole = 4 * kTicksPerQuarter;

// A position or length on the transport timeline in ticks (960 per quarter note).
using Ticks = StrongCount<struct TicksTag>;

}  // namespace mos::core
