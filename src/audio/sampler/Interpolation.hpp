#pragma once

// Reading a sample between its frames. Cubic (4-point Hermite) is the default: clean enough for
// pitched samples and cheap. The sinc mode uses 8 points of a windowed sinc, for renders where the
// last bit of aliasing and high-frequency loss matters more than speed.

#include <array>
#include <cstddef>

namespace mos::audio::sampler {

// 4-point, third-order Hermite (Catmull-Rom) through frames -1, 0, 1, 2 at `fraction` past frame 0.
// Thread: any. RT-safe: yes.
inline float cubicHermite(float before, float at, float after, float afterNext, float fraction) noexcept {
    const float slope0 = 0.5F * (after - before);
    const float slope1 = 0.5F * (afterNext - at);
    const float difference = at - after;
    const float a = slope0 + slope1 + 2.0F * difference;
    const float b = -(difference + slope0 + a);
    return ((a * fraction + b) * fraction + slope0) * fraction + at;
}

// Windowed-sinc coefficients for frames -3 … 4 around frame 0, one row per fraction step.
class SincTable {
public:
    static constexpr std::size_t kTaps = 8;
    static constexpr std::size_t kPhases = 1024;
    static constexpr int kTapsBefore = 3;  // frames read before frame 0
    static constexpr int kTapsAfter = 4;   // and after it, frame 0 excluded

    // The table, built on first use. Thread: control for the first call (it computes the table),
    // any afterwards. RT-safe: yes once built.
    static const SincTable& instance();

    // The coefficients for a fraction 0 ≤ f ≤ 1 past frame 0, to within 1/kPhases of a frame.
    // Thread: any. RT-safe: yes.
    const float* row(float fraction) const noexcept {
        return rows_[static_cast<std::size_t>(fraction * static_cast<float>(kPhases))].data();
    }

private:
    SincTable();
    // One row more than kPhases, so a fraction that float rounding makes 1 has a row.
    std::array<std::array<float, kTaps>, kPhases + 1> rows_{};
};

}  // namespace mos::audio::sampler
