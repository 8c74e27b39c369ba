#include "mos/audio/Sampler.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numbers>
#include <random>
#include <span>
#include <vector>

#include <gtest/gtest.h>

#include "support/RealtimeAudit.hpp"

namespace mos::audio {
namespace {

constexpr std::uint32_t kRate = 48000;
constexpr std::uint32_t kMaxBlock = 1024;
constexpr std::uint8_t kA4 = 69;

constexpr std::uint32_t frames(double seconds) { return static_cast<std::uint32_t>(seconds * kRate); }

// A mono sine of `hz` at `rate`, `seconds` long, recorded at key `root`; looped over whole periods
// from `loopFrom` seconds when asked.
SampleHandle sine(double hz, double seconds, std::uint8_t root = kA4, std::uint32_t rate = kRate) {
    Sample sample;
    sample.name = "sine";
    sample.sampleRate = rate;
    sample.originalKey = root;
    const auto length = static_cast<std::size_t>(seconds * rate);
    for (std::size_t i = 0; i < length; ++i) {
        sample.data.push_back(
            static_cast<float>(std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(i) / rate)));
    }
    sample.finish();
    return std::make_shared<const Sample>(std::move(sample));
}

SampleHandle constant(double seconds) {
    Sample sample;
    sample.name = "dc";
    sample.sampleRate = kRate;
    sample.data.assign(static_cast<std::size_t>(seconds * kRate), 1.0F);
    sample.finish();
    return std::make_shared<const Sample>(std::move(sample));
}

SamplerRegion regionFor(const SampleHandle& sample) {
    SamplerRegion region;
    region.sample = sample;
    region.end = sample->frames;
    region.rootKey = sample->originalKey;
    return region;
}

SamplerRegion looped(SamplerRegion region, std::uint32_t loopStart, std::uint32_t loopEnd) {
    region.loopMode = LoopMode::LoopContinuous;
    region.loopStart = loopStart;
    region.loopEnd = loopEnd;
    return region;
}

std::shared_ptr<const InstrumentBank> bankOf(std::vector<SamplerRegion> regions, std::uint16_t bank = 0,
                                             std::uint8_t program = 0) {
    auto result = std::make_shared<InstrumentBank>();
    result->name = "test";
    result->presets.push_back({.name = "test", .bank = bank, .program = program, .regions = std::move(regions)});
    return result;
}

struct Stereo {
    std::vector<float> left;
    std::vector<float> right;
};

// Renders `total` frames of sound in blocks whose sizes `nextBlock` gives, each event at its
// absolute frame; the limiter's latency is taken back out, so frame f of the result is what the
// events at frame f made.
template <typename BlockSizes>
Stereo playInBlocks(Sampler& sampler, std::vector<InstrumentEvent> events, std::uint32_t total, BlockSizes nextBlock) {
    const std::uint32_t latency = sampler.latencyFrames();
    const std::uint32_t rendered = total + latency;
    Stereo out{std::vector<float>(rendered, 0.0F), std::vector<float>(rendered, 0.0F)};
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& a, const auto& b) { return a.frameOffset < b.frameOffset; });
    std::size_t next = 0;
    std::vector<InstrumentEvent> blockEvents;
    for (std::uint32_t start = 0; start < rendered;) {
        const std::uint32_t n = std::min(nextBlock(), rendered - start);
        blockEvents.clear();
        while (next < events.size() && events[next].frameOffset < start + n) {
            InstrumentEvent event = events[next++];
            event.frameOffset -= start;
            blockEvents.push_back(event);
        }
        sampler.render(blockEvents, out.left.data() + start, out.right.data() + start, n);
        start += n;
    }
    out.left.erase(out.left.begin(), out.left.begin() + latency);
    out.right.erase(out.right.begin(), out.right.begin() + latency);
    return out;
}

Stereo play(Sampler& sampler, std::vector<InstrumentEvent> events, std::uint32_t total, std::uint32_t block = 256) {
    return playInBlocks(sampler, std::move(events), total, [block] { return block; });
}

