#pragma once

// Stereo test signals for the sampler's effects (ReverbTest, ChorusTest, LimiterTest) and a driver
// that runs a send effect over them in blocks of a chosen size.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace mos::audio::effects::test {

struct Stereo {
    explicit Stereo(std::size_t frames) : left(frames, 0.0F), right(frames, 0.0F) {}
    std::vector<float> left;
    std::vector<float> right;
};

inline std::size_t framesFor(double seconds, float rate) { return static_cast<std::size_t>(seconds * rate); }

// `frames` frames whose first `soundingFrames` are independent uniform noise in ±amplitude on each
// side, the rest silence.
inline Stereo noise(std::size_t frames, std::size_t soundingFrames, std::uint32_t seed, float amplitude = 0.5F) {
    std::mt19937 random{seed};
    std::uniform_real_distribution<float> sample{-amplitude, amplitude};
    Stereo signal{frames};
    for (std::size_t i = 0; i < soundingFrames; ++i) {
        signal.left[i] = sample(random);
        signal.right[i] = sample(random);
    }
    return signal;
}

// A unit click on both sides, then silence.
inline Stereo impulse(std::size_t frames) {
    Stereo signal{frames};
    signal.left[0] = 1.0F;
    signal.right[0] = 1.0F;
    return signal;
}

// What a send effect (Reverb, Chorus) adds to silence for `sends`, processed in blocks of
// `blockFrames`.
template <typename SendEffect>
Stereo render(SendEffect& effect, const Stereo& sends, std::size_t blockFrames = 256) {
    Stereo out{sends.left.size()};
    for (std::size_t start = 0; start < sends.left.size(); start += blockFrames) {
        const auto count = static_cast<std::uint32_t>(std::min(blockFrames, sends.left.size() - start));
        effect.process(sends.left.data() + start, sends.right.data() + start, out.left.data() + start,
                       out.right.data() + start, count);
    }
    return out;
}

// True when every sample from frame `from` on is exactly zero.
inline bool allZero(const std::vector<float>& samples, std::size_t from = 0) {
    for (std::size_t i = from; i < samples.size(); ++i) {
        if (samples[i] != 0.0F) return false;
    }
    return true;
}

}  // namespace mos::audio::effects::test
