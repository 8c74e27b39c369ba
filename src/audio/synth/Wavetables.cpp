#include "audio/synth/Wavetables.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace mos::audio::synth {

namespace {

constexpr std::uint32_t kWaveforms = static_cast<std::uint32_t>(Waveform::Square) + 1;
constexpr std::uint32_t kMostHarmonics = 1U << (Wavetables::kLevels - 1);
constexpr double kPi = 3.14159265358979323846;

// Highest harmonic a table may hold, as a fraction of the sample rate: leaves a margin below
// Nyquist for the linear interpolation's images and a drum's pitch drop.
constexpr float kHighestHarmonicPerSample = 0.45F;

// The amplitude of harmonic n (1-based) in each waveform, before the waveform is normalised.
double harmonicAmplitude(Waveform waveform, std::uint32_t n) {
    const auto harmonic = static_cast<double>(n);
    switch (waveform) {
        case Waveform::Sine:
            return n == 1 ? 1.0 : 0.0;
        case Waveform::Piano:
            return (0.3 + std::abs(std::sin(kPi * harmonic / 7.0))) / std::pow(harmonic, 1.5);
        case Waveform::Mallet:
            return n == 1 ? 1.0 : n == 4 ? 0.35 : n == 10 ? 0.1 : 0.0;
        case Waveform::Organ:
            switch (n) {
                case 1:
                    return 1.0;
                case 2:
                    return 0.7;
                case 3:
                    return 0.5;
                case 4:
                    return 0.4;
                case 5:
                    return 0.15;
                case 8:
                    return 0.25;
                default:
                    return 0.0;
            }
        case Waveform::Pluck:
            return 1.0 / std::pow(harmonic, 1.3);
        case Waveform::Mellow:
            return 1.0 / std::pow(harmonic, 2.5);
        case Waveform::Saw:
            return 1.0 / harmonic;
        case Waveform::Square:
            return n % 2 == 1 ? 1.0 / harmonic : 0.0;
    }
    return 0.0;
}

}  // namespace

Wavetables::Wavetables() : samples_(std::size_t{kWaveforms} * kLevels * kStride) {
    // One exact cycle of sine, indexed by (n · i) mod kSize: harmonic n of sample i, with no drift.
    std::vector<double> sine(kSize);
    for (std::uint32_t i = 0; i < kSize; ++i) sine[i] = std::sin(2.0 * kPi * i / kSize);

    std::vector<double> sum(kSize);
    std::vector<double> levels(std::size_t{kLevels} * kSize);
    for (std::uint32_t w = 0; w < kWaveforms; ++w) {
        const auto waveform = static_cast<Waveform>(w);
        std::fill(sum.begin(), sum.end(), 0.0);
        std::uint32_t harmonic = 1;
        for (std::uint32_t level = 0; level < kLevels; ++level) {
            // Each level adds the harmonics up to its limit to the level below.
            for (; harmonic <= (1U << level); ++harmonic) {
                const double amplitude = harmonicAmplitude(waveform, harmonic);
                if (amplitude == 0.0) continue;
                for (std::uint32_t i = 0; i < kSize; ++i) sum[i] += amplitude * sine[(harmonic * i) % kSize];
            }
            std::copy(sum.begin(), sum.end(), levels.begin() + std::ptrdiff_t{level} * kSize);
        }
        // One scale for every level, from the richest, so a waveform's loudness does not jump
        // between the pitch ranges the levels serve.
        const double peak =
            *std::max_element(sum.begin(), sum.end(), [](double a, double b) { return std::abs(a) < std::abs(b); });
        const double scale = 1.0 / std::abs(peak);
        for (std::uint32_t level = 0; level < kLevels; ++level) {
            float* table = samples_.data() + (std::size_t{w} * kLevels + level) * kStride;
            const double* source = levels.data() + std::size_t{level} * kSize;
            for (std::uint32_t i = 0; i < kSize; ++i) table[i] = static_cast<float>(source[i] * scale);
            table[kSize] = table[0];
        }
    }
}

const float* Wavetables::forPitch(Waveform waveform, float highestHz, float sampleRate) const noexcept {
    const float harmonicsAllowed = kHighestHarmonicPerSample * sampleRate / std::max(highestHz, 1.0F);
    std::uint32_t level = 0;
    while (level + 1 < kLevels && static_cast<float>(1U << (level + 1)) <= harmonicsAllowed) ++level;
    const auto w = static_cast<std::uint32_t>(waveform);
    return samples_.data() + (std::size_t{w} * kLevels + level) * kStride;
}

static_assert(kMostHarmonics * 2 <= Wavetables::kSize,
              "the richest table needs two samples per cycle of its top harmonic");

}  // namespace mos::audio::synth
