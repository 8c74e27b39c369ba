#include "mos/analysis/PitchClassWindows.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "TestScores.hpp"

namespace mos::analysis {
namespace {

using core::Rational;
using testing::measures;
using testing::note;

constexpr std::size_t kC = 0;
constexpr std::size_t kD = 2;
constexpr std::size_t kE = 4;
constexpr std::size_t kF = 5;
constexpr std::size_t kG = 7;
constexpr std::size_t kA = 9;
constexpr std::size_t kB = 11;

PitchClassWeights weights(std::initializer_list<std::pair<std::size_t, double>> entries) {
    PitchClassWeights w{};
    for (const auto& [pc, value] : entries) w[pc] = value;
    return w;
}

TEST(PitchClassWindowsTest, WeightsAreTheTimeEachPitchClassSounds) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational(1, 2), "C4");
    note(s, 0, 0, Rational(1, 2), Rational(1, 4), "E4");
    note(s, 0, 0, Rational(3, 4), Rational(1, 4), "G5");
    const auto notes = soundingNotes(s);
    const auto windows = measureWindows(s, notes);
    ASSERT_EQ(windows.size(), 1U);
    EXPECT_EQ(windows[0].notes, weights({{kC, 0.5}, {kE, 0.25}, {kG, 0.25}}));
    EXPECT_EQ(windows[0].start, Rational(0));
    EXPECT_EQ(windows[0].end, Rational(1));
    // A melody alone is its own bass: the bass weight doubles every note.
    EXPECT_EQ(measureWindows(s, notes, {.bassWeight = 1})[0].notes, weights({{kC, 1}, {kE, 0.5}, {kG, 0.5}}));
}

TEST(PitchClassWindowsTest, TheBassIsTheLowestNoteWhileItSounds) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational(1, 2), "C3", 2);
    note(s, 0, 0, 0, Rational(1, 2), "E4");
    note(s, 0, 0, Rational(1, 2), Rational(1, 2), "G4");  // alone for the second half: the bass there
    const auto notes = soundingNotes(s);
    EXPECT_EQ(measureWindows(s, notes, {.bassWeight = 2})[0].notes, weights({{kC, 1.5}, {kE, 0.5}, {kG, 1.5}}));
}

TEST(PitchClassWindowsTest, NotesAcrossABarlineCountInEachMeasure) {
    auto s = measures(2);
    note(s, 0, 0, 0, Rational(3, 4), "D4");
    note(s, 0, 0, Rational(3, 4), Rational(1, 4), "A4").notes[0].tieStart = true;
    note(s, 0, 1, 0, Rational(1, 2), "A4").notes[0].tieStop = true;
    note(s, 0, 1, Rational(1, 2), Rational(1, 2), "F4");
    const auto windows = measureWindows(s, soundingNotes(s));
    ASSERT_EQ(windows.size(), 2U);
    EXPECT_EQ(windows[0].notes, weights({{kD, 0.75}, {kA, 0.25}}));
    EXPECT_EQ(windows[1].notes, weights({{kA, 0.5}, {kF, 0.5}}));
    EXPECT_EQ(windows[1].at, (score::ScorePosition{1, 0}));
}

TEST(PitchClassWindowsTest, StrongBeatsAreTheDownbeatAndTheMiddleOfEvenMeters) {
    // 4/4: beats 1 and 3 are strong, 2 and 4 are not.
    auto s = measures(1);
    note(s, 0, 0, 0, Rational(1, 4), "C4");
    note(s, 0, 0, Rational(1, 4), Rational(1, 4), "D4");
    note(s, 0, 0, Rational(1, 2), Rational(1, 4), "E4");
    note(s, 0, 0, Rational(3, 4), Rational(1, 4), "F4");
    EXPECT_EQ(measureWindows(s, soundingNotes(s), {.accentWeight = 1})[0].notes,
              weights({{kC, 0.5}, {kD, 0.25}, {kE, 0.5}, {kF, 0.25}}));

    // 3/4 with a one-beat pickup: the pickup's note falls on beat 3 (weak), the next downbeat is strong
    // and 3/4 has no strong middle.
    auto waltz = measures(2, {3, 4});
    waltz.timeline.measures[0].pickup = true;
    waltz.timeline.measures[0].duration = Rational(1, 4);
    note(waltz, 0, 0, 0, Rational(1, 4), "D4");
    note(waltz, 0, 1, 0, Rational(1, 4), "G4");
    note(waltz, 0, 1, Rational(1, 4), Rational(1, 2), "B4");
    const auto windows = measureWindows(waltz, soundingNotes(waltz), {.accentWeight = 1});
    EXPECT_EQ(windows[0].notes, weights({{kD, 0.25}}));
    EXPECT_EQ(windows[1].notes, weights({{kG, 0.5}, {kB, 0.5}}));
}

