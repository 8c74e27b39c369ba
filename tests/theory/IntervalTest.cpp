#include "mos/theory/Interval.hpp"

#include <gtest/gtest.h>

namespace mos::theory {
namespace {

Pitch p(const char* text) { return *Pitch::parse(text); }
Interval i(const char* text) { return *Interval::parse(text); }

TEST(IntervalTest, NamesIntervalsBySpellingNotJustSemitones) {
    EXPECT_EQ(Interval::between(p("C4"), p("E4")).toString(), "M3");
    EXPECT_EQ(Interval::between(p("C4"), p("Fb4")).toString(), "d4");
    EXPECT_EQ(Interval::between(p("C4"), p("Eb4")).toString(), "m3");
    EXPECT_EQ(Interval::between(p("C4"), p("D#4")).toString(), "A2");
    EXPECT_EQ(Interval::between(p("F4"), p("B4")).toString(), "A4");
    EXPECT_EQ(Interval::between(p("B3"), p("F4")).toString(), "d5");
    EXPECT_EQ(Interval::between(p("C4"), p("C4")).toString(), "P1");
    EXPECT_EQ(Interval::between(p("C4"), p("C5")).toString(), "P8");
    EXPECT_EQ(Interval::between(p("C4"), p("D5")).toString(), "M9");
    EXPECT_EQ(Interval::between(p("C4"), p("G5")).toString(), "P12");
    EXPECT_EQ(Interval::between(p("C#4"), p("Bb4")).toString(), "d7");
    EXPECT_EQ(Interval::between(p("C#4"), p("Bbb4")).toString(), "dd7");
    EXPECT_EQ(Interval::between(p("G4"), p("C4")).toString(), "-P5");
}

TEST(IntervalTest, ParsesAndPrintsEveryQuality) {
    for (const char* text :
         {"P1", "A1", "m2", "M2",  "A2", "d3", "m3", "M3", "d4",  "P4",  "A4",  "AA4", "d5",  "P5", "A5",
          "m6", "M6", "d7", "dd7", "m7", "M7", "P8", "m9", "M10", "P11", "A11", "M13", "-M3", "-P8"}) {
        const auto interval = Interval::parse(text);
        ASSERT_TRUE(interval) << text;
        EXPECT_EQ(interval->toString(), text);
    }
    EXPECT_EQ(i("M3").semitones, 4);
    EXPECT_EQ(i("d7").semitones, 9);
    EXPECT_EQ(i("M9").semitones, 14);
    EXPECT_EQ(i("-P5").semitones, -7);
    for (const char* bad : {"", "M5", "P3", "m4", "X3", "M0", "d1", "-P1", "M3x", "3"}) {
        EXPECT_FALSE(Interval::parse(bad)) << bad;
    }
}

TEST(IntervalTest, TransposesWithTheIntervalsSpelling) {
    EXPECT_EQ(transpose(p("D4"), i("M3")), p("F#4"));
    EXPECT_EQ(transpose(p("D4"), i("d4")), p("Gb4"));
    EXPECT_EQ(transpose(p("B3"), i("m2")), p("C4"));
    EXPECT_EQ(transpose(p("E4"), i("-M3")), p("C4"));
    EXPECT_EQ(transpose(p("Bb3"), i("M9")), p("C5"));
    EXPECT_EQ(transpose(p("F#4"), i("A4")), p("B#4"));
    EXPECT_EQ(transpose(*NoteName::parse("Ab"), i("M3")), *NoteName::parse("C"));
    EXPECT_EQ(transpose(*NoteName::parse("G"), i("P4")), *NoteName::parse("C"));
    // Every interval there and back is the identity, and between() recovers it.
    for (const char* text : {"m2", "A4", "d5", "M7", "m9", "-M6", "P12"}) {
        const Pitch from = p("Eb4");
        const Pitch to = transpose(from, i(text));
        EXPECT_EQ(Interval::between(from, to), i(text)) << text;
    }
}

TEST(IntervalTest, BetweenNoteNamesStaysWithinTheOctave) {
    EXPECT_EQ(Interval::between(*NoteName::parse("G"), *NoteName::parse("C")).toString(), "P4");
    EXPECT_EQ(Interval::between(*NoteName::parse("C"), *NoteName::parse("B")).toString(), "M7");
    EXPECT_EQ(Interval::between(*NoteName::parse("B"), *NoteName::parse("C")).toString(), "m2");
}

TEST(IntervalTest, SimpleReducesCompoundIntervals) {
    EXPECT_EQ(i("M10").simple(), i("M3"));
    EXPECT_EQ(i("P8").simple(), i("P8"));
    EXPECT_EQ(i("P15").simple(), i("P8"));
    EXPECT_EQ(i("-m9").simple(), i("-m2"));
    EXPECT_EQ(i("A4").simple(), i("A4"));
}

}  // namespace
}  // namespace mos::theory