std::unique_ptr<Sampler> samplerWith(std::shared_ptr<const InstrumentBank> bank) {
    auto sampler = std::make_unique<Sampler>();
    sampler->prepare(core::SampleRate{kRate}, kMaxBlock);
    sampler->setBank(std::move(bank));
    return sampler;
}

// The frequency of a steady tone from its rising zero crossings, interpolated between frames.
double frequencyOf(std::span<const float> x) {
    double first = -1.0;
    double last = -1.0;
    int crossings = 0;
    for (std::size_t i = 1; i < x.size(); ++i) {
        if (x[i - 1] < 0.0F && x[i] >= 0.0F) {
            const double at = static_cast<double>(i - 1) + x[i - 1] / (x[i - 1] - x[i]);
            if (first < 0.0) first = at;
            last = at;
            ++crossings;
        }
    }
    return crossings < 2 ? 0.0 : static_cast<double>(crossings - 1) * kRate / (last - first);
}

double rms(std::span<const float> x) {
    double sum = 0.0;
    for (const float v : x) sum += static_cast<double>(v) * v;
    return x.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(x.size()));
}

std::span<const float> window(const std::vector<float>& x, double fromSeconds, double toSeconds) {
    return std::span<const float>{x}.subspan(frames(fromSeconds), frames(toSeconds) - frames(fromSeconds));
}

InstrumentEvent controller(std::uint32_t frame, std::uint8_t channel, std::uint8_t number, std::uint8_t value) {
    return {frame, InstrumentEvent::Kind::ControlChange, channel, number, value};
}

TEST(SamplerTest, PlaysTheSampleAtTheNotesPitch) {
    for (const auto quality : {Interpolation::Cubic, Interpolation::Sinc}) {
        SamplerRegion tuned = looped(regionFor(sine(440.0, 1.0)), 0, 48000);
        auto sampler = samplerWith(bankOf({tuned}));
        sampler->setInterpolation(quality);
        const auto out = play(*sampler,
                              {InstrumentEvent::noteOn(0, 0, kA4, 100), InstrumentEvent::noteOff(frames(0.5), 0, kA4),
                               InstrumentEvent::noteOn(frames(0.6), 0, kA4 + 12, 100),
                               InstrumentEvent::noteOff(frames(1.15), 0, kA4 + 12),
                               InstrumentEvent::noteOn(frames(1.2), 0, kA4 - 7, 100)},
                              frames(1.8));
        EXPECT_NEAR(frequencyOf(window(out.left, 0.1, 0.45)), 440.0, 0.05);
        EXPECT_NEAR(frequencyOf(window(out.left, 0.7, 1.15)), 880.0, 0.1);
        EXPECT_NEAR(frequencyOf(window(out.left, 1.3, 1.75)), 440.0 * std::pow(2.0, -7.0 / 12.0), 0.05);
    }
}

TEST(SamplerTest, TuningAndKeyTrackingMoveThePitch) {
    SamplerRegion region = looped(regionFor(sine(440.0, 1.0)), 0, 48000);
    region.tuneCents = 100;
    region.keyTrackCents = 50;  // a quarter-tone per key
    auto sampler = samplerWith(bankOf({region}));
    const auto out = play(*sampler, {InstrumentEvent::noteOn(0, 0, kA4 + 2, 100)}, frames(0.5));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.1, 0.45)), 440.0 * std::pow(2.0, 200.0 / 1200.0), 0.05);
}

TEST(SamplerTest, SamplesRecordedAtAnotherRatePlayInTune) {
    const SamplerRegion region = looped(regionFor(sine(440.0, 1.0, kA4, 22050)), 0, 22050);
    auto sampler = samplerWith(bankOf({region}));
    const auto out = play(*sampler, {InstrumentEvent::noteOn(0, 0, kA4, 100)}, frames(0.5));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.1, 0.45)), 440.0, 0.05);
}

TEST(SamplerTest, EveryNoteStartsOnItsExactFrame) {
    const SamplerRegion region = regionFor(constant(0.5));
    for (const std::uint32_t block : {1U, 64U, 100U, 1024U}) {
        auto sampler = samplerWith(bankOf({region}));
        const auto out = play(*sampler, {InstrumentEvent::noteOn(777, 0, 60, 100)}, 2000, block);
        EXPECT_EQ(out.left[776], 0.0F) << block;
        EXPECT_GT(out.left[777], 0.0F) << block;
    }
}

