// %%score and %%staves through readAbc: braced staves are one part, voices in parentheses share a
// staff, and the parts follow the directive's order.

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "formats/AbcTunes.hpp"
#include "mos/formats/AbcReader.hpp"

namespace mos::formats {
namespace {

using abctest::messages;
using abctest::notes;
using abctest::tune;
using Strings = std::vector<std::string>;

// "voice/staff" of each event.
Strings placesOf(const score::Part& part) {
    Strings out;
    for (const score::Event& event : part.events) {
        out.push_back(std::to_string(event.voice) + "/" + std::to_string(event.staff));
    }
    return out;
}

Strings partNames(const score::Score& score) {
    Strings out;
    for (const score::Part& part : score.parts) out.push_back(part.id + " " + part.name);
    return out;
}

TEST(AbcReaderScoreDirectiveTest, BracedStavesAreOnePartWithAStaffEach) {
    const auto score = tune(
        "X:1\nL:1/4\nM:2/4\n%%score {RH LH}\nV:RH name=\"Piano\" clef=treble\nV:LH clef=bass\nK:C\n"
        "[V:RH] c d|e2|\n[V:LH] C, D,|E,2|\n");
    ASSERT_EQ(score.parts.size(), 1U);
    const score::Part& piano = score.parts[0];
    EXPECT_EQ(piano.name, "Piano");
    EXPECT_EQ(piano.staves, 2);
    // In time order, the hands interleaved.
    EXPECT_EQ(notes(piano), (Strings{"C5", "C3", "D5", "D3", "E5", "E3"}));
    EXPECT_EQ(placesOf(piano), (Strings{"1/1", "2/2", "1/1", "2/2", "1/1", "2/2"}));
    const auto& clefs = score.layers.notation.clefs;
    ASSERT_EQ(clefs.size(), 2U);
    EXPECT_EQ(clefs[0].staff, 1);
    EXPECT_EQ(clefs[0].sign, score::Clef::Sign::G);
    EXPECT_EQ(clefs[1].partId, "P1");
    EXPECT_EQ(clefs[1].staff, 2);
    EXPECT_EQ(clefs[1].sign, score::Clef::Sign::F);
}

TEST(AbcReaderScoreDirectiveTest, VoicesInParenthesesShareAStaff) {
    const auto score =
        tune("X:1\nL:1/4\n%%score (S A) T\nV:S\nV:A\nV:T clef=bass\nK:C\n[V:S] c2|\n[V:A] A2|\n[V:T] E2|\n");
    ASSERT_EQ(score.parts.size(), 2U);
    EXPECT_EQ(partNames(score), (Strings{"P1 S", "P2 T"}));
    EXPECT_EQ(score.parts[0].staves, 1);
    EXPECT_EQ(notes(score.parts[0]), (Strings{"C5", "A4"}));
    EXPECT_EQ(placesOf(score.parts[0]), (Strings{"1/1", "2/1"}));
    EXPECT_EQ(notes(score.parts[1]), (Strings{"E4"}));
    EXPECT_EQ(placesOf(score.parts[1]), (Strings{"1/1"}));
}

TEST(AbcReaderScoreDirectiveTest, PartsFollowTheDirectivesOrderAndUnlistedVoicesComeAfter) {
    const auto score =
        tune("X:1\nL:1/4\nV:S\nV:A\nV:X\nV:T\n%%staves [T | (S A)]\nK:C\n[V:S] c2|\n[V:A] A2|\n[V:X] G2|\n[V:T] E2|\n");
    EXPECT_EQ(partNames(score), (Strings{"P1 T", "P2 S", "P3 X"}));
    EXPECT_EQ(notes(score.parts[0]), (Strings{"E4"}));
    EXPECT_EQ(notes(score.parts[1]), (Strings{"C5", "A4"}));
    EXPECT_EQ(notes(score.parts[2]), (Strings{"G4"}));
}

TEST(AbcReaderScoreDirectiveTest, OverlaysLyricsAndMarksKeepToTheirVoiceAndStaff) {
    const auto score = tune(
        "X:1\nL:1/4\nM:2/4\nK:C\n%%score {(RH1 RH2) | LH}\n[V:RH1] !p!c d|\n[V:RH2] G2 & E2|\nw: sung\n"
        "[V:LH] C,2|\n");
    ASSERT_EQ(score.parts.size(), 1U);
    const score::Part& piano = score.parts[0];
    EXPECT_EQ(piano.staves, 2);
    // RH1 and RH2 share staff 1, LH has staff 2; RH2's overlay takes the next free voice number.
    EXPECT_EQ(notes(piano), (Strings{"C5", "G4", "E4", "C3", "D5"}));
    EXPECT_EQ(placesOf(piano), (Strings{"1/1", "2/1", "4/1", "3/2", "1/1"}));
    ASSERT_EQ(score.layers.lyrics.size(), 1U);
    EXPECT_EQ(score.layers.lyrics[0].event, piano.events[1].id);  // under RH2's G, not RH1's C
    ASSERT_EQ(piano.dynamics.size(), 1U);
    EXPECT_EQ(piano.dynamics[0].staff, 1);
}

TEST(AbcReaderScoreDirectiveTest, AFloatingVoiceJoinsTheStaffBeforeIt) {
    const auto score = tune("X:1\nL:1/4\n%%score {RH *M | LH}\nK:C\n[V:RH] c2|\n[V:M] e2|\n[V:LH] C2|\n");
    ASSERT_EQ(score.parts.size(), 1U);
    EXPECT_EQ(placesOf(score.parts[0]), (Strings{"1/1", "2/1", "3/2"}));
}

TEST(AbcReaderScoreDirectiveTest, TheFileHeadersGroupingAppliesToEveryTuneUnlessItsOwnReplacesIt) {
    const std::string abc =
        "%%score {R L}\n\n"
        "X:1\nL:1/4\nK:C\n[V:R] c2|\n[V:L] C2|\n\n"
        "X:2\nL:1/4\n%%score R L\nK:C\n[V:R] c2|\n[V:L] C2|\n\n"
        "X:3\nK:C\nC2|\n";
    const auto book = readAbc(abc, "b.abc");
    ASSERT_TRUE(book.ok()) << book.error().describe();
    ASSERT_EQ(book->scores.size(), 3U);
    EXPECT_EQ(partNames(book->scores[0]), Strings{"P1 R"});
    EXPECT_EQ(book->scores[0].parts[0].staves, 2);
    EXPECT_EQ(partNames(book->scores[1]), (Strings{"P1 R", "P2 L"}));
    // A tune none of whose voices the grouping names is read as without it.
    EXPECT_EQ(partNames(book->scores[2]), Strings{"P1 "});
    EXPECT_TRUE(book->warnings.empty()) << messages(book->warnings).front();
}

TEST(AbcReaderScoreDirectiveTest, VoicesDeclaredInTheFileHeaderTakeTheirPlaceToo) {
    // Found by fuzzing: the grouping made no part for voices only the file header declared.
    const auto book = readAbc("%%score T {R L}\nV:T\nV:L clef=bass\n\nX:1\nL:1/4\nK:C\nc2|\n[V:R] e2|\n", "b.abc");
    ASSERT_TRUE(book.ok()) << book.error().describe();
    const auto& score = book->scores.at(0);
    ASSERT_EQ(partNames(score), (Strings{"P1 T", "P2 R"}));
    EXPECT_EQ(notes(score.parts[0]), Strings{"C5"});  // music before any V: goes to the voice declared first
    EXPECT_EQ(score.parts[1].staves, 2);
    EXPECT_EQ(notes(score.parts[1]), Strings{"E5"});
    ASSERT_EQ(score.layers.notation.clefs.size(), 1U);
    EXPECT_EQ(score.layers.notation.clefs[0].partId, "P2");
    EXPECT_EQ(score.layers.notation.clefs[0].staff, 2);
}

TEST(AbcReaderScoreDirectiveTest, AMalformedOrLateGroupingIsAWarningAndVoicesKeepAPartEach) {
    const auto bad = readAbc("X:1\n%%score {RH LH\nK:C\n[V:RH] c2|\n[V:LH] C2|\n", "s.abc");
    ASSERT_TRUE(bad.ok()) << bad.error().describe();
    EXPECT_EQ(bad->scores.at(0).parts.size(), 2U);
    EXPECT_EQ(messages(bad->warnings),
              Strings{"s.abc:2:1: tune 1: %%score {RH LH: '{' is not closed; its voices keep a part each"});
    const auto twice = readAbc("X:1\n%%score (A B) A\nK:C\n[V:A] c2|\n", "s.abc");
    ASSERT_TRUE(twice.ok());
    EXPECT_EQ(messages(twice->warnings),
              Strings{"s.abc:2:1: tune 1: %%score (A B) A: the voice A is listed twice; its voices keep a part each"});
    const auto late = readAbc("X:1\nK:C\n[V:A] c2|\n%%score {A B}\n[V:B] C2|\n", "s.abc");
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(late->scores.at(0).parts.size(), 2U);
    EXPECT_EQ(messages(late->warnings),
              Strings{"s.abc:4:1: tune 1: %%score after the music has begun cannot regroup the parts; ignored"});
}

}  // namespace
}  // namespace mos::formats
