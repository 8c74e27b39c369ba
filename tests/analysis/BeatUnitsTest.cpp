#include "mos/analysis/BeatUnits.hpp"

#include <gtest/gtest.h>

#include "TestScores.hpp"

namespace mos::analysis {
namespace {

using core::Rational;
using testing::measures;
using testing::note;

TEST(BeatUnitsTest, ABeatIsWhatTheMeterCounts) {
    EXPECT_EQ(beatLength({4, 4}), Rational(1, 4));
    EXPECT_EQ(beatLength({3, 4}), Rational(1, 4));
    EXPECT_EQ(beatLength({2, 2}), Rational(1, 2));
    EXPECT_EQ(beatLength({6, 8}), Rational(3, 8));
    EXPECT_EQ(beatLength({12, 8}), Rational(3, 8));
    EXPECT_EQ(beatLength({3, 8}), Rational(1, 8));
}

TEST(BeatUnitsTest, EachBeatHoldsWhatSoundsInItAndItsLowestNote) {
    // 3/4: C3 (dotted half) under E4 F4 G4 (quarters).
    auto s = measures(1, {3, 4});
    note(s, 0, 0, 0, Rational(3, 4), "C3");
    note(s, 0, 0, 0, Rational(1, 4), "E4", 2);
    note(s, 0, 0, Rational(1, 4), Rational(1, 4), "F4", 2);
    note(s, 0, 0, Rational(1, 2), Rational(1, 4), "G4", 2);
    const BeatUnits beats = beatUnits(s, soundingNotes(s));
    ASSERT_EQ(beats.units.size(), 3U);
    EXPECT_EQ(beats.positions[1], (score::ScorePosition{0, Rational(1, 4)}));
    EXPECT_EQ(beats.starts[2], Rational(1, 2));
    EXPECT_EQ(beats.end, Rational(3, 4));
    for (const HarmonicUnit& unit : beats.units) {
        EXPECT_EQ(unit.bassPitchClass, 0);
        EXPECT_DOUBLE_EQ(unit.weights[0], 0.25);
        EXPECT_DOUBLE_EQ(unit.length, 0.25);
    }
    EXPECT_DOUBLE_EQ(beats.units[0].weights[4], 0.25);
    EXPECT_DOUBLE_EQ(beats.units[1].weights[5], 0.25);
    EXPECT_DOUBLE_EQ(beats.units[2].weights[7], 0.25);
    EXPECT_DOUBLE_EQ(beats.units[0].strength, 1.0);
    EXPECT_DOUBLE_EQ(beats.units[1].strength, 0.5);
}

TEST(BeatUnitsTest, CompoundMeterBeatsAndAPickupThatHoldsTheLastBeat) {
    // 6/8 with a pickup of one eighth: the pickup is the end of beat 2; the full bar has two beats.
    auto s = measures(2, {6, 8});
    s.timeline.measures[0].pickup = true;
    s.timeline.measures[0].duration = Rational(1, 8);
    note(s, 0, 0, 0, Rational(1, 8), "D4");
    note(s, 0, 1, 0, Rational(1, 4), "G4");
    note(s, 0, 1, Rational(1, 4), Rational(1, 8), "B3");  // the lowest note starts inside beat 1
    note(s, 0, 1, Rational(3, 8), Rational(3, 8), "D4");
    const BeatUnits beats = beatUnits(s, soundingNotes(s));
    ASSERT_EQ(beats.units.size(), 3U);
    EXPECT_DOUBLE_EQ(beats.units[0].length, 0.125);
    EXPECT_DOUBLE_EQ(beats.units[0].strength, 0.5);
    EXPECT_EQ(beats.positions[1], (score::ScorePosition{1, Rational(0)}));
    EXPECT_EQ(beats.positions[2], (score::ScorePosition{1, Rational(3, 8)}));
    EXPECT_DOUBLE_EQ(beats.units[1].strength, 1.0);
    EXPECT_EQ(beats.units[1].bassPitchClass, 7);  // G sounds at the beat's start
    EXPECT_DOUBLE_EQ(beats.units[1].weights[11], 0.125);
    EXPECT_EQ(beats.units[2].bassPitchClass, 2);
}

TEST(BeatUnitsTest, PositionsAreCountedInBeats) {
    auto s = measures(2, {6, 8});
    s.timeline.measures[0].pickup = true;
    s.timeline.measures[0].duration = Rational(1, 8);
    EXPECT_EQ(beatNumber(s, {0, Rational(0)}), Rational(8, 3));  // the last eighth of beat 2
    EXPECT_EQ(beatNumber(s, {1, Rational(0)}), Rational(1));
    EXPECT_EQ(beatNumber(s, {1, Rational(3, 8)}), Rational(2));
    EXPECT_EQ(beatNumber(s, {1, Rational(3, 16)}), Rational(3, 2));
}

TEST(BeatUnitsTest, SilenceHasNoBass) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational(1, 4), "C4");
    const BeatUnits beats = beatUnits(s, soundingNotes(s));
    ASSERT_EQ(beats.units.size(), 4U);
    EXPECT_EQ(beats.units[0].bassPitchClass, 0);
    EXPECT_EQ(beats.units[1].bassPitchClass, -1);
    EXPECT_DOUBLE_EQ(beats.units[3].weights[0], 0.0);
}

}  // namespace
}  // namespace mos::analysis
