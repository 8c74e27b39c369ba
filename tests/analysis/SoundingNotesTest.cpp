#include "mos/analysis/SoundingNotes.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "TestScores.hpp"

namespace mos::analysis {
namespace {

using core::Rational;
using testing::measures;
using testing::note;

std::vector<std::string> pitches(const std::vector<SoundingNote>& notes) {
    std::vector<std::string> out;
    out.reserve(notes.size());
    for (const SoundingNote& n : notes) out.push_back(n.pitch.toString());
    return out;
}

TEST(SoundingNotesTest, TiesAcrossBarlinesBecomeOneNote) {
    auto s = measures(2);
    note(s, 0, 0, 0, Rational(1, 2), "C4");
    note(s, 0, 0, Rational(1, 2), Rational(1, 2), "E4").notes[0].tieStart = true;
    auto& stop = note(s, 0, 1, 0, Rational(1, 4), "E4");
    stop.notes[0].tieStop = true;
    stop.notes[0].tieStart = true;  // a chain of three
    note(s, 0, 1, Rational(1, 4), Rational(1, 4), "E4").notes[0].tieStop = true;
    note(s, 0, 1, Rational(1, 2), Rational(1, 2), "E4");  // the same pitch again, not tied: a new note

    const auto notes = soundingNotes(s);
    ASSERT_EQ(pitches(notes), (std::vector<std::string>{"C4", "E4", "E4"}));
    EXPECT_EQ(notes[1].onset, Rational(1, 2));
    EXPECT_EQ(notes[1].duration, Rational(1));
    EXPECT_EQ(notes[1].at, (score::ScorePosition{0, Rational(1, 2)}));
    EXPECT_EQ(notes[1].note, s.parts[0].events[1].notes[0].id);
    EXPECT_EQ(notes[2].onset, Rational(3, 2));
    EXPECT_EQ(notes[2].end(), Rational(2));
}

TEST(SoundingNotesTest, ATieDoesNotBridgeARest) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational(1, 4), "G4").notes[0].tieStart = true;
    note(s, 0, 0, Rational(1, 2), Rational(1, 4), "G4").notes[0].tieStop = true;
    const auto notes = soundingNotes(s);
    ASSERT_EQ(notes.size(), 2U);
    EXPECT_EQ(notes[0].duration, Rational(1, 4));
    EXPECT_EQ(notes[1].onset, Rational(1, 2));
}

TEST(SoundingNotesTest, TiesContinueInTheSameVoiceFirst) {
    // Two voices tie the same pitch at once: each chain continues in its own voice.
    auto s = measures(2);
    note(s, 0, 0, 0, Rational(1), "A4", 1).notes[0].tieStart = true;
    note(s, 0, 0, 0, Rational(1), "A4", 2).notes[0].tieStart = true;
    note(s, 0, 1, 0, Rational(1, 2), "A4", 2).notes[0].tieStop = true;
    note(s, 0, 1, 0, Rational(1), "A4", 1).notes[0].tieStop = true;
    const auto notes = soundingNotes(s);
    ASSERT_EQ(notes.size(), 2U);
    EXPECT_EQ(notes[0].voice, 1);
    EXPECT_EQ(notes[0].duration, Rational(2));
    EXPECT_EQ(notes[1].voice, 2);
    EXPECT_EQ(notes[1].duration, Rational(3, 2));
}

TEST(SoundingNotesTest, ATransposingClarinetSoundsAMajorSecondLower) {
    auto s = measures(1);
    s.parts[0].transposition = {.diatonic = -1, .chromatic = -2};
    note(s, 0, 0, 0, Rational(1, 2), "D5");
    note(s, 0, 0, Rational(1, 2), Rational(1, 2), "F#4");
    const auto notes = soundingNotes(s);
    EXPECT_EQ(pitches(notes), (std::vector<std::string>{"C5", "E4"}));
    EXPECT_EQ(notes[0].midiNumber(), 72);
    EXPECT_EQ(notes[1].pitchClass(), 4);
}