TEST(SamplerTest, TheSoundDoesNotDependOnHowBlocksSplitIt) {
    SamplerRegion region = looped(regionFor(sine(300.0, 0.5, 60)), 4800, 24000);
    region.volumeEnvelope = {.attack = 0.01F, .decay = 0.3F, .sustain = 0.3F, .release = 0.05F};
    region.modulationLfo = {.delay = 0.0F, .frequencyHz = 5.0F, .toPitchCents = 30.0F, .toVolumeDb = 2.0F};
    region.filter = FilterType::LowPass2Pole;
    region.filterCutoffCents = 9000;
    const std::vector<InstrumentEvent> events{InstrumentEvent::noteOn(10, 0, 60, 100),
                                              InstrumentEvent::noteOn(1234, 1, 64, 80),
                                              controller(5000, 0, 7, 64),
                                              InstrumentEvent::noteOff(9000, 0, 60),
                                              {12000, InstrumentEvent::Kind::PitchBend, 1, 0, 80},
                                              InstrumentEvent::noteOff(15000, 1, 64)};
    auto reference = samplerWith(bankOf({region}));
    const auto expected = play(*reference, events, 24000, 512);
    std::mt19937 rng{7};
    for (const std::uint32_t block : {1U, 63U, 1000U}) {
        auto sampler = samplerWith(bankOf({region}));
        EXPECT_EQ(play(*sampler, events, 24000, block).left, expected.left) << block;
    }
    // Random block sizes as a device could deliver them.
    auto sampler = samplerWith(bankOf({region}));
    const auto out = playInBlocks(*sampler, events, 24000, [&] {
        return std::uniform_int_distribution<std::uint32_t>{1, 700}(rng);
    });
    EXPECT_EQ(out.left, expected.left);
    EXPECT_EQ(out.right, expected.right);
}

TEST(SamplerTest, LoopsPlayOnWithoutASeam) {
    // 480 Hz at 48 kHz: 100 frames a period; a loop of exactly 10 periods.
    const SamplerRegion region = looped(regionFor(sine(480.0, 0.05)), 1000, 2000);
    auto sampler = samplerWith(bankOf({region}));
    const auto out = play(*sampler, {InstrumentEvent::noteOn(0, 0, kA4, 127)}, frames(1.0));
    const double level = rms(window(out.left, 0.1, 0.2));
    EXPECT_NEAR(rms(window(out.left, 0.8, 0.9)), level, level * 1e-3);
    // A seam would show as a jump larger than a sine of this level ever makes in one frame.
    const double slope = level * std::numbers::sqrt2 * 2.0 * std::numbers::pi * 480.0 / kRate;
    for (std::size_t i = frames(0.05); i < out.left.size(); ++i) {
        ASSERT_LE(std::abs(out.left[i] - out.left[i - 1]), slope * 1.02) << i;
    }
    EXPECT_NEAR(frequencyOf(window(out.left, 0.1, 0.9)), 480.0, 0.01);
}

TEST(SamplerTest, AnUnloopedSampleEndsTheNote) {
    auto sampler = samplerWith(bankOf({regionFor(sine(440.0, 0.1))}));
    const auto out = play(*sampler, {InstrumentEvent::noteOn(0, 0, kA4, 100)}, frames(0.2));
    EXPECT_GT(rms(window(out.left, 0.0, 0.09)), 0.01);
    EXPECT_EQ(rms(window(out.left, 0.11, 0.2)), 0.0);
    EXPECT_EQ(sampler->activeVoices(), 0U);
}

