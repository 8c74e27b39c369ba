#include "audio/sampler/Interpolation.hpp"

#include <cmath>
#include <numbers>

namespace mos::audio::sampler {

const SincTable& SincTable::instance() {
    static const SincTable table;
    return table;
}

SincTable::SincTable() {
    constexpr double kPi = std::numbers::pi;
    constexpr double kHalfWidth = static_cast<double>(kTaps) / 2.0;
    for (std::size_t phase = 0; phase <= kPhases; ++phase) {
        const double fraction = static_cast<double>(phase) / static_cast<double>(kPhases);
        auto& row = rows_[phase];
        double sum = 0.0;
        for (std::size_t tap = 0; tap < kTaps; ++tap) {
            const double t = static_cast<double>(static_cast<int>(tap) - kTapsBefore) - fraction;
            const double sinc = t == 0.0 ? 1.0 : std::sin(kPi * t) / (kPi * t);
            // Blackman window over the 8 frames, centred on the point being read.
            const double blackman =
                0.42 + 0.5 * std::cos(kPi * t / kHalfWidth) + 0.08 * std::cos(2.0 * kPi * t / kHalfWidth);
            row[tap] = static_cast<float>(sinc * blackman);
            sum += sinc * blackman;
        }
        // Unity gain at DC for every fraction: no amplitude ripple as the pitch glides.
        for (float& coefficient : row) coefficient = static_cast<float>(coefficient / sum);
    }
}

}  // namespace mos::audio::sampler
