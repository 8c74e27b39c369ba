#include "mos/theory/Scale.hpp"

#include <string>

#include <gtest/gtest.h>

namespace mos::theory {
namespace {

std::string spelled(const char* tonic, ScaleType type) {
    std::string text;
    for (const NoteName& name : spellScale(*NoteName::parse(tonic), type)) {
        if (!text.empty()) text += ' ';
        text += name.toString();
    }
    return text;
}

TEST(ScaleTest, SpellsEveryDegreeWithItsOwnLetter) {
    EXPECT_EQ(spelled("D", ScaleType::Major), "D E F# G A B C#");
    EXPECT_EQ(spelled("F#", ScaleType::Major), "F# G# A# B C# D# E#");
    EXPECT_EQ(spelled("D", ScaleType::HarmonicMinor), "D E F G A Bb C#");
    EXPECT_EQ(spelled("C", ScaleType::MelodicMinor), "C D Eb F G A B");
    EXPECT_EQ(spelled("Eb", ScaleType::Dorian), "Eb F Gb Ab Bb C Db");
    EXPECT_EQ(spelled("G", ScaleType::Mixolydian), "G A B C D E F");
    EXPECT_EQ(spelled("B", ScaleType::Locrian), "B C D E F G A");
    EXPECT_EQ(spelled("F", ScaleType::Lydian), "F G A B C D E");
    EXPECT_EQ(spelled("A", ScaleType::MinorPentatonic), "A C D E G");
    EXPECT_EQ(spelled("C", ScaleType::MajorPentatonic), "C D E G A");
    EXPECT_EQ(spelled("A", ScaleType::Blues), "A C D Eb E G");
    EXPECT_EQ(spelled("C", ScaleType::WholeTone), "C D E F# G# A#");
    EXPECT_EQ(spelled("C", ScaleType::OctatonicHalfWhole), "C Db Eb E F# G A Bb");
    EXPECT_EQ(spelled("C", ScaleType::OctatonicWholeHalf), "C D Eb F Gb Ab A B");
    EXPECT_EQ(spelled("G", ScaleType::BebopDominant), "G A B C D E F F#");
    EXPECT_EQ(spelled("C", ScaleType::HarmonicMajor), "C D E F G Ab B");
    EXPECT_EQ(spelled("G", ScaleType::Altered), "G Ab Bb Cb Db Eb F");
    EXPECT_EQ(spelled("E", ScaleType::PhrygianDominant), "E F G# A B C D");
}

TEST(ScaleTest, EveryScaleRisesWithinAnOctaveAndHasDistinctPitchClasses) {
    for (const ScaleType type : allScaleTypes()) {
        const auto intervals = scaleIntervals(type);
        ASSERT_FALSE(intervals.empty());
        EXPECT_EQ(intervals.front(), (Interval{0, 0})) << scaleName(type);
        for (std::size_t d = 1; d < intervals.size(); ++d) {
            EXPECT_GT(intervals[d].semitones, intervals[d - 1].semitones) << scaleName(type);
            EXPECT_LT(intervals[d].semitones, 12) << scaleName(type);
        }
        const std::uint16_t mask = scalePitchClasses(*NoteName::parse("Db"), type);
        EXPECT_EQ(static_cast<std::size_t>(__builtin_popcount(mask)), intervals.size()) << scaleName(type);
        EXPECT_EQ(scaleFromName(scaleName(type)), type);
    }
}

TEST(ScaleTest, FindsScalesByCommonNames) {
    EXPECT_EQ(scaleFromName("Minor"), ScaleType::NaturalMinor);
    EXPECT_EQ(scaleFromName("aeolian"), ScaleType::NaturalMinor);
    EXPECT_EQ(scaleFromName("Whole-Tone"), ScaleType::WholeTone);
    EXPECT_EQ(scaleFromName("super_locrian"), ScaleType::Altered);
    EXPECT_EQ(scaleFromName("diminished"), ScaleType::OctatonicHalfWhole);
    EXPECT_FALSE(scaleFromName("majestic"));
    EXPECT_EQ(scalePitchClasses(*NoteName::parse("C"), ScaleType::Major), 0b1010'1011'0101);
}

}  // namespace
}  // namespace mos::theory
