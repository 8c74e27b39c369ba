#include "mos/transport/TempoMap.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace mos::transport {
namespace {

using core::Rational;
using core::SampleRate;

TEST(TempoMapTest, ConstantTempoIsExact) {
    const TempoMap map;
    EXPECT_EQ(map.sampleAt(Rational{1, 4}, SampleRate{48000}), 24000);
    EXPECT_EQ(map.sampleAt(Rational{1, 12}, SampleRate{44100}), 7350);  // a triplet eighth
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{2}), 4.0);
    EXPECT_DOUBLE_EQ(map.wholeNotesAt(1.0), 0.5);
}

TEST(TempoMapTest, TempoChangesChainSegments) {
    const TempoMap map{{{Rational{0}, Rational{120}}, {Rational{2}, Rational{60}}}};
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{3}), 8.0);  // 2 bars at 120 (4 s) + 1 bar at 60 (4 s)
    EXPECT_EQ(map.sampleAt(Rational{3}, SampleRate{48000}), 384000);
    EXPECT_DOUBLE_EQ(map.wholeNotesAt(6.0), 2.5);
    EXPECT_DOUBLE_EQ(map.quarterBpmAt(Rational{5, 2}), 60.0);
}

TEST(TempoMapTest, SamplesRoundHalvesAwayFromZeroExactly) {
    // One tick at 120 BPM and 44.1 kHz is 22.96875 samples: 16 ticks end on exactly 367.5.
    const TempoMap map;
    EXPECT_EQ(map.sampleAt(Rational{16, 3840}, SampleRate{44100}), 368);
}

TEST(TempoMapTest, RampsFollowTheClosedForm) {
    // 60 → 120 quarters per minute over one whole note: k = 60 per whole note, t = 240/k · ln 2.
    const TempoMap map{{{Rational{0}, Rational{60}, true}, {Rational{1}, Rational{120}}}};
    const double rampSeconds = 4.0 * std::log(2.0);
    EXPECT_NEAR(map.secondsAt(Rational{1}), rampSeconds, 1e-12);
    EXPECT_NEAR(map.secondsAt(Rational{2}), rampSeconds + 2.0, 1e-12);
    // Halfway through the ramp the tempo is 90: t = 4 · ln(90/60).
    EXPECT_NEAR(map.secondsAt(Rational{1, 2}), 4.0 * std::log(1.5), 1e-12);
    EXPECT_NEAR(map.quarterBpmAt(Rational{1, 2}), 90.0, 1e-12);
    EXPECT_NEAR(map.wholeNotesAt(4.0 * std::log(1.5)), 0.5, 1e-12);
    EXPECT_EQ(map.sampleAt(Rational{1}, SampleRate{48000}), std::llround(rampSeconds * 48000));
}

TEST(TempoMapTest, ScaleSpeedsEveryTempo) {
    const TempoMap normal{
        {{Rational{0}, Rational{100}}, {Rational{1}, Rational{50}, true}, {Rational{2}, Rational{150}}}};
    const TempoMap fast{{{Rational{0}, Rational{100}}, {Rational{1}, Rational{50}, true}, {Rational{2}, Rational{150}}},
                        Rational{2}};
    for (const Rational at : {Rational{1, 2}, Rational{3, 2}, Rational{5, 2}}) {
        EXPECT_NEAR(fast.secondsAt(at), normal.secondsAt(at) / 2.0, 1e-12);
    }
    EXPECT_DOUBLE_EQ(fast.quarterBpmAt(Rational{3}), 300.0);
}

TEST(TempoMapTest, UnusableChangesAreIgnoredAndLaterDuplicatesWin) {
    const TempoMap map{{{Rational{0}, Rational{0}},
                        {Rational{1}, Rational{90}},
                        {Rational{1}, Rational{60}},
                        {Rational{2}, Rational{-5}}}};
    ASSERT_EQ(map.segments().size(), 2U);
    EXPECT_EQ(map.segments()[0].startBpm, Rational{120});
    EXPECT_EQ(map.segments()[1].startBpm, Rational{60});
}

TEST(TempoMapTest, PositionsBeforeTheStartKeepTheFirstTempo) {
    const TempoMap map{{{Rational{0}, Rational{60}, true}, {Rational{1}, Rational{120}}}};
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{-1, 4}), -1.0);  // a count-in beat at 60
}

// Property: over random tempo maps with ramps, a tick goes to a sample and back unchanged, and
// samples never go backwards.
TEST(TempoMapTest, TickToSampleToTickIsTheIdentity) {
    std::mt19937 random{20261124};
    std::uniform_int_distribution<int> bpm{20, 300};
    std::uniform_int_distribution<int> gap{1, 8 * 960};
    std::uniform_int_distribution<int> coin{0, 1};
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<TempoChange> changes;
        std::int64_t tick = 0;
        for (int c = 0; c < 12; ++c) {
            changes.push_back({Rational{tick, core::kTicksPerWhole}, Rational{bpm(random)}, coin(random) == 1});
            tick += gap(random);
        }
        const TempoMap map{changes, trial % 3 == 0 ? Rational{3, 2} : Rational{1}};
        const SampleRate rate{trial % 2 == 0 ? 44100U : 48000U};
        std::int64_t previous = -1;
        for (std::int64_t t = 0; t < tick + 3840; t += 1 + trial % 37) {
            const std::int64_t sample = map.sampleAt(Rational{t, core::kTicksPerWhole}, rate);
            ASSERT_EQ(map.ticksAt(sample, rate).value, t) << "trial " << trial;
            ASSERT_GE(sample, previous);
            previous = sample;
        }
    }
}

}  // namespace
}  // namespace mos::transport
