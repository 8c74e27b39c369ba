#include "mos/theory/Pitch.hpp"

#include <gtest/gtest.h>

namespace mos::theory {
namespace {

TEST(PitchTest, MiddleCIsMidi60) { EXPECT_EQ(Pitch{}.midiNumber(), 60); }

TEST(PitchTest, ParsesAndPrintsSpelledPitches) {
    for (const char* text : {"C4", "F#3", "Bb5", "Cbb2", "E##0", "A-1", "G10", "E4+50c", "B3-25c"}) {
        const auto pitch = Pitch::parse(text);
        ASSERT_TRUE(pitch) << text;
        EXPECT_EQ(pitch->toString(), text);
    }
    EXPECT_EQ(Pitch::parse("Cb4")->midiNumber(), 59);
    EXPECT_EQ(Pitch::parse("B#3")->midiNumber(), 60);
    EXPECT_EQ(Pitch::parse("A-1")->midiNumber(), 9);
}

TEST(PitchTest, RejectsMalformedText) {
    for (const char* text : {"", "H4", "c4", "C", "C#b4", "C####4", "C4+", "C4+50", "C4x", "C11", "C4+0c"}) {
        EXPECT_FALSE(Pitch::parse(text)) << text;
    }
}

TEST(PitchTest, SpellsMidiNumbersForTheKey) {
    EXPECT_EQ(Pitch::fromMidi(70).toString(), "A#4");
    EXPECT_EQ(Pitch::fromMidi(70, -2).toString(), "Bb4");
    EXPECT_EQ(Pitch::fromMidi(0).toString(), "C-1");
    EXPECT_EQ(Pitch::fromMidi(127).toString(), "G9");
    for (int midi = 0; midi < 128; ++midi) {
        EXPECT_EQ(Pitch::fromMidi(midi, -3).midiNumber(), midi);
        EXPECT_EQ(Pitch::fromMidi(midi, 3).midiNumber(), midi);
    }
}

TEST(PitchTest, FrequencyFollowsTheTuningReference) {
    EXPECT_DOUBLE_EQ(Pitch::parse("A4")->frequency(), 440.0);
    EXPECT_DOUBLE_EQ(Pitch::parse("A5")->frequency(), 880.0);
    EXPECT_DOUBLE_EQ(Pitch::parse("A4")->frequency(415.0), 415.0);
    EXPECT_NEAR(Pitch::parse("C4")->frequency(), 261.6256, 1e-4);
    EXPECT_NEAR(Pitch::parse("A4+50c")->frequency(), 452.8930, 1e-4);
}

TEST(PitchTest, DiatonicIndexCountsLettersFromC0) {
    EXPECT_EQ(Pitch::parse("C4")->diatonicIndex(), 28);
    EXPECT_EQ(Pitch::parse("B#3")->diatonicIndex(), 27);
    EXPECT_EQ(Pitch::of(*NoteName::parse("B#"), 3).midiNumber(), 60);
}

TEST(NoteNameTest, ParsesChartSpellings) {
    EXPECT_EQ(NoteName::parse("F#")->pitchClass(), 6);
    EXPECT_EQ(NoteName::parse("Bb")->pitchClass(), 10);
    EXPECT_EQ(NoteName::parse("Cb")->pitchClass(), 11);
    EXPECT_EQ(NoteName::parse("B#")->pitchClass(), 0);
    EXPECT_EQ(NoteName::parse("Fx")->toString(), "F##");
    EXPECT_EQ(NoteName::parse("Ebb")->toString(), "Ebb");
    EXPECT_EQ(NoteName::parse("E\u266D")->toString(), "Eb");
    EXPECT_EQ(NoteName::parse("C\u266F")->toString(), "C#");
    for (const char* bad : {"", "H", "c", "Cb#", "C###", "C#m"}) EXPECT_FALSE(NoteName::parse(bad)) << bad;
}

TEST(NoteNameTest, ParsePrefixStopsAtTheChordSuffix) {
    std::size_t length = 0;
    EXPECT_EQ(NoteName::parsePrefix("Bbm7", length)->toString(), "Bb");
    EXPECT_EQ(length, 2U);
    EXPECT_EQ(NoteName::parsePrefix("Cmaj7", length)->toString(), "C");
    EXPECT_EQ(length, 1U);
    EXPECT_FALSE(NoteName::parsePrefix("maj7", length));
    EXPECT_EQ(length, 0U);
}

TEST(NoteNameTest, LineOfFifthsRoundTrips) {
    EXPECT_EQ(NoteName::parse("C")->fifths(), 0);
    EXPECT_EQ(NoteName::parse("F#")->fifths(), 6);
    EXPECT_EQ(NoteName::parse("Bb")->fifths(), -2);
    EXPECT_EQ(NoteName::parse("Fb")->fifths(), -8);
    for (int fifths = -21; fifths <= 21; ++fifths) EXPECT_EQ(NoteName::fromFifths(fifths).fifths(), fifths);
    EXPECT_EQ(NoteName::fromFifths(7).toString(), "C#");
    EXPECT_EQ(NoteName::fromFifths(-6).toString(), "Gb");
}

}  // namespace
}  // namespace mos::theory
