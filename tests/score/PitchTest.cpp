#include "mos/score/Pitch.hpp"

#include <gtest/gtest.h>

namespace mos::score {
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

}  // namespace
}  // namespace mos::score