TEST(SamplerTest, LoopSustainPlaysOnToTheEndAfterTheKeyIsLetGo) {
    SamplerRegion region = looped(regionFor(sine(480.0, 0.1)), 1000, 2000);
    region.loopMode = LoopMode::LoopSustain;
    region.volumeEnvelope.release = 5.0F;  // long: the sample's end, not the envelope, ends the note
    auto sampler = samplerWith(bankOf({region}));
    const auto out =
        play(*sampler, {InstrumentEvent::noteOn(0, 0, kA4, 100), InstrumentEvent::noteOff(frames(0.5), 0, kA4)},
             frames(1.0));
    EXPECT_GT(rms(window(out.left, 0.4, 0.5)), 0.01);
    // After the loop it plays the rest of the sample (up to 2,800 frames) and stops.
    EXPECT_GT(rms(window(out.left, 0.5, 0.55)), 0.01);
    EXPECT_EQ(rms(window(out.left, 0.6, 1.0)), 0.0);
}

// The level of a constant sample through the envelope, per millisecond.
std::vector<double> levels(const std::vector<float>& x) {
    std::vector<double> result;
    for (std::size_t i = 0; i + 48 <= x.size(); i += 48) result.push_back(std::abs(x[i + 47]));
    return result;
}

TEST(SamplerTest, EnvelopeStagesTakeTheirTimes) {
    SamplerRegion region = looped(regionFor(constant(0.2)), 0, frames(0.2));
    region.volumeEnvelope = {
        .delay = 0.05F, .attack = 0.1F, .hold = 0.1F, .decay = 0.96F, .sustain = 0.1F, .release = 0.48F};
    auto sampler = samplerWith(bankOf({region}));
    const auto out = play(
        *sampler, {InstrumentEvent::noteOn(0, 0, 60, 127), InstrumentEvent::noteOff(frames(1.0), 0, 60)}, frames(1.6));
    const auto level = levels(out.left);
    const double full = level[200];  // in the hold
    ASSERT_GT(full, 0.0);
    EXPECT_EQ(level[45], 0.0);                  // the delay
    EXPECT_NEAR(level[100] / full, 0.5, 0.02);  // halfway up a linear attack
    // The end of the hold (the gains glide towards each next control step, 64 frames ahead).
    EXPECT_NEAR(level[248] / full, 1.0, 1e-3);
    // The decay falls 96 dB in 0.96 s: 20 dB (the sustain level) in 0.2 s.
    EXPECT_NEAR(20.0 * std::log10(level[350] / full), -10.0, 0.3);
    EXPECT_NEAR(level[600] / full, 0.1, 1e-3);
    // The release falls the remaining 76 dB in 0.38 s and the voice ends.
    EXPECT_NEAR(20.0 * std::log10(level[1190] / full), -20.0 - 38.0, 0.5);
    EXPECT_EQ(level[1400], 0.0);
    EXPECT_EQ(sampler->activeVoices(), 0U);
}

// A quiet sample decaying for 10 s falls under the noise floor long before its envelope ends: the
// voice stops then, and what it played up to that point was already far below 16-bit silence.
TEST(SamplerTest, AVoiceEndsOnceNothingOfItCanBeHeard) {
    Sample quiet;
    quiet.sampleRate = kRate;
    quiet.data.assign(frames(0.5), 0.01F);  // -40 dBFS
    quiet.finish();
    SamplerRegion region = looped(regionFor(std::make_shared<const Sample>(std::move(quiet))), 0, frames(0.5));
    region.volumeEnvelope = {.attack = 0.0F, .decay = 10.0F, .sustain = 0.0F, .release = 1.0F};
    auto sampler = samplerWith(bankOf({region}));
    // The decay falls 96 dB in 10 s; from -40 dBFS the floor (-100 dB) is 60 dB down: after ~6.3 s.
    const auto out = play(*sampler, {InstrumentEvent::noteOn(0, 0, 60, 127)}, frames(7.0), 512);
    EXPECT_EQ(sampler->activeVoices(), 0U);
    EXPECT_GT(rms(window(out.left, 5.0, 5.1)), 0.0);  // still playing, under -90 dBFS
    float loudestAtTheEnd = 0.0F;
    for (const float value : window(out.left, 6.0, 7.0)) loudestAtTheEnd = std::max(loudestAtTheEnd, std::abs(value));
    EXPECT_LT(loudestAtTheEnd, 1.0e-5F);
    EXPECT_EQ(out.left.back(), 0.0F);
}

