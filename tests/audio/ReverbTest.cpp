#include "audio/effects/Reverb.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "EffectSignals.hpp"
#include "support/RealtimeAudit.hpp"

namespace mos::audio::effects {
namespace {

constexpr float kRate = 48000.0F;
constexpr std::uint32_t kMaxBlock = 1000;

using test::allZero;
using test::framesFor;
using test::impulse;
using test::noise;
using test::render;
using test::Stereo;

Reverb preparedReverb(Reverb::Parameters parameters, float rate = kRate) {
    Reverb reverb;
    reverb.setParameters(parameters);
    reverb.prepare(rate, kMaxBlock);
    return reverb;
}

// RT60 from the energy decay curve (Schroeder's backward integral of the squared response): the
// slope of a least-squares line through the curve between -5 and -35 dB, extrapolated to -60 dB.
double reverberationTime(const std::vector<double>& energy, float rate) {
    std::vector<double> remaining(energy.size() + 1, 0.0);
    for (std::size_t i = energy.size(); i-- > 0;) remaining[i] = remaining[i + 1] + energy[i];
    double n = 0.0;
    double sumT = 0.0;
    double sumDb = 0.0;
    double sumTT = 0.0;
    double sumTDb = 0.0;
    for (std::size_t i = 0; i < energy.size(); ++i) {
        const double db = 10.0 * std::log10(remaining[i] / remaining[0]);
        if (db > -5.0 || db < -35.0) continue;
        const double t = static_cast<double>(i) / rate;
        n += 1.0;
        sumT += t;
        sumDb += db;
        sumTT += t * t;
        sumTDb += t * db;
    }
    const double slopeDbPerSecond = (n * sumTDb - sumT * sumDb) / (n * sumTT - sumT * sumT);
    return -60.0 / slopeDbPerSecond;
}

std::vector<double> stereoEnergy(const Stereo& response) {
    std::vector<double> energy(response.left.size());
    for (std::size_t i = 0; i < energy.size(); ++i) {
        energy[i] = double{response.left[i]} * response.left[i] + double{response.right[i]} * response.right[i];
    }
    return energy;
}

// The energy of `samples` after a one-pole low-pass, y[n] = x[n] + 0.995·y[n-1]: what is left is
// below about 40 Hz at 48 kHz.
std::vector<double> lowPassedEnergy(const std::vector<float>& samples) {
    std::vector<double> energy(samples.size());
    double state = 0.0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        state = samples[i] + 0.995 * state;
        energy[i] = state * state;
    }
    return energy;
}

// The energy of the third difference of `samples`, a high-pass rising 18 dB per octave: what is left
// is mostly the top octave.
std::vector<double> highPassedEnergy(const std::vector<float>& samples) {
    std::vector<double> energy(samples.size(), 0.0);
    for (std::size_t i = 3; i < samples.size(); ++i) {
        const double difference = samples[i] - 3.0 * samples[i - 1] + 3.0 * samples[i - 2] - samples[i - 3];
        energy[i] = difference * difference;
    }
    return energy;
}

double rms(const std::vector<float>& samples, std::size_t from) {
    double sum = 0.0;
    for (std::size_t i = from; i < samples.size(); ++i) sum += double{samples[i]} * samples[i];
    return std::sqrt(sum / static_cast<double>(samples.size() - from));
}

struct DecayCase {
    float rate;
    float decaySeconds;
};

class ReverbDecayTest : public testing::TestWithParam<DecayCase> {};

TEST_P(ReverbDecayTest, ImpulseResponseDecaysAtTheSetReverberationTime) {
    const auto [rate, decaySeconds] = GetParam();
    // Without damping every frequency decays at the set rate, so the broadband decay shows it.
    Reverb reverb = preparedReverb({.decaySeconds = decaySeconds, .damping = 0.0F}, rate);
    const Stereo response = render(reverb, impulse(framesFor(1.6 * decaySeconds + 0.2, rate)));
    const double measured = reverberationTime(stereoEnergy(response), rate);
    EXPECT_NEAR(measured, decaySeconds, 0.2 * decaySeconds) << "at " << rate << " Hz";
}

INSTANTIATE_TEST_SUITE_P(RatesAndDecays, ReverbDecayTest,
                         testing::Values(DecayCase{44100.0F, 2.0F}, DecayCase{48000.0F, 2.0F},
                                         DecayCase{48000.0F, 0.8F}, DecayCase{44100.0F, 4.0F}));

TEST(ReverbTest, DampingShortensTheHighFrequencyDecayOnly) {
    struct Case {
        float damping;
        double highsToLowsAtMost;
    };
    for (const Case c : {Case{0.5F, 0.75}, Case{1.0F, 0.25}}) {
        Reverb reverb = preparedReverb({.decaySeconds = 2.0F, .damping = c.damping});
        const Stereo response = render(reverb, impulse(framesFor(3.5, kRate)));
        const double lows = reverberationTime(lowPassedEnergy(response.left), kRate);
        const double highs = reverberationTime(highPassedEnergy(response.left), kRate);
        EXPECT_NEAR(lows, 2.0, 0.4) << "damping " << c.damping;
        EXPECT_LT(highs, c.highsToLowsAtMost * lows) << "damping " << c.damping;
    }
}

TEST(ReverbTest, LeftAndRightTailsAreDecorrelated) {
    Reverb reverb = preparedReverb({});
    const Stereo response = render(reverb, impulse(framesFor(1.5, kRate)));
    double leftEnergy = 0.0;
    double rightEnergy = 0.0;
    double product = 0.0;
    for (std::size_t i = framesFor(0.05, kRate); i < response.left.size(); ++i) {
        leftEnergy += double{response.left[i]} * response.left[i];
        rightEnergy += double{response.right[i]} * response.right[i];
        product += double{response.left[i]} * response.right[i];
    }
    ASSERT_GT(leftEnergy, 0.0);
    ASSERT_GT(rightEnergy, 0.0);
    EXPECT_NEAR(leftEnergy / rightEnergy, 1.0, 0.5) << "a mono send should come back from both sides";
    EXPECT_LT(std::abs(product / std::sqrt(leftEnergy * rightEnergy)), 0.5);
}

TEST(ReverbTest, SilenceGivesSilence) {
    Reverb reverb = preparedReverb({});
    const Stereo sends{4096};
    Stereo out{4096};
    std::fill(out.right.begin(), out.right.end(), 0.25F);
    reverb.process(sends.left.data(), sends.right.data(), out.left.data(), out.right.data(), 4096);
    EXPECT_TRUE(allZero(out.left));
    EXPECT_TRUE(std::all_of(out.right.begin(), out.right.end(), [](float s) { return s == 0.25F; }));
    EXPECT_TRUE(reverb.idle());
}

TEST(ReverbTest, WetLevelOneReturnsAboutTheSendsLoudness) {
    Reverb reverb = preparedReverb({});
    const Stereo sends = noise(framesFor(4.0, kRate), framesFor(4.0, kRate), 7);
    const Stereo out = render(reverb, sends);
    // After the tail has built up (one decay time), input and output loudness are comparable.
    const std::size_t from = framesFor(2.0, kRate);
    EXPECT_NEAR(rms(out.left, from) / rms(sends.left, from), 1.0, 0.5);
    EXPECT_NEAR(rms(out.right, from) / rms(sends.right, from), 1.0, 0.5);
}

TEST(ReverbTest, WetLevelScalesTheOutput) {
    Reverb full = preparedReverb({});
    Reverb half = preparedReverb({.wetLevel = 0.5F});
    const Stereo sends = noise(framesFor(0.5, kRate), framesFor(0.1, kRate), 3);
    const Stereo fullOut = render(full, sends);
    const Stereo halfOut = render(half, sends);
    for (std::size_t i = 0; i < sends.left.size(); ++i) ASSERT_EQ(halfOut.left[i], 0.5F * fullOut.left[i]) << i;
}

TEST(ReverbTest, TailEndsInExactSilenceWithoutSubnormals) {
    Reverb reverb = preparedReverb({});
    constexpr std::size_t kBlock = 480;
    const std::size_t total = framesFor(12.0, kRate);
    Stereo block{kBlock};
    const Stereo silence{kBlock};
    Stereo sends{kBlock};
    sends.left[0] = 1.0F;
    sends.right[0] = 1.0F;
    std::size_t idleFrom = 0;
    float loudestAfterOneSecond = 0.0F;
    for (std::size_t start = 0; start < total; start += kBlock) {
        std::fill(block.left.begin(), block.left.end(), 0.0F);
        std::fill(block.right.begin(), block.right.end(), 0.0F);
        const Stereo& in = start == 0 ? sends : silence;
        reverb.process(in.left.data(), in.right.data(), block.left.data(), block.right.data(), kBlock);
        for (std::size_t i = 0; i < kBlock; ++i) {
            for (const float sample : {block.left[i], block.right[i]}) {
                ASSERT_NE(std::fpclassify(sample), FP_SUBNORMAL) << "frame " << start + i;
                if (idleFrom != 0) {
                    ASSERT_EQ(sample, 0.0F) << "frame " << start + i << " after the tail ended";
                }
                if (start + i >= framesFor(1.0, kRate))
                    loudestAfterOneSecond = std::max(loudestAfterOneSecond, std::abs(sample));
            }
        }
        if (idleFrom == 0 && reverb.idle()) idleFrom = start + kBlock;
    }
    EXPECT_GT(loudestAfterOneSecond, 1e-4F) << "the tail should still sound after a second";
    // idle() means every delay line, all-pass and filter holds exactly zero: the values inside fell
    // to zero in finite time instead of sinking into subnormals, where they would linger for good (a
    // loop gain above ½ rounds the smallest subnormal back to itself).
    ASSERT_NE(idleFrom, 0U) << "the tail never ended";
    // 240 dB below the impulse at 60 dB per 2 s would take 8 s; the floor applies to each line's
    // share, so it comes a little sooner.
    EXPECT_LT(static_cast<double>(idleFrom) / kRate, 10.0);
}

TEST(ReverbTest, OutputDoesNotDependOnTheBlockSize) {
    const Stereo sends = noise(framesFor(1.0, kRate), framesFor(0.3, kRate), 11);
    std::vector<Stereo> outputs;
    for (const std::size_t blockFrames : {1U, 64U, 1000U}) {
        Reverb reverb = preparedReverb({});
        outputs.push_back(render(reverb, sends, blockFrames));
    }
    EXPECT_EQ(outputs[0].left, outputs[1].left);
    EXPECT_EQ(outputs[0].right, outputs[1].right);
    EXPECT_EQ(outputs[0].left, outputs[2].left);
    EXPECT_EQ(outputs[0].right, outputs[2].right);
}

TEST(ReverbTest, ResetSilencesTheTail) {
    Reverb reverb = preparedReverb({});
    render(reverb, noise(4096, 4096, 5));
    ASSERT_FALSE(reverb.idle());
    reverb.reset();
    EXPECT_TRUE(reverb.idle());
    const Stereo out = render(reverb, Stereo{4096});
    EXPECT_TRUE(allZero(out.left));
}

TEST(ReverbTest, ProcessIsRealtimeSafe) {
    Reverb reverb = preparedReverb({});
    const Stereo sends = noise(kMaxBlock, kMaxBlock, 13);
    Stereo out{kMaxBlock};
    EXPECT_REALTIME_SAFE({
        reverb.process(sends.left.data(), sends.right.data(), out.left.data(), out.right.data(), kMaxBlock);
        reverb.setParameters({.decaySeconds = 3.0F, .damping = 0.2F, .wetLevel = 0.7F});
        reverb.process(sends.left.data(), sends.right.data(), out.left.data(), out.right.data(), kMaxBlock);
        reverb.reset();
    });
}

}  // namespace
}  // namespace mos::audio::effects
