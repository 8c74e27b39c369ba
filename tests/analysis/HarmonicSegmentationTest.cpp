#include "mos/analysis/HarmonicSegmentation.hpp"

#include <initializer_list>
#include <vector>

#include <gtest/gtest.h>

namespace mos::analysis {
namespace {

// One quarter-note beat of 4/4 in which the given pitch classes sound for the whole beat, the
// first of them in the bass.
HarmonicUnit beat(std::initializer_list<int> pitchClasses, int beatInBar) {
    HarmonicUnit unit;
    unit.length = 0.25;
    unit.strength = beatInBar == 0 ? 1.0 : 0.5;
    for (const int pc : pitchClasses) unit.weights[static_cast<std::size_t>(pc)] += 0.25;
    unit.bassPitchClass = pitchClasses.size() == 0 ? -1 : *pitchClasses.begin();
    return unit;
}

std::vector<HarmonicUnit> bars(std::initializer_list<std::initializer_list<int>> chords) {
    std::vector<HarmonicUnit> units;
    for (const auto& chord : chords) {
        for (int b = 0; b < 4; ++b) units.push_back(beat(chord, b));
    }
    return units;
}

TEST(HarmonicSegmentationTest, OneRegionPerBarOfBlockChords) {
    // I IV V7 I in C, one chord a bar.
    const auto units = bars({{0, 4, 7}, {5, 9, 0}, {7, 11, 2, 5}, {0, 4, 7}});
    const auto regions = segmentHarmony(units);
    ASSERT_EQ(regions.size(), 4U);
    EXPECT_EQ(regions[0].chord.root, 0);
    EXPECT_EQ(regions[0].chord.shape, theory::RomanQuality::Major);
    EXPECT_EQ(regions[1].chord.root, 5);
    EXPECT_EQ(regions[2].chord.root, 7);
    EXPECT_EQ(regions[2].chord.shape, theory::RomanQuality::DominantSeventh);
    EXPECT_EQ(regions[3].chord.root, 0);
    for (std::size_t i = 0; i < regions.size(); ++i) {
        EXPECT_EQ(regions[i].firstUnit, 4 * i);
        EXPECT_EQ(regions[i].endUnit, 4 * i + 4);
        EXPECT_DOUBLE_EQ(regions[i].fit, 1.0);
    }
}

TEST(HarmonicSegmentationTest, AnArpeggioIsOneChordAndAPassingToneDoesNotMakeANewOne) {
    // C E G E | C D E C: the D in bar 2 passes between chord tones.
    std::vector<HarmonicUnit> units;
    for (const int pc : {0, 4, 7, 4, 0, 2, 4, 0}) units.push_back(beat({pc}, static_cast<int>(units.size() % 4)));
    const auto regions = segmentHarmony(units);
    ASSERT_EQ(regions.size(), 1U);
    EXPECT_EQ(regions[0].chord.root, 0);
    EXPECT_EQ(regions[0].chord.shape, theory::RomanQuality::Major);
    EXPECT_LT(regions[0].fit, 1.0);
}

TEST(HarmonicSegmentationTest, TheBassGivesTheInversion) {
    const auto units = bars({{4, 7, 0}});
    const auto regions = segmentHarmony(units);
    ASSERT_EQ(regions.size(), 1U);
    EXPECT_EQ(regions[0].chord.root, 0);
    EXPECT_EQ(regions[0].chord.bass, 4);
}

TEST(HarmonicSegmentationTest, ChangesWithinABarAreFound) {
    // Two chords a bar: ii6 V in C, then I.
    std::vector<HarmonicUnit> units{beat({5, 9, 2}, 0), beat({5, 9, 2}, 1), beat({7, 11, 2}, 2), beat({7, 11, 2}, 3)};
    for (int b = 0; b < 4; ++b) units.push_back(beat({0, 4, 7}, b));
    const auto regions = segmentHarmony(units);
    ASSERT_EQ(regions.size(), 3U);
    EXPECT_EQ(regions[0].chord.root, 2);
    EXPECT_EQ(regions[0].chord.shape, theory::RomanQuality::Minor);
    EXPECT_EQ(regions[0].chord.bass, 5);
    EXPECT_EQ(regions[1].firstUnit, 2U);
    EXPECT_EQ(regions[1].chord.root, 7);
    EXPECT_EQ(regions[2].firstUnit, 4U);
}

TEST(HarmonicSegmentationTest, TheKeyDecidesBetweenReadingsTheNotesAllowEqually) {
    // An open fifth E–B is an E chord without its third: minor in C major, major in A major.
    const auto units = bars({{4, 11}});
    const std::vector<theory::Key> inC(units.size(), *theory::Key::parse("C major"));
    const std::vector<theory::Key> inA(units.size(), *theory::Key::parse("A major"));
    ASSERT_EQ(segmentHarmony(units, inC).size(), 1U);
    EXPECT_EQ(segmentHarmony(units, inC)[0].chord.root, 4);
    EXPECT_EQ(segmentHarmony(units, inC)[0].chord.shape, theory::RomanQuality::Minor);
    EXPECT_EQ(segmentHarmony(units, inA)[0].chord.shape, theory::RomanQuality::Major);
}

TEST(HarmonicSegmentationTest, SilenceJoinsTheChordBefore) {
    std::vector<HarmonicUnit> units = bars({{7, 11, 2}});
    for (int b = 0; b < 4; ++b) units.push_back(beat({}, b));
    const auto regions = segmentHarmony(units);
    ASSERT_EQ(regions.size(), 1U);
    EXPECT_EQ(regions[0].endUnit, 8U);
    EXPECT_TRUE(segmentHarmony({}).empty());
}

TEST(HarmonicSegmentationTest, ShapesHaveTheirTones) {
    EXPECT_EQ(chordShapeMask(theory::RomanQuality::Major), 0b000010010001);
    EXPECT_EQ(chordShapeMask(theory::RomanQuality::HalfDiminishedSeventh), 0b010001001001);
    EXPECT_EQ(chordShapeMask(theory::RomanQuality::DiminishedSeventh), 0b001001001001);
    EXPECT_EQ(theory::romanQualityName(theory::RomanQuality::DominantSeventh), "dominant-seventh");
}

}  // namespace
}  // namespace mos::analysis