TEST(SamplerTest, VelocityLayersChooseTheirSample) {
    SamplerRegion soft = looped(regionFor(sine(220.0, 0.5, kA4)), 0, 24000);
    soft.hiVelocity = 63;
    SamplerRegion loud = looped(regionFor(sine(440.0, 0.5, kA4)), 0, 24000);
    loud.loVelocity = 64;
    auto sampler = samplerWith(bankOf({soft, loud}));
    const auto out = play(*sampler,
                          {InstrumentEvent::noteOn(0, 0, kA4, 40), InstrumentEvent::noteOff(frames(0.3), 0, kA4),
                           InstrumentEvent::noteOn(frames(0.4), 0, kA4, 100)},
                          frames(0.7));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.05, 0.25)), 220.0, 0.05);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.45, 0.65)), 440.0, 0.05);
}

TEST(SamplerTest, RoundRobinsTakeTurns) {
    SamplerRegion first = looped(regionFor(sine(220.0, 0.5, kA4)), 0, 24000);
    first.sequenceLength = 2;
    first.sequencePosition = 1;
    SamplerRegion second = looped(regionFor(sine(440.0, 0.5, kA4)), 0, 24000);
    second.sequenceLength = 2;
    second.sequencePosition = 2;
    auto sampler = samplerWith(bankOf({first, second}));
    std::vector<InstrumentEvent> events;
    for (std::uint32_t n = 0; n < 3; ++n) {
        events.push_back(InstrumentEvent::noteOn(frames(0.3 * n), 0, kA4, 100));
        events.push_back(InstrumentEvent::noteOff(frames(0.3 * n + 0.2), 0, kA4));
    }
    const auto out = play(*sampler, events, frames(0.9));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.02, 0.18)), 220.0, 0.1);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.32, 0.48)), 440.0, 0.1);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.62, 0.78)), 220.0, 0.1);
}

TEST(SamplerTest, ReleaseTriggersSoundWhenTheKeyIsLetGo) {
    SamplerRegion held = looped(regionFor(sine(220.0, 0.5, kA4)), 0, 24000);
    held.volumeEnvelope.release = 0.001F;
    SamplerRegion damper = regionFor(sine(440.0, 0.2, kA4));
    damper.trigger = Trigger::Release;
    auto sampler = samplerWith(bankOf({held, damper}));
    const auto out = play(
        *sampler, {InstrumentEvent::noteOn(0, 0, kA4, 90), InstrumentEvent::noteOff(frames(0.3), 0, kA4)}, frames(0.6));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.05, 0.28)), 220.0, 0.1);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.32, 0.48)), 440.0, 0.1);
    EXPECT_EQ(rms(window(out.left, 0.52, 0.6)), 0.0);
}

TEST(SamplerTest, FirstAndLegatoTriggersFollowTheOtherKeys) {
    SamplerRegion first = looped(regionFor(sine(220.0, 0.5, 60)), 0, 24000);
    first.trigger = Trigger::First;
    first.keyTrackCents = 0;
    SamplerRegion legato = looped(regionFor(sine(440.0, 0.5, 60)), 0, 24000);
    legato.trigger = Trigger::Legato;
    legato.keyTrackCents = 0;
    auto sampler = samplerWith(bankOf({first, legato}));
    const auto out = play(*sampler,
                          {InstrumentEvent::noteOn(0, 0, 60, 90), InstrumentEvent::noteOn(frames(0.3), 0, 62, 90),
                           InstrumentEvent::noteOff(frames(0.29), 0, 60)},
                          frames(0.6));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.05, 0.25)), 220.0, 0.1);
    // 60 was let go before 62: 62 is a first note again.
    EXPECT_NEAR(frequencyOf(window(out.left, 0.35, 0.55)), 220.0, 0.1);

    auto overlapping = samplerWith(bankOf({first, legato}));
    const auto legatoOut = play(*overlapping,
                                {InstrumentEvent::noteOn(0, 0, 60, 90), InstrumentEvent::noteOn(frames(0.3), 0, 62, 90),
                                 InstrumentEvent::noteOff(frames(0.3), 0, 60)},
                                frames(0.6));
    EXPECT_NEAR(frequencyOf(window(legatoOut.left, 0.35, 0.55)), 440.0, 0.1);
}

