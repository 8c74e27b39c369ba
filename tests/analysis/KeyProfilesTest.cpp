#include "mos/analysis/KeyProfiles.hpp"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

namespace mos::analysis {
namespace {

using theory::Mode;

TEST(KeyProfilesTest, EverySetHasItsPublishedNumbersAndASource) {
    ASSERT_EQ(allKeyProfileSets().size(), 6U);
    EXPECT_EQ(keyProfile(KeyProfileSet::KrumhanslKessler).major[0], 6.35);
    EXPECT_EQ(keyProfile(KeyProfileSet::KrumhanslKessler).minor[3], 5.38);
    EXPECT_EQ(keyProfile(KeyProfileSet::TemperleyKostkaPayne).minor[10], 0.133);
    EXPECT_EQ(keyProfile(KeyProfileSet::AardenEssen).major[7], 22.062);
    EXPECT_EQ(keyProfile(KeyProfileSet::AlbrechtShanahan).major[0], 0.238);
    EXPECT_EQ(keyProfile(KeyProfileSet::Sapp).minor[11], 0.5);
    EXPECT_EQ(keyProfile(KeyProfileSet::BellmanBudge).minor[7], 21.07);
    for (const KeyProfileSet set : allKeyProfileSets()) {
        const KeyProfile& profile = keyProfile(set);
        EXPECT_FALSE(profile.source.empty()) << profile.name;
        EXPECT_EQ(keyProfileFromName(profile.name), set);
        // Every published profile puts the tonic at or near the top and the tritone near the bottom.
        EXPECT_GE(profile.major[0], *std::max_element(profile.major.begin(), profile.major.end()) * 0.75)
            << profile.name;
        EXPECT_LT(profile.major[6], profile.major[7]) << profile.name;
        EXPECT_LT(profile.minor[4], profile.minor[3]) << profile.name;  // minor: the minor third, not the major
    }
    EXPECT_FALSE(keyProfileFromName("krumhansl"));
}

TEST(KeyProfilesTest, ChurchModesMoveTheDegreeTheyAlter) {
    const PitchClassWeights dorian = modeProfile(KeyProfileSet::Sapp, Mode::Dorian);
    EXPECT_EQ(dorian, (PitchClassWeights{2, 0, 1, 1, 0, 1, 0, 2, 0, 1, 0.5, 0.5}));
    const PitchClassWeights mixolydian = modeProfile(KeyProfileSet::Sapp, Mode::Mixolydian);
    EXPECT_EQ(mixolydian, (PitchClassWeights{2, 0, 1, 0, 1, 1, 0, 2, 0, 1, 1, 0}));
    const PitchClassWeights lydian = modeProfile(KeyProfileSet::Sapp, Mode::Lydian);
    EXPECT_EQ(lydian, (PitchClassWeights{2, 0, 1, 0, 1, 0, 1, 2, 0, 1, 0, 1}));
    const PitchClassWeights phrygian = modeProfile(KeyProfileSet::Sapp, Mode::Phrygian);
    EXPECT_EQ(phrygian, (PitchClassWeights{2, 1, 0, 1, 0, 1, 0, 2, 1, 0, 0.5, 0.5}));
    const PitchClassWeights locrian = modeProfile(KeyProfileSet::Sapp, Mode::Locrian);
    EXPECT_EQ(locrian, (PitchClassWeights{2, 1, 0, 1, 0, 1, 2, 0, 1, 0, 0.5, 0.5}));
    for (const KeyProfileSet set : allKeyProfileSets()) {
        EXPECT_EQ(modeProfile(set, Mode::Major), keyProfile(set).major);
        EXPECT_EQ(modeProfile(set, Mode::Ionian), keyProfile(set).major);
        EXPECT_EQ(modeProfile(set, Mode::Minor), keyProfile(set).minor);
        EXPECT_EQ(modeProfile(set, Mode::None), keyProfile(set).major);
    }
    // Where a minor profile weighs the leading tone above the flat seventh, the modes with a flat
    // seventh swap the two; where it does not, Aeolian is the minor profile.
    const PitchClassWeights aeolian = modeProfile(KeyProfileSet::TemperleyKostkaPayne, Mode::Aeolian);
    EXPECT_EQ(aeolian[10], 0.330);
    EXPECT_EQ(aeolian[11], 0.133);
    EXPECT_EQ(modeProfile(KeyProfileSet::TemperleyKostkaPayne, Mode::Dorian)[9], 0.404);
    EXPECT_EQ(modeProfile(KeyProfileSet::TemperleyKostkaPayne, Mode::Dorian)[10], 0.330);
    EXPECT_EQ(modeProfile(KeyProfileSet::KrumhanslKessler, Mode::Aeolian),
              keyProfile(KeyProfileSet::KrumhanslKessler).minor);
}

}  // namespace
}  // namespace mos::analysis
