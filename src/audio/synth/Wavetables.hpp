#pragma once

// Single-cycle waveforms for the synth's oscillators, band-limited: each waveform is stored at nine
// harmonic limits (1, 2, 4 … 256 harmonics), and a note reads the richest table whose top harmonic
// stays below the Nyquist frequency, so high notes do not alias.

#include <cstdint>
#include <vector>

namespace mos::audio::synth {

enum class Waveform : std::uint8_t {
    Sine,
    Piano,   // falling harmonics, the hammer's position weakening every seventh
    Mallet,  // a fundamental with the 4th and 10th partials of a tuned bar
    Organ,   // drawbar-like: 8', 4', 2 2/3', 2', 1 3/5', 1' stops
    Pluck,   // a bright string, darkened over time by the voice's filter sweep
    Mellow,  // few, quickly falling harmonics: basses and flutes
    Saw,     // every harmonic at 1/n: strings, brass, leads
    Square,  // odd harmonics at 1/n: reeds
};

class Wavetables {
public:
    static constexpr std::uint32_t kSizeBits = 11;
    static constexpr std::uint32_t kSize = 1U << kSizeBits;  // samples per cycle
    static constexpr std::uint32_t kLevels = 9;              // harmonic limits 1, 2, 4 … 256

    // Computes every table. Thread: control. RT-safe: no (allocates about 600 KB).
    Wavetables();

    // The richest table of `waveform` whose harmonics of a note at `highestHz` (the highest pitch it
    // will reach) all stay below 0.45 × sampleRate. It has kSize + 1 samples, the last repeating
    // the first. Thread: any. RT-safe: yes.
    const float* forPitch(Waveform waveform, float highestHz, float sampleRate) const noexcept;

    // The table's value at `phase` (a full cycle is 2^32), linearly interpolated. Thread: any.
    // RT-safe: yes.
    static float read(const float* table, std::uint32_t phase) noexcept {
        constexpr std::uint32_t kFractionBits = 32 - kSizeBits;
        constexpr float kFractionScale = 1.0F / static_cast<float>(1U << kFractionBits);
        const std::uint32_t index = phase >> kFractionBits;
        const float fraction = static_cast<float>(phase & ((1U << kFractionBits) - 1U)) * kFractionScale;
        return table[index] + (table[index + 1] - table[index]) * fraction;
    }

private:
    static constexpr std::uint32_t kStride = kSize + 1;

    std::vector<float> samples_;  // [waveform][level][kStride]
};

}  // namespace mos::audio::synth
