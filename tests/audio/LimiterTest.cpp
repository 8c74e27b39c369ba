#include "audio/effects/Limiter.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "EffectSignals.hpp"
#include "support/RealtimeAudit.hpp"

namespace mos::audio::effects {
namespace {

using test::framesFor;
using test::noise;
using test::Stereo;

constexpr float kRate = 48000.0F;
constexpr std::uint32_t kMaxBlock = 1000;

Limiter preparedLimiter(Limiter::Parameters parameters, float rate = kRate) {
    Limiter limiter;
    limiter.setParameters(parameters);
    limiter.prepare(rate, kMaxBlock);
    return limiter;
}

// The ceiling as a linear level, computed as the limiter computes it.
float linearCeiling(float ceilingDb) { return std::pow(10.0F, ceilingDb / 20.0F); }

// Runs `limiter` over `signal` in place, in blocks of `blockFrames`.
void limit(Limiter& limiter, Stereo& signal, std::size_t blockFrames = 256) {
    for (std::size_t start = 0; start < signal.left.size(); start += blockFrames) {
        const auto count = static_cast<std::uint32_t>(std::min(blockFrames, signal.left.size() - start));
        limiter.process(signal.left.data() + start, signal.right.data() + start, count);
    }
}

// Steady 0.5 on both sides (under the ceiling) with one click of 4.0 on the left at `peakFrame`:
// the gain applied to any frame can be read off either side.
Stereo steadyWithOnePeak(std::size_t frames, std::size_t peakFrame) {
    Stereo signal{frames};
    std::fill(signal.left.begin(), signal.left.end(), 0.5F);
    std::fill(signal.right.begin(), signal.right.end(), 0.5F);
    signal.left[peakFrame] = 4.0F;
    return signal;
}

TEST(LimiterTest, LoudInputNeverExceedsTheCeiling) {
    std::mt19937 random{37};
    std::uniform_real_distribution<float> unit{-1.0F, 1.0F};
    std::uniform_int_distribution<int> decibels{-20, 600};
    std::uniform_int_distribution<std::size_t> blockFrames{1, kMaxBlock};
    for (const float ceilingDb : {-1.0F, -6.0F, 0.0F}) {
        Limiter limiter = preparedLimiter({.ceilingDb = ceilingDb});
        Stereo signal{framesFor(2.0, kRate)};
        // Noise whose level jumps every few milliseconds anywhere from -20 dB to +600 dB (1e30).
        float level = 1.0F;
        for (std::size_t i = 0; i < signal.left.size(); ++i) {
            if (i % 200 == 0) level = std::pow(10.0F, static_cast<float>(decibels(random)) / 20.0F);
            signal.left[i] = level * unit(random);
            signal.right[i] = level * unit(random);
        }
        for (std::size_t start = 0; start < signal.left.size();) {
            const auto count = static_cast<std::uint32_t>(std::min(blockFrames(random), signal.left.size() - start));
            limiter.process(signal.left.data() + start, signal.right.data() + start, count);
            start += count;
        }
        const float ceiling = linearCeiling(ceilingDb);
        for (std::size_t i = 0; i < signal.left.size(); ++i) {
            ASSERT_LE(std::abs(signal.left[i]), ceiling) << "frame " << i << ", ceiling " << ceilingDb << " dB";
            ASSERT_LE(std::abs(signal.right[i]), ceiling) << "frame " << i << ", ceiling " << ceilingDb << " dB";
        }
    }
}

TEST(LimiterTest, QuietInputPassesBitExactlyDelayedByTheLatency) {
    for (const float rate : {44100.0F, 48000.0F}) {
        Limiter limiter = preparedLimiter({}, rate);
        const std::size_t latency = limiter.latencyFrames();
        EXPECT_EQ(latency, static_cast<std::size_t>(std::lround(0.0015F * rate)));
        // Up to the ceiling itself, which is not over it.
        const float ceiling = linearCeiling(Limiter::Parameters{}.ceilingDb);
        Stereo expected = noise(framesFor(1.0, rate), framesFor(1.0, rate), 41, ceiling);
        expected.left[1000] = ceiling;
        expected.right[2000] = -ceiling;
        Stereo output = expected;
        limit(limiter, output, 333);
        for (std::size_t i = 0; i < output.left.size(); ++i) {
            const float left = i < latency ? 0.0F : expected.left[i - latency];
            const float right = i < latency ? 0.0F : expected.right[i - latency];
            ASSERT_EQ(output.left[i], left) << "frame " << i << " at " << rate << " Hz";
            ASSERT_EQ(output.right[i], right) << "frame " << i << " at " << rate << " Hz";
        }
    }
}

TEST(LimiterTest, GainReductionRampsInBeforeThePeak) {
    Limiter limiter = preparedLimiter({});
    const std::size_t latency = limiter.latencyFrames();
    const std::size_t peak = 4800;
    Stereo signal = steadyWithOnePeak(framesFor(0.5, kRate), peak);
    limit(limiter, signal);
    // Frame n of the output is frame n - latency of the input: the peak leaves at peak + latency.
    const float ceiling = linearCeiling(Limiter::Parameters{}.ceilingDb);
    EXPECT_LE(signal.left[peak + latency], ceiling);
    EXPECT_GT(signal.left[peak + latency], 0.99F * ceiling) << "the peak should be brought to the ceiling, no lower";
    // Untouched until the peak enters the look-ahead ...
    for (std::size_t i = latency; i < peak; ++i) ASSERT_EQ(signal.right[i], 0.5F) << "frame " << i;
    // ... then the steady frames before it come out lower and lower.
    EXPECT_LT(signal.right[peak], 0.5F);
    for (std::size_t i = peak + 1; i < peak + latency; ++i) ASSERT_LT(signal.right[i], signal.right[i - 1]) << i;
    // Both sides share the gain.
    EXPECT_EQ(signal.right[peak + latency - 1], signal.left[peak + latency - 1]);
}

TEST(LimiterTest, LoudSineIsTurnedDownNotClipped) {
    // 1 kHz at twice full scale: a peak every half millisecond keeps the look-ahead window's needed
    // gain steady, so the output should be the same sine scaled down to the ceiling. Clipping (by the
    // final clamp standing in for a gain that came too late) would flatten its tops instead.
    Limiter limiter = preparedLimiter({});
    const std::size_t latency = limiter.latencyFrames();
    Stereo signal{framesFor(0.5, kRate)};
    for (std::size_t i = 0; i < signal.left.size(); ++i) {
        signal.left[i] =
            static_cast<float>(2.0 * std::sin(2.0 * std::numbers::pi * 1000.0 * static_cast<double>(i) / kRate));
        signal.right[i] = 0.5F * signal.left[i];
    }
    const Stereo input = signal;
    limit(limiter, signal);
    const float ceiling = linearCeiling(Limiter::Parameters{}.ceilingDb);
    float smallestGain = 1.0F;
    float largestGain = 0.0F;
    float loudest = 0.0F;
    for (std::size_t i = latency + framesFor(0.01, kRate); i < signal.left.size(); ++i) {
        loudest = std::max(loudest, std::abs(signal.left[i]));
        const float in = input.left[i - latency];
        if (std::abs(in) < 0.1F) continue;
        smallestGain = std::min(smallestGain, signal.left[i] / in);
        largestGain = std::max(largestGain, signal.left[i] / in);
        ASSERT_FLOAT_EQ(signal.right[i], 0.5F * signal.left[i]) << "frame " << i << ": the sides' gains differ";
    }
    EXPECT_LT(largestGain - smallestGain, 0.002F);
    EXPECT_NEAR(loudest, ceiling, 0.01F);
}

TEST(LimiterTest, ReleaseReturnsTheGainToOneExponentially) {
    const Limiter::Parameters parameters{};
    Limiter limiter = preparedLimiter(parameters);
    const std::size_t latency = limiter.latencyFrames();
    const std::size_t peak = 4800;
    Stereo signal = steadyWithOnePeak(framesFor(2.5, kRate), peak);
    limit(limiter, signal);
    const std::size_t peakOut = peak + latency;
    // The gain never jumps back up: it rises steadily after the peak.
    for (std::size_t i = peakOut + 1; i < signal.right.size(); ++i) {
        ASSERT_GE(signal.right[i], signal.right[i - 1]) << "frame " << i;
    }
    // One time constant after the peak, a 1/e of the reduction remains (the moving average lags the
    // release by about half the look-ahead).
    const float peakGain = linearCeiling(parameters.ceilingDb) / 4.0F;
    const float expectedGain = 1.0F - (1.0F - peakGain) * std::exp(-1.0F);
    const std::size_t afterOneRelease = peakOut + framesFor(parameters.releaseSeconds, kRate) + latency / 2;
    EXPECT_NEAR(signal.right[afterOneRelease] / 0.5F, expectedGain, 0.03F);
    // Within two seconds the gain is back to exactly 1.
    const std::size_t recovered = peakOut + framesFor(2.0 - 0.2, kRate);
    for (std::size_t i = recovered; i < signal.right.size(); ++i) ASSERT_EQ(signal.right[i], 0.5F) << "frame " << i;
}

TEST(LimiterTest, OutputDoesNotDependOnTheBlockSize) {
    const Stereo input = noise(framesFor(1.0, kRate), framesFor(1.0, kRate), 43, 3.0F);
    std::vector<Stereo> outputs;
    for (const std::size_t blockFrames : {1U, 64U, 1000U}) {
        Limiter limiter = preparedLimiter({});
        Stereo output = input;
        limit(limiter, output, blockFrames);
        outputs.push_back(output);
    }
    EXPECT_EQ(outputs[0].left, outputs[1].left);
    EXPECT_EQ(outputs[0].right, outputs[1].right);
    EXPECT_EQ(outputs[0].left, outputs[2].left);
    EXPECT_EQ(outputs[0].right, outputs[2].right);
}

TEST(LimiterTest, ResetReturnsTheGainToOne) {
    Limiter limiter = preparedLimiter({});
    Stereo loud = noise(4096, 4096, 47, 8.0F);
    limit(limiter, loud);
    limiter.reset();
    const Stereo quiet = noise(4096, 4096, 53, 0.5F);
    Stereo output = quiet;
    limit(limiter, output);
    const std::size_t latency = limiter.latencyFrames();
    for (std::size_t i = 0; i < latency; ++i) ASSERT_EQ(output.left[i], 0.0F) << i;
    for (std::size_t i = latency; i < output.left.size(); ++i) ASSERT_EQ(output.left[i], quiet.left[i - latency]) << i;
}

TEST(LimiterTest, ProcessIsRealtimeSafe) {
    Limiter limiter = preparedLimiter({});
    Stereo signal = noise(kMaxBlock, kMaxBlock, 59, 4.0F);
    EXPECT_REALTIME_SAFE({
        limiter.process(signal.left.data(), signal.right.data(), kMaxBlock);
        limiter.setParameters({.ceilingDb = -3.0F, .releaseSeconds = 0.05F});
        limiter.process(signal.left.data(), signal.right.data(), kMaxBlock);
        limiter.reset();
    });
}

}  // namespace
}  // namespace mos::audio::effects