TEST(SoundingNotesTest, OctaveTranspositionsMoveWholeOctaves) {
    // A guitar sounds an octave below where it is written.
    auto s = measures(1);
    s.parts[0].transposition = {.diatonic = -7, .chromatic = -12};
    note(s, 0, 0, 0, Rational(1), "E4");
    EXPECT_EQ(pitches(soundingNotes(s)), std::vector<std::string>{"E3"});
    s.parts[0].transposition = {.diatonic = 0, .chromatic = 0, .octaveChange = 1};
    EXPECT_EQ(pitches(soundingNotes(s)), std::vector<std::string>{"E5"});
}

TEST(SoundingNotesTest, APickupMovesEveryLaterMeasure) {
    auto s = measures(3, {3, 4});
    s.timeline.measures[0].pickup = true;
    s.timeline.measures[0].duration = Rational(1, 4);
    note(s, 0, 0, 0, Rational(1, 4), "D4");
    note(s, 0, 1, 0, Rational(3, 4), "G4");
    note(s, 0, 2, Rational(1, 2), Rational(1, 4), "B4");
    const auto notes = soundingNotes(s);
    ASSERT_EQ(notes.size(), 3U);
    EXPECT_EQ(notes[0].onset, Rational(0));
    EXPECT_EQ(notes[1].onset, Rational(1, 4));
    EXPECT_EQ(notes[2].onset, Rational(3, 2));
    EXPECT_EQ(notes[2].at, (score::ScorePosition{2, Rational(1, 2)}));
}

TEST(SoundingNotesTest, TupletsKeepExactTimes) {
    // A triplet of eighths, then a quintuplet of sixteenths in the time of a quarter.
    auto s = measures(1, {2, 4});
    for (int i = 0; i < 3; ++i) note(s, 0, 0, Rational(i, 12), Rational(1, 12), "C5");
    for (int i = 0; i < 5; ++i) note(s, 0, 0, Rational(1, 4) + Rational(i, 20), Rational(1, 20), "D5");
    const auto notes = soundingNotes(s);
    ASSERT_EQ(notes.size(), 8U);
    EXPECT_EQ(notes[2].onset, Rational(1, 6));
    EXPECT_EQ(notes[2].end(), Rational(1, 4));
    EXPECT_EQ(notes[7].onset, Rational(9, 20));
    EXPECT_EQ(notes[7].end(), Rational(1, 2));
}

TEST(SoundingNotesTest, GraceCueRestAndPercussionNotesAreLeftOut) {
    auto s = measures(1);
    note(s, 0, 0, 0, 0, "B4").grace = score::Grace{};
    note(s, 0, 0, 0, Rational(1, 4), "C5");
    note(s, 0, 0, Rational(1, 4), Rational(1, 4), "D5").cue = true;
    s.parts[0].events.push_back({.id = s.newId(), .measure = 0, .offset = Rational(1, 2), .duration = Rational(1, 4)});
    note(s, 0, 0, Rational(3, 4), Rational(1, 4), "E5").notes[0].percussionKey = 38;
    score::Part drums{.id = "P2"};
    drums.instrument.percussion = true;
    s.parts.push_back(drums);
    note(s, 1, 0, 0, Rational(1), "F4");
    EXPECT_EQ(pitches(soundingNotes(s)), std::vector<std::string>{"C5"});
}

TEST(SoundingNotesTest, PartsMergeInTimeOrder) {
    auto s = measures(1);
    s.parts.push_back({.id = "P2"});
    note(s, 0, 0, 0, Rational(1, 2), "E5");
    note(s, 0, 0, Rational(1, 2), Rational(1, 2), "D5");
    note(s, 1, 0, 0, Rational(1), "C3");
    auto& chord = note(s, 1, 0, Rational(1, 4), Rational(1, 4), "G3");
    chord.notes.insert(chord.notes.begin(), {.id = s.newId(), .pitch = *score::Pitch::parse("B3")});
    const auto notes = soundingNotes(s);
    EXPECT_EQ(pitches(notes), (std::vector<std::string>{"E5", "C3", "G3", "B3", "D5"}));
    EXPECT_EQ(notes[1].part, 1U);
}

TEST(SoundingNotesTest, EventsOutsideTheTimelineAreSkipped) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational(1), "C4");
    note(s, 0, 5, 0, Rational(1), "D4");
    EXPECT_EQ(pitches(soundingNotes(s)), std::vector<std::string>{"C4"});
    EXPECT_TRUE(soundingNotes(score::Score{}).empty());
}

}  // namespace
}  // namespace mos::analysis
