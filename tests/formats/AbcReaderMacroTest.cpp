// ABC 2.1 macros (m:) through readAbc: static and transposing ones, where they apply, and the
// bounds that keep a hostile file from looping or growing without end.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "formats/AbcTunes.hpp"
#include "mos/formats/AbcReader.hpp"

namespace mos::formats {
namespace {

using abctest::durations;
using abctest::messages;
using abctest::notes;
using abctest::tune;
using Strings = std::vector<std::string>;

TEST(AbcReaderMacroTest, AStaticMacroReplacesItsTargetAndOnlyIt) {
    const auto score = tune("X:1\nM:6/8\nL:1/8\nm: ~G3 = G{A}G{F}G\nK:G\n~G3 ~G2 B|~G3/2 z3|\n");
    const auto& part = score.parts.at(0);
    // ~G3 is three Gs with grace notes between; ~G2 and ~G3/2 are other notes and stay rolled Gs.
    EXPECT_EQ(notes(part, true), (Strings{"G4", "~A4", "G4", "~F#4", "G4", "G4", "B4", "G4", "z"}));
    EXPECT_EQ(durations(part), (Strings{"1/8", "1/8", "1/8", "1/4", "1/8", "3/16", "3/8"}));
    EXPECT_EQ(part.events.at(5).articulations, std::vector<score::Articulation>{score::Articulation::Turn});
    EXPECT_TRUE(part.events.at(0).articulations.empty());
}

TEST(AbcReaderMacroTest, ATransposingMacroMovesItsPatternAlongTheScale) {
    // The standard's example: n is any note, m the step below and o the step above it.
    const auto score =
        tune("X:35\nM:C|\nL:1/8\nm: ~n2 = (3o/n/m/ n   % one macro for all rolls\nK:ADor\n~D2 ~g2 ~B,2 ~c'2|\n");
    const auto& part = score.parts.at(0);
    EXPECT_EQ(notes(part), (Strings{"E4", "D4", "C4", "D4", "A5", "G5", "F#5", "G5", "C4", "B3", "A3", "B3", "D6", "C6",
                                    "B5", "C6"}));
    const Strings roll{"1/24", "1/24", "1/24", "1/8"};
    Strings expected;
    for (int i = 0; i < 4; ++i) expected.insert(expected.end(), roll.begin(), roll.end());
    EXPECT_EQ(durations(part), expected);
    ASSERT_EQ(part.events.at(0).tuplets.size(), 1U);
    EXPECT_EQ(part.events.at(0).tuplets[0], (score::Tuplet{3, 2, true, false}));
}

TEST(AbcReaderMacroTest, TheLongestTargetWinsAndStaticBeatsTransposing) {
    const auto score = tune("X:1\nL:1/4\nm: ~n = n2\nm: ~G = GA\nm: ~G2 = Gc\nK:C\n~G ~G2 ~E|\n");
    EXPECT_EQ(notes(score.parts.at(0)), (Strings{"G4", "A4", "G4", "C5", "E4"}));
    EXPECT_EQ(durations(score.parts.at(0)), (Strings{"1/4", "1/4", "1/4", "1/4", "1/2"}));
}

TEST(AbcReaderMacroTest, AMacroAppliesFromItsDefinitionOn) {
    const auto score = tune("X:1\nL:1/4\nK:C\n~G2 G|\nm: ~G2 = GA\n~G2 G|\nC [m:~C=CD] ~C|\n");
    const auto& part = score.parts.at(0);
    EXPECT_EQ(notes(part), (Strings{"G4", "G4", "G4", "A4", "G4", "C4", "C4", "D4"}));
    EXPECT_EQ(durations(part), (Strings{"1/2", "1/4", "1/4", "1/4", "1/4", "1/4", "1/4", "1/4"}));
}

TEST(AbcReaderMacroTest, FileHeaderMacrosApplyToEveryTuneATunesOwnOnlyToIt) {
    const auto book =
        readAbc("m: ~G2 = G/A/G\n\nX:1\nL:1/8\nm: ~A2 = AB\nK:C\n~G2 ~A2|\n\nX:2\nL:1/8\nK:C\n~G2 ~A2|\n", "b.abc");
    ASSERT_TRUE(book.ok()) << book.error().describe();
    ASSERT_EQ(book->scores.size(), 2U);
    const auto& first = book->scores[0].parts.at(0);
    EXPECT_EQ(notes(first), (Strings{"G4", "A4", "G4", "A4", "B4"}));
    EXPECT_EQ(durations(first), (Strings{"1/16", "1/16", "1/8", "1/8", "1/8"}));
    const auto& second = book->scores[1].parts.at(0);
    EXPECT_EQ(notes(second), (Strings{"G4", "A4", "G4", "A4"}));
    EXPECT_EQ(durations(second), (Strings{"1/16", "1/16", "1/8", "1/4"}));
    EXPECT_TRUE(book->warnings.empty()) << messages(book->warnings).front();
}

TEST(AbcReaderMacroTest, MacrosLeaveFieldsLyricsChordSymbolsAndDecorationsAlone) {
    const auto score = tune("X:1\nL:1/4\nm: C = E\nK:C\n\"C\"C !C! C|\nw: C C\n");
    EXPECT_EQ(notes(score.parts.at(0)), (Strings{"E4", "E4"}));
    ASSERT_EQ(score.layers.chords.size(), 1U);
    EXPECT_EQ(score.layers.chords[0].text, "C");
    ASSERT_EQ(score.layers.lyrics.size(), 2U);
    EXPECT_EQ(score.layers.lyrics[0].text, "C");
}

TEST(AbcReaderMacroTest, AMacroThatUsesItselfExpandsOnceAndChainsStop) {
    // A replacement is searched for the other macros, never for the one it came from.
    const auto self = tune("X:1\nL:1/4\nm: ~G2 = G ~G2\nK:C\n~G2|\n");
    EXPECT_EQ(notes(self.parts.at(0)), (Strings{"G4", "G4"}));
    EXPECT_EQ(durations(self.parts.at(0)), (Strings{"1/4", "1/2"}));
    const auto chain = tune("X:1\nL:1/4\nm: ~A2 = A~B2\nm: ~B2 = B~A2\nK:C\n~A2|\n");
    EXPECT_EQ(notes(chain.parts.at(0)), (Strings{"A4", "B4", "A4"}));
    EXPECT_EQ(durations(chain.parts.at(0)), (Strings{"1/4", "1/4", "1/2"}));
}

TEST(AbcReaderMacroTest, MacrosThatWouldGrowWithoutEndStopAtABound) {
    // Each level forty times the one below: 40^5 copies of the last, far past the bound; the use
    // that crosses it stays as written, and the reader goes on.
    std::string abc = "X:1\nL:1/4\n";
    for (char level = '1'; level <= '5'; ++level) {
        abc += std::string{"m: ~"} + level + " = ";
        for (int i = 0; i < 40; ++i) abc += std::string{"~"} + static_cast<char>(level + 1);
        abc += '\n';
    }
    abc += "m: ~6 = C\nK:C\nD ~1 E|\n";
    const auto book = readAbc(abc, "g.abc");
    ASSERT_TRUE(book.ok()) << book.error().describe();
    EXPECT_EQ(notes(book->scores.at(0).parts.at(0)), (Strings{"D4", "E4"}));
    const Strings problems = messages(book->warnings);
    EXPECT_NE(std::find(problems.begin(), problems.end(),
                        "g.abc:10:3: tune 1: the macros make the tune more than 256 KiB longer than written; the "
                        "rest is left unexpanded"),
              problems.end());
}

TEST(AbcReaderMacroTest, BadDefinitionsAndProblemsInExpansionsNameTheirPlaceAsWritten) {
    const auto book = readAbc(
        "m: nothing here\n\nX:1\nT:Bad\nL:1/4\nm: ~G3 G{A}G\nm: ~n2x = n\nm: = C\nm: ~C = C$C\nK:C\nD ~C $ E|\n",
        "b.abc");
    ASSERT_TRUE(book.ok()) << book.error().describe();
    EXPECT_EQ(notes(book->scores.at(0).parts.at(0)), (Strings{"D4", "C4", "C4", "E4"}));
    const auto noMacro = [](const std::string& where, const std::string& why) {
        return where + " is no macro (" + why + "); ignored";
    };
    const std::string noEquals = "no '=' between a target and its replacement";
    const std::string misplacedN =
        "the 'n' of a transposing macro must end its target, followed by no more than a note length";
    EXPECT_EQ(messages(book->warnings),
              (Strings{
                  noMacro("b.abc:1:1: m:nothing here", noEquals),
                  noMacro("b.abc:6:1: tune 1 (Bad): m:~G3 G{A}G", noEquals),
                  noMacro("b.abc:7:1: tune 1 (Bad): m:~n2x = n", misplacedN),
                  noMacro("b.abc:8:1: tune 1 (Bad): m:= C", "nothing before the '='"),
                  // The '$' the macro brought stands where the macro was written; the one after it where it is.
                  "b.abc:11:3: tune 1 (Bad): '$' is not ABC here; skipped",
                  "b.abc:11:6: tune 1 (Bad): '$' is not ABC here; skipped",
              }));
}

}  // namespace
}  // namespace mos::formats
