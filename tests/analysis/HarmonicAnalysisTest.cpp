#include "mos/analysis/HarmonicAnalysis.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "TestScores.hpp"

namespace mos::analysis {
namespace {

using core::Rational;
using testing::measures;
using testing::note;

// A bar of one block chord (whole notes), lowest note first, in part 0.
void chord(score::Score& s, std::uint32_t measure, std::initializer_list<const char*> pitches) {
    std::uint8_t voice = 1;
    for (const char* pitch : pitches) note(s, 0, measure, 0, Rational(1), pitch, voice++);
}

std::vector<std::string> numerals(const HarmonicAnalysis& analysis) {
    std::vector<std::string> out;
    for (const AnalyzedChord& c : analysis.chords) out.push_back(c.numeral ? c.numeral->toString() : "-");
    return out;
}

TEST(HarmonicAnalysisTest, ACadentialPhraseGetsItsNumeralsAndAPerfectCadence) {
    // C: I | IV6 | Cad64 | V7 | I, with C on top at the end.
    auto s = measures(5);
    chord(s, 0, {"C3", "G3", "E4", "C5"});
    chord(s, 1, {"A2", "F3", "C4", "F4"});
    chord(s, 2, {"G2", "E3", "C4", "G4"});
    chord(s, 3, {"G2", "F3", "B3", "D4"});
    chord(s, 4, {"C3", "E3", "G3", "C4"});
    const HarmonicAnalysis analysis = analyzeHarmony(s);
    EXPECT_EQ(analysis.keys.global.key.toString(), "C major");
    EXPECT_EQ(numerals(analysis), (std::vector<std::string>{"I", "IV6", "Cad64", "V7", "I"}));
    EXPECT_EQ(analysis.chords[1].symbol.toString(), "F/A");
    EXPECT_EQ(analysis.chords[3].at, (score::ScorePosition{3, Rational(0)}));
    ASSERT_EQ(analysis.cadences.size(), 1U);
    EXPECT_EQ(analysis.cadences[0].kind, score::CadenceKind::Perfect);
    EXPECT_EQ(analysis.cadences[0].at.measure, 4U);
}

TEST(HarmonicAnalysisTest, DeceptiveAndHalfCadences) {
    // a: i | V | VI | iv | V (held, then the piece stops)
    auto s = measures(5);
    chord(s, 0, {"A2", "E3", "C4", "A4"});
    chord(s, 1, {"E2", "E3", "G#3", "B4"});
    chord(s, 2, {"F2", "F3", "A3", "C5"});
    chord(s, 3, {"D3", "F3", "A3", "D4"});
    chord(s, 4, {"E2", "E3", "G#3", "B3"});
    const HarmonicAnalysis analysis = analyzeHarmony(s);
    EXPECT_EQ(analysis.keys.global.key.toString(), "A minor");
    EXPECT_EQ(numerals(analysis), (std::vector<std::string>{"i", "V", "VI", "iv", "V"}));
    ASSERT_EQ(analysis.cadences.size(), 2U);
    EXPECT_EQ(analysis.cadences[0].kind, score::CadenceKind::Deceptive);
    EXPECT_EQ(analysis.cadences[0].at.measure, 2U);
    EXPECT_EQ(analysis.cadences[1].kind, score::CadenceKind::Half);
    EXPECT_EQ(analysis.cadences[1].at.measure, 4U);
}

TEST(HarmonicAnalysisTest, ADiminishedSeventhTakesTheRootTheScoreSpellsItOn) {
    // C: I | viio7/vi (G# B D F) | vi | viio7 (B D F Ab) | I: the same four pitch classes twice,
    // rooted by their spelling.
    auto s = measures(5);
    chord(s, 0, {"C3", "G3", "E4", "C5"});
    chord(s, 1, {"G#2", "D3", "F3", "B3"});
    chord(s, 2, {"A2", "E3", "C4", "A4"});
    chord(s, 3, {"B2", "D3", "F3", "Ab3"});
    chord(s, 4, {"C3", "E3", "G3", "C4"});
    const HarmonicAnalysis analysis = analyzeHarmony(s);
    ASSERT_EQ(analysis.chords.size(), 5U);
    EXPECT_EQ(analysis.chords[1].symbol.root.toString(), "G#");
    EXPECT_EQ(analysis.chords[3].symbol.root.toString(), "B");
    EXPECT_EQ(numerals(analysis), (std::vector<std::string>{"I", "viio7/vi", "vi", "viio7", "I"}));
}

TEST(HarmonicAnalysisTest, WrittenChordSymbolsAreTakenAsWritten) {
    // The melody alone would not say D7; the chart does.
    auto s = testing::abc("X:1\nT:t\nM:4/4\nL:1/4\nK:G\n\"G\"G B d B|\"D7\"A2 F2|\"G\"G4|\n");
    const HarmonicAnalysis analysis = analyzeHarmony(s);
    ASSERT_EQ(analysis.chords.size(), 3U);
    EXPECT_TRUE(analysis.chords[1].written);
    EXPECT_EQ(analysis.chords[1].symbol.toString(), "D7");
    EXPECT_EQ(numerals(analysis), (std::vector<std::string>{"I", "V7", "I"}));
    EXPECT_EQ(analysis.cadences.size(), 1U);
}

TEST(HarmonicAnalysisTest, TheAnalysisIsWrittenIntoTheLayers) {
    auto s = measures(2);
    chord(s, 0, {"G2", "D3", "B3", "F4"});
    chord(s, 1, {"C3", "E3", "G3", "C4"});
    const HarmonicAnalysis analysis = analyzeHarmony(s);
    writeAnalysis(s, analysis);
    ASSERT_EQ(s.layers.analysis.numerals.size(), 2U);
    EXPECT_EQ(s.layers.analysis.numerals[0].numeral, "V7");
    EXPECT_EQ(s.layers.analysis.numerals[0].key, "C");
    ASSERT_EQ(s.layers.analysis.keys.size(), 1U);
    EXPECT_EQ(s.layers.analysis.keys[0].mode, theory::Mode::Major);
    ASSERT_EQ(s.layers.chords.size(), 2U);
    EXPECT_EQ(s.layers.chords[0].text, "G7");
    EXPECT_EQ(s.layers.chords[0].kind, "dominant");
    EXPECT_EQ(s.layers.chords[1].at.measure, 1U);
}

TEST(HarmonicAnalysisTest, AnEmptyScoreHasNothingToSay) {
    const HarmonicAnalysis analysis = analyzeHarmony(measures(2));
    EXPECT_TRUE(analysis.chords.empty());
    EXPECT_TRUE(analysis.cadences.empty());
}

}  // namespace
}  // namespace mos::analysis
