#include "mos/transport/Metronome.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "mos/transport/Program.hpp"

namespace mos::transport {
namespace {

using core::Rational;

constexpr std::uint8_t kDrumChannel0to15 = 9;

struct Click {
    std::int64_t sample = 0;
    std::uint8_t key = 0;

    friend bool operator==(const Click&, const Click&) = default;
};

// What the compiled metronome plays at 48 kHz: every note's start and key, all on the drum channel.
std::vector<Click> clicksOf(const MetronomeSpec& spec) {
    const auto score = metronomeScore(spec);
    EXPECT_TRUE(score) << score.error().describe();
    if (!score) return {};
    const Program program = compile(*score);
    std::vector<Click> clicks;
    for (const ProgramNote& note : program.notes()) {
        EXPECT_EQ(note.channel0to15, kDrumChannel0to15);
        clicks.push_back({note.startSample, note.key0to127});
    }
    return clicks;
}

std::string patternOf(const MetronomeSpec& spec) {
    const auto bar = metronomeBar(spec);
    EXPECT_TRUE(bar) << bar.error().describe();
    return bar ? bar->pattern : "";
}

TEST(MetronomeTest, FourFourClicksEveryQuarterWithTheDownbeatAccented) {
    const MetronomeSpec spec{.bpm = 120, .meter = {4, 4}, .bars = 2};
    EXPECT_EQ(
        clicksOf(spec),
        (std::vector<Click>{
            {0, 76}, {24000, 77}, {48000, 77}, {72000, 77}, {96000, 76}, {120000, 77}, {144000, 77}, {168000, 77}}));
    EXPECT_EQ(patternOf(spec), "Xxxx");
    const auto score = metronomeScore(spec);
    ASSERT_TRUE(score);
    const Program program = compile(*score);
    EXPECT_EQ(program.endSample(), 192000);
    EXPECT_GT(program.notes()[0].velocity1to127, program.notes()[1].velocity1to127);
}

TEST(MetronomeTest, SevenEightClicksEveryEighth) {
    const MetronomeSpec spec{.bpm = 120, .meter = {7, 8}, .bars = 2};
    std::vector<Click> expected;
    for (std::int64_t eighth = 0; eighth < 14; ++eighth) {
        expected.push_back({eighth * 24000, static_cast<std::uint8_t>(eighth % 7 == 0 ? 76 : 77)});
    }
    EXPECT_EQ(clicksOf(spec), expected);
    EXPECT_EQ(patternOf(spec), "Xxxxxxx");
}

TEST(MetronomeTest, SixEightBeatsDottedQuartersSubdividedIntoEighths) {
    // Two dotted quarters a second; their eighths a third of a second apart.
    const MetronomeSpec spec{.bpm = 120, .meter = {6, 8}, .bars = 1};
    EXPECT_EQ(clicksOf(spec),
              (std::vector<Click>{{0, 76}, {8000, 77}, {16000, 77}, {24000, 77}, {32000, 77}, {40000, 77}}));
    EXPECT_EQ(patternOf(spec), "X--x--");
    const auto score = metronomeScore(spec);
    ASSERT_TRUE(score);
    const Program program = compile(*score);
    // The second beat sounds above its subdivisions.
    EXPECT_GT(program.notes()[3].velocity1to127, program.notes()[4].velocity1to127);

    const MetronomeSpec beatsOnly{.bpm = 120, .meter = {6, 8}, .subdivisions = 1, .bars = 1};
    EXPECT_EQ(clicksOf(beatsOnly), (std::vector<Click>{{0, 76}, {24000, 77}}));
    EXPECT_EQ(patternOf({.meter = {12, 8}}), "X--x--x--x--");
    EXPECT_EQ(patternOf({.meter = {3, 8}}), "Xxx");  // three eighths: simple, not one dotted beat
}

TEST(MetronomeTest, SubdivisionsSplitEachBeatEvenly) {
    // 3/4 at 90: a quarter is 32000 samples, its eighths 16000.
    const MetronomeSpec eighths{.bpm = 90, .meter = {3, 4}, .subdivisions = 2, .bars = 1};
    EXPECT_EQ(clicksOf(eighths),
              (std::vector<Click>{{0, 76}, {16000, 77}, {32000, 77}, {48000, 77}, {64000, 77}, {80000, 77}}));
    EXPECT_EQ(patternOf(eighths), "X-x-x-");

    const MetronomeSpec triplets{.bpm = 120, .meter = {2, 4}, .subdivisions = 3, .bars = 1};
    EXPECT_EQ(clicksOf(triplets),
              (std::vector<Click>{{0, 76}, {8000, 77}, {16000, 77}, {24000, 77}, {32000, 77}, {40000, 77}}));
}

TEST(MetronomeTest, EuclideanTresilloHitsStepsZeroThreeAndSix) {
    // 4/4 at 120 in eight steps of 12000 samples: x..x..x.
    const MetronomeSpec spec{.bpm = 120, .meter = {4, 4}, .euclid = EuclideanPattern{3, 8, 0}, .bars = 2};
    EXPECT_EQ(clicksOf(spec),
              (std::vector<Click>{{0, 76}, {36000, 77}, {72000, 77}, {96000, 76}, {132000, 77}, {168000, 77}}));
    EXPECT_EQ(patternOf(spec), "X..x..x.");
}

TEST(MetronomeTest, RotationTurnsThePatternLeftAndAccentsItsFirstHit) {
    // E(3, 8) rotated one step: ..x..x.x, hits on steps 2, 5 and 7.
    const MetronomeSpec spec{.bpm = 120, .meter = {4, 4}, .euclid = EuclideanPattern{3, 8, 1}, .bars = 1};
    EXPECT_EQ(clicksOf(spec), (std::vector<Click>{{24000, 76}, {60000, 77}, {84000, 77}}));
    EXPECT_EQ(patternOf(spec), "..X..x.x");
    const auto score = metronomeScore(spec);
    ASSERT_TRUE(score);
    // The bar still adds up: a rest before the first hit, each hit lasting to the next.
    const auto& events = score->parts[0].events;
    ASSERT_EQ(events.size(), 4U);
    EXPECT_TRUE(events[0].isRest());
    EXPECT_EQ(events[0].duration, Rational(1, 4));
    EXPECT_EQ(events[1].duration, Rational(3, 8));
    EXPECT_EQ(events[3].duration, Rational(1, 8));
}

TEST(MetronomeTest, EuclideanPatternsGroupOddMeters) {
    // E(3, 7) over 7/8 is the 2+2+3 grouping.
    const MetronomeSpec spec{.bpm = 120, .meter = {7, 8}, .euclid = EuclideanPattern{3, 7, 0}, .bars = 1};
    EXPECT_EQ(clicksOf(spec), (std::vector<Click>{{0, 76}, {48000, 77}, {96000, 77}}));
    EXPECT_EQ(patternOf(spec), "X.x.x..");
}

TEST(MetronomeTest, BarGivesItsBeatAndClickTimes) {
    const auto sevenEight = metronomeBar({.bpm = 120, .meter = {7, 8}});
    ASSERT_TRUE(sevenEight);
    EXPECT_EQ(sevenEight->beatUnit, Rational(1, 8));
    EXPECT_EQ(sevenEight->beats, 7);
    EXPECT_EQ(sevenEight->seconds, Rational(7, 2));
    ASSERT_EQ(sevenEight->clicks.size(), 7U);
    EXPECT_EQ(sevenEight->clicks[1].seconds, Rational(1, 2));
    EXPECT_EQ(sevenEight->clicks[1].offset, Rational(1, 8));
    EXPECT_EQ(sevenEight->clicks[0].kind, ClickKind::Accent);
    EXPECT_EQ(sevenEight->clicks[1].kind, ClickKind::Beat);

    const auto sixEight = metronomeBar({.bpm = 60, .meter = {6, 8}});
    ASSERT_TRUE(sixEight);
    EXPECT_EQ(sixEight->beatUnit, Rational(3, 8));
    EXPECT_EQ(sixEight->beats, 2);
    EXPECT_EQ(sixEight->seconds, Rational(2));
    EXPECT_EQ(sixEight->clicks[1].seconds, Rational(1, 3));
    EXPECT_EQ(sixEight->clicks[1].kind, ClickKind::Subdivision);
}

TEST(MetronomeTest, ScoreHoldsTheMeterTheTempoAndOnePercussionPart) {
    const MetronomeSpec spec{.bpm = Rational{185, 2}, .meter = {6, 8}, .bars = 3};
    const auto score = metronomeScore(spec);
    ASSERT_TRUE(score) << score.error().describe();
    const auto& measures = score->timeline.measures;
    ASSERT_EQ(measures.size(), 3U);
    EXPECT_EQ(measures[2].number, "3");
    EXPECT_EQ(measures[0].time, (score::TimeSignature{6, 8}));
    ASSERT_EQ(measures[0].tempos.size(), 1U);
    EXPECT_EQ(measures[0].tempos[0].beatUnit, Rational(3, 8));
    EXPECT_EQ(measures[0].tempos[0].beatsPerMinute, Rational(185, 2));
    ASSERT_EQ(score->parts.size(), 1U);
    EXPECT_TRUE(score->parts[0].instrument.percussion);
    EXPECT_EQ(score->parts[0].events.size(), 18U);
}

TEST(MetronomeTest, NonsenseSpecsAreErrors) {
    const auto rejects = [](const MetronomeSpec& spec, std::string_view why) {
        const auto score = metronomeScore(spec);
        ASSERT_FALSE(score) << why;
        EXPECT_NE(score.error().message.find(why), std::string::npos) << score.error().message;
        EXPECT_FALSE(metronomeBar(spec));
    };
    rejects({.bpm = 0}, "tempo");
    rejects({.bpm = -60}, "tempo");
    rejects({.bpm = 1001}, "tempo");
    rejects({.bpm = Rational::invalid()}, "tempo");
    rejects({.meter = {7, 0}}, "not 0 (in 7/0)");
    rejects({.meter = {7, 6}}, "power of two");
    rejects({.meter = {4, 128}}, "power of two");
    rejects({.meter = {0, 4}}, "beats");
    rejects({.meter = {65, 4}}, "beats");
    rejects({.subdivisions = 0}, "subdivided");
    rejects({.subdivisions = 17}, "subdivided");
    rejects({.euclid = EuclideanPattern{9, 8, 0}}, "8 steps has 1 to 8 hits, not 9");
    rejects({.euclid = EuclideanPattern{0, 8, 0}}, "hits");
    rejects({.euclid = EuclideanPattern{3, 0, 0}}, "steps");
    rejects({.euclid = EuclideanPattern{3, 65, 0}}, "steps");
    rejects({.subdivisions = 2, .euclid = EuclideanPattern{3, 8, 0}}, "Euclidean");
    rejects({.bars = 0}, "bars");
    rejects({.bars = 10000}, "bars");
    EXPECT_TRUE(metronomeScore({.bpm = 1000, .meter = {64, 64}, .subdivisions = 16, .bars = 1}));
    EXPECT_TRUE(metronomeScore({.meter = {4, 4}, .subdivisions = 4, .bars = 9999}));
    const auto tooMany = metronomeScore({.meter = {64, 64}, .subdivisions = 16, .bars = 9999});
    ASSERT_FALSE(tooMany);
    EXPECT_EQ(tooMany.error().message, "9999 bars of 1024 clicks are more than the 200000 a metronome plays");
}

}  // namespace
}  // namespace mos::transport
