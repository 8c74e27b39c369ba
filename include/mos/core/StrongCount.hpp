#pragma once

// A counted quantity with a unit in its type, so ticks, sample frames and block offsets cannot be
// mixed by accident (Link's Beats/Tempo idea).

#include <compare>
#include <cstdint>

namespace mos::core {

// An integer count tagged with its unit. Same-unit sums and differences only; construction is
// explicit. Thread: any. RT-safe: yes.
template <typename Tag, typename Rep = std::int64_t>
struct StrongCount {
    Rep value{};

    constexpr StrongCount() noexcept = default;
    constexpr explicit StrongCount(Rep v) noexcept : value{v} {}

    friend constexpr auto operator<=>(StrongCount, StrongCount) noexcept = default;
    friend constexpr StrongCount operator+(StrongCount a, StrongCount b) noexcept {
        return StrongCount{static_cast<Rep>(a.value + b.value)};
    }
    friend constexpr StrongCount operator-(StrongCount a, StrongCount b) noexcept {
        return StrongCount{static_cast<Rep>(a.value - b.value)};
    }
    constexpr StrongCount& operator+=(StrongCount b) noexcept { return *this = *this + b; }
    constexpr StrongCount& operator-=(StrongCount b) noexcept { return *this = *this - b; }
};

}  // namespace mos::core