TEST(SamplerTest, AnExclusiveClassChokesItsOtherNotes) {
    SamplerRegion open = looped(regionFor(sine(440.0, 0.5, 46)), 0, 24000);
    open.loKey = open.hiKey = 46;
    open.group = open.offBy = 1;
    SamplerRegion closed = regionFor(sine(880.0, 0.5, 42));
    closed.loKey = closed.hiKey = 42;
    closed.group = closed.offBy = 1;
    auto sampler = samplerWith(bankOf({open, closed}, kDrumBank));
    const auto out =
        play(*sampler, {InstrumentEvent::noteOn(0, 9, 46, 100), InstrumentEvent::noteOn(frames(0.2), 9, 42, 100)},
             frames(0.3));
    EXPECT_EQ(sampler->activeVoices(), 1U);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.22, 0.3)), 880.0, 0.5);
}

Modulator pitchWheelModulator() {
    return {.primary = {.kind = ModulatorSource::Kind::PitchWheel, .bipolar = true},
            .amountSource = {.kind = ModulatorSource::Kind::PitchWheelSensitivity},
            .target = ModulatorTarget::PitchCents,
            .amount = 12700};
}

TEST(SamplerTest, PitchBendFollowsTheRangeSetByRpnZero) {
    SamplerRegion region = looped(regionFor(sine(440.0, 0.5)), 0, 24000);
    region.modulators.push_back(pitchWheelModulator());
    auto sampler = samplerWith(bankOf({region}));
    const auto out = play(*sampler,
                          {InstrumentEvent::noteOn(0, 0, kA4, 100),
                           {frames(0.2), InstrumentEvent::Kind::PitchBend, 0, 0, 96},  // +1/4 of the range
                           controller(frames(0.4), 0, 101, 0),
                           controller(frames(0.4), 0, 100, 0),
                           controller(frames(0.4), 0, 6, 12),                          // range: an octave
                           {frames(0.4), InstrumentEvent::Kind::PitchBend, 0, 0, 0}},  // all the way down
                          frames(0.6));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.05, 0.19)), 440.0, 0.1);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.22, 0.39)), 440.0 * std::pow(2.0, 1.0 / 12.0), 0.1);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.42, 0.59)), 220.0, 0.1);
}

TEST(SamplerTest, TheSustainPedalHoldsNotesPastTheirNoteOff) {
    SamplerRegion region = looped(regionFor(sine(440.0, 0.5)), 0, 24000);
    region.volumeEnvelope.release = 0.001F;
    auto sampler = samplerWith(bankOf({region}));
    const auto out = play(*sampler,
                          {controller(0, 0, 64, 127), InstrumentEvent::noteOn(0, 0, kA4, 100),
                           InstrumentEvent::noteOff(frames(0.1), 0, kA4), controller(frames(0.3), 0, 64, 0)},
                          frames(0.5));
    EXPECT_GT(rms(window(out.left, 0.15, 0.28)), 0.01);
    EXPECT_EQ(rms(window(out.left, 0.32, 0.5)), 0.0);
}

TEST(SamplerTest, SostenutoHoldsOnlyTheKeysDownAsItIsPressed) {
    SamplerRegion region = looped(regionFor(sine(440.0, 0.5)), 0, 24000);
    region.volumeEnvelope.release = 0.001F;
    auto sampler = samplerWith(bankOf({region}));
    const auto out =
        play(*sampler,
             {InstrumentEvent::noteOn(0, 0, kA4, 100), controller(frames(0.05), 0, 66, 127),
              InstrumentEvent::noteOn(frames(0.1), 0, kA4 + 12, 100), InstrumentEvent::noteOff(frames(0.15), 0, kA4),
              InstrumentEvent::noteOff(frames(0.15), 0, kA4 + 12), controller(frames(0.3), 0, 66, 0)},
             frames(0.5));
    // A4 is held by the pedal; A5, struck after it went down, is not.
    EXPECT_NEAR(frequencyOf(window(out.left, 0.17, 0.28)), 440.0, 0.1);
    EXPECT_EQ(rms(window(out.left, 0.32, 0.5)), 0.0);
}

