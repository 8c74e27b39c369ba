#include "mos/core/Bpm.hpp"

#include <cmath>

namespace mos::core {

std::optional<Bpm> Bpm::fromDecimal(double quartersPerMinute) noexcept {
    // Files write tempos with a few decimals at most; thousandths keep 87.5 and 133.333 exact enough
    // while the fraction stays small.
    constexpr double kScale = 1000.0;
    constexpr double kLargest = 1e12;  // far beyond any tempo, well inside int64 after scaling
    if (!std::isfinite(quartersPerMinute) || quartersPerMinute <= 0.0 || quartersPerMinute > kLargest) {
        return std::nullopt;
    }
    const auto thousandths = static_cast<std::int64_t>(std::llround(quartersPerMinute * kScale));
    return of(Rational{thousandths, static_cast<std::int64_t>(kScale)});
}

}  // namespace mos::core
