#include "audio/effects/Chorus.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>

#include "EffectSignals.hpp"
#include "support/RealtimeAudit.hpp"

namespace mos::audio::effects {
namespace {

using test::allZero;
using test::framesFor;
using test::impulse;
using test::noise;
using test::render;
using test::Stereo;

constexpr float kRate = 48000.0F;
constexpr std::uint32_t kMaxBlock = 1000;

Chorus preparedChorus(Chorus::Parameters parameters) {
    Chorus chorus;
    chorus.setParameters(parameters);
    chorus.prepare(kRate, kMaxBlock);
    return chorus;
}

Stereo sine(double hz, std::size_t frames) {
    Stereo signal{frames};
    for (std::size_t i = 0; i < frames; ++i) {
        const auto sample =
            static_cast<float>(0.5 * std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(i) / kRate));
        signal.left[i] = sample;
        signal.right[i] = sample;
    }
    return signal;
}

// The frames (interpolated between samples) at which `samples` rises through zero, from `from` on.
std::vector<double> upwardZeroCrossings(const std::vector<float>& samples, std::size_t from) {
    std::vector<double> crossings;
    for (std::size_t i = from + 1; i < samples.size(); ++i) {
        if (samples[i - 1] < 0.0F && samples[i] >= 0.0F) {
            crossings.push_back(static_cast<double>(i - 1) + samples[i - 1] / (samples[i - 1] - samples[i]));
        }
    }
    return crossings;
}

// How much the time between successive upward zero crossings varies, in frames.
double crossingIntervalSpread(const std::vector<float>& samples) {
    const std::vector<double> crossings = upwardZeroCrossings(samples, framesFor(0.05, kRate));
    double shortest = 1e9;
    double longest = 0.0;
    for (std::size_t i = 1; i < crossings.size(); ++i) {
        shortest = std::min(shortest, crossings[i] - crossings[i - 1]);
        longest = std::max(longest, crossings[i] - crossings[i - 1]);
    }
    return longest - shortest;
}

double rms(const std::vector<float>& samples, std::size_t from) {
    double sum = 0.0;
    for (std::size_t i = from; i < samples.size(); ++i) sum += double{samples[i]} * samples[i];
    return std::sqrt(sum / static_cast<double>(samples.size() - from));
}

TEST(ChorusTest, ModulationMovesTheZeroCrossingsOfASine) {
    // 500 Hz: 96 frames a cycle at 48 kHz. The sweeping delays stretch and squeeze the cycles; with
    // the depth at zero the taps are fixed and every cycle is as long as the input's.
    const Stereo sends = sine(500.0, framesFor(3.0, kRate));
    Chorus modulated = preparedChorus({});
    Chorus still = preparedChorus({.depthSeconds = 0.0F});
    const Stereo modulatedOut = render(modulated, sends);
    const Stereo stillOut = render(still, sends);
    EXPECT_GT(crossingIntervalSpread(modulatedOut.left), 0.3);
    EXPECT_GT(crossingIntervalSpread(modulatedOut.right), 0.3);
    EXPECT_LT(crossingIntervalSpread(stillOut.left), 0.01);
}

TEST(ChorusTest, LevelStaysNearTheSends) {
    const Stereo sends = noise(framesFor(2.0, kRate), framesFor(2.0, kRate), 17);
    Chorus chorus = preparedChorus({});
    const Stereo out = render(chorus, sends);
    const std::size_t from = framesFor(0.05, kRate);
    EXPECT_NEAR(rms(out.left, from) / rms(sends.left, from), 1.0, 0.25);
    EXPECT_NEAR(rms(out.right, from) / rms(sends.right, from), 1.0, 0.25);
}

TEST(ChorusTest, MonoSendComesBackWide) {
    Stereo sends = noise(framesFor(2.0, kRate), framesFor(2.0, kRate), 19);
    sends.right = sends.left;
    Chorus chorus = preparedChorus({});
    const Stereo out = render(chorus, sends);
    double product = 0.0;
    double leftEnergy = 0.0;
    double rightEnergy = 0.0;
    for (std::size_t i = framesFor(0.05, kRate); i < out.left.size(); ++i) {
        product += double{out.left[i]} * out.right[i];
        leftEnergy += double{out.left[i]} * out.left[i];
        rightEnergy += double{out.right[i]} * out.right[i];
    }
    EXPECT_LT(std::abs(product / std::sqrt(leftEnergy * rightEnergy)), 0.7);
}

TEST(ChorusTest, SilenceGivesSilence) {
    Chorus chorus = preparedChorus({});
    const Stereo out = render(chorus, Stereo{framesFor(0.5, kRate)});
    EXPECT_TRUE(allZero(out.left));
    EXPECT_TRUE(allZero(out.right));
}

TEST(ChorusTest, ImpulseEndsInExactSilenceWithoutSubnormals) {
    Chorus chorus = preparedChorus({});
    const Stereo out = render(chorus, impulse(framesFor(2.0, kRate)));
    for (const std::vector<float>* side : {&out.left, &out.right}) {
        for (const float sample : *side) ASSERT_NE(std::fpclassify(sample), FP_SUBNORMAL);
    }
    // No tap reaches further back than 12.3 ms + half of the 6.25 ms sweep (+ 2 frames read by the
    // interpolation).
    const std::size_t tailEnd = framesFor(0.0155, kRate) + 3;
    EXPECT_FALSE(allZero(out.left));
    EXPECT_FALSE(allZero(out.right));
    EXPECT_TRUE(allZero(out.left, tailEnd));
    EXPECT_TRUE(allZero(out.right, tailEnd));
}

TEST(ChorusTest, OutputDoesNotDependOnTheBlockSize) {
    const Stereo sends = noise(framesFor(1.0, kRate), framesFor(0.8, kRate), 23);
    std::vector<Stereo> outputs;
    for (const std::size_t blockFrames : {1U, 64U, 1000U}) {
        Chorus chorus = preparedChorus({.rateHz = 2.0F});
        outputs.push_back(render(chorus, sends, blockFrames));
    }
    EXPECT_EQ(outputs[0].left, outputs[1].left);
    EXPECT_EQ(outputs[0].right, outputs[1].right);
    EXPECT_EQ(outputs[0].left, outputs[2].left);
    EXPECT_EQ(outputs[0].right, outputs[2].right);
}

TEST(ChorusTest, ResetSilencesTheDelays) {
    Chorus chorus = preparedChorus({});
    render(chorus, noise(4096, 4096, 29));
    chorus.reset();
    const Stereo out = render(chorus, Stereo{4096});
    EXPECT_TRUE(allZero(out.left));
    EXPECT_TRUE(allZero(out.right));
}

TEST(ChorusTest, ProcessIsRealtimeSafe) {
    Chorus chorus = preparedChorus({});
    const Stereo sends = noise(kMaxBlock, kMaxBlock, 31);
    Stereo out{kMaxBlock};
    EXPECT_REALTIME_SAFE({
        chorus.process(sends.left.data(), sends.right.data(), out.left.data(), out.right.data(), kMaxBlock);
        chorus.setParameters({.rateHz = 1.0F, .depthSeconds = 0.004F, .wetLevel = 0.8F});
        chorus.process(sends.left.data(), sends.right.data(), out.left.data(), out.right.data(), kMaxBlock);
        chorus.reset();
    });
}

}  // namespace
}  // namespace mos::audio::effects
