#include "mos/score/Summary.hpp"

#include <gtest/gtest.h>

namespace mos::score {
namespace {

using core::Rational;

TEST(SummaryTest, CountsPartsMeasuresAndSoundingNotes) {
    Score score;
    for (int i = 0; i < 3; ++i) {
        Measure measure;
        measure.duration = Rational{3, 4};
        score.timeline.measures.push_back(measure);
    }
    score.timeline.measures[0].time = TimeSignature{3, 4};
    score.timeline.measures[0].keys.push_back({Rational{}, KeySignature{-3, Mode::Minor}});
    score.timeline.measures[0].tempos.push_back({Rational{}, Rational{1, 4}, Rational{90}, ""});
    Part piano;
    piano.id = "P1";
    Event chord;
    chord.duration = Rational{1, 4};
    chord.notes.resize(3);
    Event rest;
    rest.offset = Rational{1, 4};
    rest.duration = Rational{1, 2};
    Event cue;
    cue.cue = true;
    cue.notes.resize(1);
    piano.events = {chord, rest, cue};
    score.parts = {piano, Part{}};

    const Summary summary = summarize(score);
    EXPECT_EQ(summary.parts, 2U);
    EXPECT_EQ(summary.measures, 3U);
    EXPECT_EQ(summary.notes, 3U);
    EXPECT_DOUBLE_EQ(summary.durationSeconds, 6.0);  // 9 quarters at 90
    EXPECT_EQ(keyName(summary.key), "C minor");
    EXPECT_EQ(timeSignatureName(summary.time), "3/4");
    EXPECT_EQ(summary.tempoBpm, Rational{90});
}

TEST(SummaryTest, NamesKeysInEveryMode) {
    EXPECT_EQ(keyName({}), "C major");
    EXPECT_EQ(keyName({1, Mode::Major}), "G major");
    EXPECT_EQ(keyName({1, Mode::Minor}), "E minor");
    EXPECT_EQ(keyName({-6, Mode::Major}), "Gb major");
    EXPECT_EQ(keyName({7, Mode::Major}), "C# major");
    EXPECT_EQ(keyName({-7, Mode::Minor}), "Ab minor");
    EXPECT_EQ(keyName({7, Mode::Minor}), "A# minor");
    EXPECT_EQ(keyName({2, Mode::Dorian}), "E dorian");
    EXPECT_EQ(keyName({0, Mode::Mixolydian}), "G mixolydian");
    EXPECT_EQ(keyName({-1, Mode::Lydian}), "Bb lydian");
    EXPECT_EQ(keyName({3, Mode::Locrian}), "G# locrian");
    EXPECT_EQ(keyName({0, Mode::Phrygian}), "E phrygian");
    EXPECT_EQ(keyName({0, Mode::None}), "none");
}

}  // namespace
}  // namespace mos::score