TEST(SamplerTest, VolumeAndExpressionReachTheSoundThroughModulators) {
    SamplerRegion region = looped(regionFor(sine(440.0, 0.5)), 0, 24000);
    const ModulatorSource cc7{.kind = ModulatorSource::Kind::Controller,
                              .controller = 7,
                              .curve = ModulatorSource::Curve::Concave,
                              .negative = true};
    region.modulators.push_back({.primary = cc7, .target = ModulatorTarget::AttenuationDb, .amount = 96.0F});
    auto sampler = samplerWith(bankOf({region}));
    const auto out =
        play(*sampler,
             {controller(0, 0, 7, 127), InstrumentEvent::noteOn(0, 0, kA4, 100), controller(frames(0.2), 0, 7, 64)},
             frames(0.4));
    // Concave: 40·log10(64/127) ≈ -11.9 dB.
    const double change = 20.0 * std::log10(rms(window(out.left, 0.25, 0.35)) / rms(window(out.left, 0.05, 0.15)));
    EXPECT_NEAR(change, 40.0 * std::log10(63.0 / 127.0), 0.3);
}

TEST(SamplerTest, ProgramAndBankSelectChooseThePreset) {
    auto bank = std::make_shared<InstrumentBank>();
    bank->presets.push_back(
        {.name = "low", .bank = 0, .program = 0, .regions = {looped(regionFor(sine(220.0, 0.5)), 0, 24000)}});
    bank->presets.push_back(
        {.name = "high", .bank = 0, .program = 5, .regions = {looped(regionFor(sine(880.0, 0.5)), 0, 24000)}});
    bank->presets.push_back(
        {.name = "kit", .bank = kDrumBank, .program = 0, .regions = {looped(regionFor(sine(440.0, 0.5)), 0, 24000)}});
    auto sampler = samplerWith(bank);
    const auto out = play(*sampler,
                          {{0, InstrumentEvent::Kind::ProgramChange, 1, 5, 0},
                           InstrumentEvent::noteOn(0, 0, kA4, 100),
                           InstrumentEvent::noteOn(frames(0.2), 1, kA4, 100),
                           InstrumentEvent::noteOff(frames(0.19), 0, kA4),
                           InstrumentEvent::noteOff(frames(0.39), 1, kA4),
                           InstrumentEvent::noteOn(frames(0.4), 9, kA4, 100)},
                          frames(0.6));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.02, 0.18)), 220.0, 0.1);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.22, 0.38)), 880.0, 0.1);
    EXPECT_NEAR(frequencyOf(window(out.left, 0.42, 0.58)), 440.0, 0.1);
}

TEST(SamplerTest, BeyondMaxVoicesTheReleasedNoteIsStolenFirst) {
    SamplerRegion region = looped(regionFor(sine(440.0, 0.5)), 0, 24000);
    region.volumeEnvelope.release = 10.0F;
    auto sampler = samplerWith(bankOf({region}));
    std::vector<InstrumentEvent> events;
    for (std::uint32_t n = 0; n < Sampler::kMaxVoices; ++n) {
        events.push_back(
            InstrumentEvent::noteOn(n, static_cast<std::uint8_t>(n % 16), static_cast<std::uint8_t>(n / 16 + 20), 100));
    }
    events.push_back(InstrumentEvent::noteOff(300, 3, 20));  // released: the one to take
    events.push_back(InstrumentEvent::noteOn(400, 0, 100, 100));
    play(*sampler, events, 2000);
    EXPECT_EQ(sampler->stolenVoices(), 1U);
    EXPECT_EQ(sampler->activeVoices(), Sampler::kMaxVoices);
    EXPECT_EQ(sampler->peakVoices(), Sampler::kMaxVoices + 1);
}