TEST(PitchClassWindowsTest, ChordSymbolsHoldUntilTheNextOne) {
    auto s = measures(2);
    s.layers.chords.push_back({.at = {0, 0}, .text = "C"});
    s.layers.chords.push_back({.at = {0, 0}, .text = "Am", .alternate = true});  // an alternative: skipped
    s.layers.chords.push_back({.at = {0, Rational(1, 2)}, .text = "G7"});
    s.layers.chords.push_back({.at = {1, Rational(1, 2)}, .text = "N.C.", .noChord = true});
    const auto windows = measureWindows(s, soundingNotes(s));
    ASSERT_EQ(windows.size(), 2U);
    EXPECT_EQ(windows[0].chords, weights({{kC, 0.5}, {kE, 0.5}, {kG, 1.0}, {kB, 0.5}, {kD, 0.5}, {kF, 0.5}}));
    EXPECT_EQ(windows[1].chords, weights({{kG, 0.5}, {kB, 0.5}, {kD, 0.5}, {kF, 0.5}}));
    EXPECT_EQ(windows[0].notes, PitchClassWeights{});
}

TEST(PitchClassWindowsTest, ASymbolThatDoesNotParseGivesItsRootAndBass) {
    auto s = measures(1);
    s.layers.chords.push_back({.at = {0, 0},
                               .text = "Dzz/F#",
                               .root = score::PitchName{score::Step::D, 0},
                               .bass = score::PitchName{score::Step::F, 1}});
    EXPECT_EQ(measureWindows(s, {})[0].chords, weights({{kD, 1}, {6, 1}}));
}

TEST(PitchClassWindowsTest, AnyBoundariesMakeWindows) {
    auto s = measures(2);
    note(s, 0, 0, 0, Rational(2), "C4");
    const std::vector<Rational> boundaries{Rational(1, 2), Rational(3, 2), Rational(2)};
    const auto windows = pitchClassWindows(s, soundingNotes(s), boundaries);
    ASSERT_EQ(windows.size(), 2U);
    EXPECT_EQ(windows[0].at, (score::ScorePosition{0, Rational(1, 2)}));
    EXPECT_EQ(windows[1].at, (score::ScorePosition{1, Rational(1, 2)}));
    EXPECT_EQ(windows[0].notes[kC], 1.0);
    EXPECT_EQ(windows[1].notes[kC], 0.5);
    EXPECT_TRUE(pitchClassWindows(s, soundingNotes(s), std::vector<Rational>{Rational(1)}).empty());
}

TEST(PitchClassWindowsTest, MergedWindowsSumTheirWeights) {
    auto s = measures(3);
    note(s, 0, 0, 0, Rational(1), "C4");
    note(s, 0, 1, 0, Rational(1), "E4");
    note(s, 0, 2, 0, Rational(1), "C5");
    const auto windows = measureWindows(s, soundingNotes(s));
    const PitchClassWindow merged = mergeWindows(windows);
    EXPECT_EQ(merged.notes, weights({{kC, 2}, {kE, 1}}));
    EXPECT_EQ(merged.start, Rational(0));
    EXPECT_EQ(merged.end, Rational(3));
    EXPECT_EQ(mergeWindows({}).end, Rational(0));
}

}  // namespace
}  // namespace mos::analysis