TEST(SamplerTest, AllSoundOffSilencesAChannelWithinMilliseconds) {
    SamplerRegion region = looped(regionFor(sine(440.0, 0.5)), 0, 24000);
    region.volumeEnvelope.release = 5.0F;
    auto sampler = samplerWith(bankOf({region}));
    const auto out = play(*sampler,
                          {InstrumentEvent::noteOn(0, 0, kA4, 100),
                           InstrumentEvent::noteOn(0, 1, kA4, 100),
                           {frames(0.1), InstrumentEvent::Kind::AllSoundOff, 0, 0, 0}},
                          frames(0.2));
    EXPECT_EQ(sampler->activeVoices(), 1U);
    // The other channel's note, alone, after the fade.
    EXPECT_LT(rms(window(out.left, 0.11, 0.2)), rms(window(out.left, 0.0, 0.1)) * 0.75);
}

TEST(SamplerTest, ANewBankTakesOverAndTheOldOneIsFreed) {
    auto first = bankOf({looped(regionFor(sine(220.0, 0.5)), 0, 24000)});
    std::weak_ptr<const InstrumentBank> firstAlive = first;
    auto sampler = samplerWith(std::move(first));
    EXPECT_FALSE(sampler->ready());
    play(*sampler, {InstrumentEvent::noteOn(0, 0, kA4, 100)}, 4800);
    EXPECT_TRUE(sampler->ready());
    sampler->setBank(bankOf({looped(regionFor(sine(880.0, 0.5)), 0, 24000)}));
    const auto out = play(*sampler, {InstrumentEvent::noteOn(0, 0, kA4, 100)}, frames(0.3));
    EXPECT_NEAR(frequencyOf(window(out.left, 0.1, 0.3)), 880.0, 0.1);
    sampler->collectRetired();
    EXPECT_TRUE(firstAlive.expired());
}

TEST(SamplerTest, NoSubnormalNumberReachesTheOutput) {
    // A resonant filter ringing down after a short sample, and a release falling towards silence:
    // the places where floats turn subnormal (and slow).
    SamplerRegion region = regionFor(sine(440.0, 0.01));
    region.filter = FilterType::LowPass2Pole;
    region.filterCutoffCents = 6000;
    region.filterResonanceDb = 20;
    region.volumeEnvelope.release = 2.0F;
    auto sampler = samplerWith(bankOf({region}));
    const auto out =
        play(*sampler, {InstrumentEvent::noteOn(0, 0, kA4, 100), InstrumentEvent::noteOff(100, 0, kA4)}, frames(3.0));
    for (const auto* channel : {&out.left, &out.right}) {
        EXPECT_TRUE(std::none_of(channel->begin(), channel->end(),
                                 [](float sample) { return std::fpclassify(sample) == FP_SUBNORMAL; }));
    }
}

TEST(SamplerTest, RenderingIsRealtimeSafe) {
    SamplerRegion region = looped(regionFor(sine(440.0, 0.5)), 0, 24000);
    region.filter = FilterType::LowPass2Pole;
    region.filterCutoffCents = 8000;
    region.modulators.push_back(pitchWheelModulator());
    SamplerRegion release = regionFor(sine(440.0, 0.1));
    release.trigger = Trigger::Release;
    auto sampler = samplerWith(bankOf({region, release}));
    std::vector<float> left(512);
    std::vector<float> right(512);
    const std::vector<InstrumentEvent> events{InstrumentEvent::noteOn(0, 0, 60, 100),
                                              InstrumentEvent::noteOn(3, 1, 64, 100),
                                              controller(10, 0, 64, 127),
                                              {20, InstrumentEvent::Kind::PitchBend, 0, 0, 100},
                                              InstrumentEvent::noteOff(30, 0, 60),
                                              controller(40, 0, 64, 0),
                                              {50, InstrumentEvent::Kind::ProgramChange, 0, 3, 0},
                                              {60, InstrumentEvent::Kind::AllSoundOff, 1, 0, 0}};
    sampler->render({}, left.data(), right.data(), 512);  // adopts the bank
    EXPECT_REALTIME_SAFE(sampler->render(events, left.data(), right.data(), 512));
    sampler->setBank(bankOf({region}));
    EXPECT_REALTIME_SAFE(sampler->render(events, left.data(), right.data(), 512));
    sampler->setInterpolation(Interpolation::Sinc);
    EXPECT_REALTIME_SAFE(sampler->render(events, left.data(), right.data(), 512));
}

}  // namespace
}  // namespace mos::audio
