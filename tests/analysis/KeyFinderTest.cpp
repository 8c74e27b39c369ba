#include "mos/analysis/KeyFinder.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "TestScores.hpp"

namespace mos::analysis {
namespace {

using core::Rational;
using testing::abc;
using theory::Mode;

std::string globalKey(const score::Score& score, const KeyFinderOptions& options = {}) {
    return KeyFinder{options}.analyze(score).global.key.toString();
}

TEST(KeyFinderTest, ACMajorScaleIsInCMajor) {
    const auto score = abc("X:1\nM:4/4\nL:1/4\nK:C\nCDEF|GABc|cBAG|FEDC|\n");
    EXPECT_EQ(globalKey(score), "C major");
    EXPECT_EQ(globalKey(score, KeyFinderOptions::krumhanslSchmuckler()), "C major");
}

TEST(KeyFinderTest, AHarmonicMinorMelodyIsInAMinor) {
    // The leading tone G# and the sixth F, written as accidentals under an empty signature.
    const auto score = abc("X:1\nM:4/4\nL:1/4\nK:C\nA,B,CD|E^GA2|cBA^G|FED^G,|A,CEA|^GFE2|DCB,^G,|A,4|\n");
    EXPECT_EQ(globalKey(score), "A minor");
    EXPECT_EQ(globalKey(score, KeyFinderOptions::krumhanslSchmuckler()), "A minor");
}

TEST(KeyFinderTest, AModulationFromCToGMakesTwoRegions) {
    // Eight measures in C, then eight in G whose F# arrives in their second measure.
    const auto score =
        abc("X:1\nM:4/4\nL:1/4\nK:C\n"
            "CEGc|BGEC|DFAc|BGDG|CEGc|AFDF|EGcG|C4|"
            "GBdg|^fdA^F|GBdB|cA^FD|GBdg|^fdA^F|GDB,D|G4|\n");
    const KeyAnalysis keys = KeyFinder{}.analyze(score);
    ASSERT_EQ(keys.regions.size(), 2U);
    EXPECT_EQ(keys.regions[0].key.toString(), "C major");
    EXPECT_EQ(keys.regions[0].start, (score::ScorePosition{0, 0}));
    EXPECT_EQ(keys.regions[0].end, (score::ScorePosition{8, 0}));
    EXPECT_EQ(keys.regions[1].key.toString(), "G major");
    EXPECT_EQ(keys.regions[1].start, (score::ScorePosition{8, 0}));
    EXPECT_EQ(keys.regions[1].end, (score::ScorePosition{15, Rational(1)}));
    for (const KeyRegion& region : keys.regions) {
        EXPECT_GT(region.confidence, 0.5);
        EXPECT_LE(region.confidence, 1.0);
    }

    // One chromatic bar is not a modulation.
    const auto chromatic = abc("X:1\nM:4/4\nL:1/4\nK:C\nCEGc|BGEC|DFAc|BGDG|^CE^G^c|AFDF|EGcG|C4|\n");
    const KeyAnalysis stays = KeyFinder{}.analyze(chromatic);
    ASSERT_EQ(stays.regions.size(), 1U);
    EXPECT_EQ(stays.regions[0].key.toString(), "C major");
}

TEST(KeyFinderTest, MeasureEvidenceMovesTheRegions) {
    // Eight measures of a C major tune; evidence from outside the notes (say, the chords) that
    // measures 4-7 are in G outweighs what their notes say and makes them a region of their own.
    const auto score = abc("X:1\nM:4/4\nL:1/4\nK:C\nCEGc|BGEC|DFAc|BGDG|CEGc|AFDF|EGcG|C4|\n");
    const MeasureKeyEvidence inG = [](std::size_t measure, const theory::Key& key) {
        return measure >= 4 && key.toString() == "G major" ? 5.0 : 0.0;
    };
    const KeyAnalysis keys = KeyFinder{}.analyze(score, analysis::soundingNotes(score), inG);
    EXPECT_EQ(keys.global.key.toString(), "C major");  // the notes' alone
    ASSERT_EQ(keys.regions.size(), 2U);
    EXPECT_EQ(keys.regions[1].key.toString(), "G major");
    // Measure 3 (B G D G) is at home in G too, so the region takes it as well.
    EXPECT_EQ(keys.regions[1].start, (score::ScorePosition{3, 0}));
    // Without it, one region.
    EXPECT_EQ(KeyFinder{}.analyze(score).regions.size(), 1U);
}

TEST(KeyFinderTest, ADorianTuneIsInDDorianWhenTheModesAreSearched) {
    // The raised sixth (B) and the flat seventh (C), beginning and ending on D.
    const auto score = abc("X:1\nM:4/4\nL:1/4\nK:D dor\nDEFG|ABcA|GFED|C2A,2|DEFD|B2AG|FDEC|D4|\n");
    KeyFinderOptions modal;
    modal.modes = {Mode::Major, Mode::Minor, Mode::Dorian, Mode::Mixolydian};
    EXPECT_EQ(globalKey(score, modal), "D dorian");
    // Searched only for major and minor keys, the same notes are C major's.
    EXPECT_EQ(globalKey(score), "C major");
}

TEST(KeyFinderTest, TheTonicIsSpelledAsTheMusicIs) {
    EXPECT_EQ(globalKey(abc("X:1\nM:4/4\nL:1/4\nK:Gb\nGABc|defg|gfed|cBAG|\n")), "Gb major");
    EXPECT_EQ(globalKey(abc("X:1\nM:4/4\nL:1/4\nK:F#\nFGAB|cdef|fedc|BAGF|\n")), "F# major");
    EXPECT_EQ(globalKey(abc("X:1\nM:4/4\nL:1/4\nK:Ebm\nEFGA|Bcde|edcB|AGFE|\n")), "Eb minor");

    // A region is spelled as its own notes are: sixteen bars of B major in sharps, then a passage
    // in Eb minor written in flats (the same pitch classes as D# minor).
    const auto piece =
        abc("X:1\nM:4/4\nL:1/4\nK:B\n"
            "B,DFB|cdef|gfed|cBFD|B,DFB|edcB|FGAB|B4|B,DFB|cdef|gfed|cBFD|B,DFB|edcB|FGAB|B4|\n"
            "[K:Ebm] EGBe|dcBA|GF=DE|EGBe|BAG=D|E4|EGBe|B=DE2|\n");
    const KeyAnalysis keys = KeyFinder{}.analyze(piece);
    ASSERT_EQ(keys.regions.size(), 2U);
    EXPECT_EQ(keys.regions[0].key.toString(), "B major");
    EXPECT_EQ(keys.regions[1].key.toString(), "Eb minor");
}

TEST(KeyFinderTest, ChordSymbolsAreEvidence) {
    // The melody arpeggiates C E G, but every chord written over it is A minor.
    const auto score = abc("X:1\nM:4/4\nL:1/4\nK:C\n\"Am\"CEGE|\"Am\"CEGE|\"Am\"cGEC|\"Am\"E4|\n");
    KeyFinderOptions notesOnly;
    notesOnly.chordWeight = 0;
    notesOnly.firstChordWeight = 0;
    EXPECT_EQ(globalKey(score, notesOnly), "C major");
    EXPECT_EQ(globalKey(score), "A minor");
}

TEST(KeyFinderTest, TheSignatureIsEvidenceWhenAsked) {
    // A pentatonic tune (C D E G A) fits C, F and G major alike; the signature of one sharp decides.
    const auto score = abc("X:1\nM:4/4\nL:1/4\nK:G\nGAGE|DEGA|cAGE|D2G2|\n");
    KeyFinderOptions signature;
    signature.signatureWeight = 1;
    EXPECT_EQ(globalKey(score, signature), "G major");
}

TEST(KeyFinderTest, TheRankingHoldsEveryCandidateWithItsShare) {
    const auto score = abc("X:1\nM:4/4\nL:1/4\nK:C\nCDEF|GABc|cBAG|FEDC|\n");
    const KeyAnalysis keys = KeyFinder{}.analyze(score);
    ASSERT_EQ(keys.ranking.size(), 24U);
    EXPECT_EQ(keys.ranking.front().key, keys.global.key);
    double sum = 0;
    for (std::size_t i = 0; i < keys.ranking.size(); ++i) {
        sum += keys.ranking[i].confidence;
        if (i > 0) {
            EXPECT_LE(keys.ranking[i].score, keys.ranking[i - 1].score);
        }
    }
    EXPECT_NEAR(sum, 1.0, 1e-9);
    EXPECT_GT(keys.global.confidence, 0.5);

    KeyFinderOptions modal;
    modal.modes = {Mode::Major, Mode::Minor, Mode::Dorian, Mode::Mixolydian};
    EXPECT_EQ(KeyFinder{modal}.analyze(score).ranking.size(), 48U);
    EXPECT_EQ(KeyFinder{modal}.rankKeys(score, soundingNotes(score)).size(), 48U);
}

TEST(KeyFinderTest, ASilentScoreGetsAGuessWithNoConfidence) {
    const auto silent = testing::measures(3);
    const KeyAnalysis keys = KeyFinder{}.analyze(silent);
    EXPECT_NEAR(keys.global.confidence, 1.0 / 24, 1e-12);
    ASSERT_EQ(keys.regions.size(), 1U);
    EXPECT_EQ(keys.regions[0].end, (score::ScorePosition{2, Rational(1)}));

    EXPECT_TRUE(KeyFinder{}.analyze(score::Score{}).regions.empty());
    KeyFinderOptions none;
    none.modes.clear();
    EXPECT_TRUE(KeyFinder{none}.analyze(silent).ranking.empty());
}

TEST(KeyFinderTest, OddTimesInAScoreStillGetAnAnswer) {
    // A measure of length zero, then two whose lengths no 64-bit fraction can add up: from the
    // fourth measure on nothing has a place in time, so those notes and windows are left out.
    auto odd = testing::measures(5);
    odd.timeline.measures[1].duration = 0;
    odd.timeline.measures[2].duration = Rational(1, INT64_MAX);
    odd.timeline.measures[3].duration = Rational(1, INT64_MAX - 1);
    for (std::uint32_t m = 0; m < 5; ++m) testing::note(odd, 0, m, 0, Rational(1, 2), "C4");
    testing::note(odd, 0, 0, Rational(1, 2), Rational(1, 2), "G4");
    const auto notes = soundingNotes(odd);
    EXPECT_EQ(notes.size(), 4U);  // the two in measure 0, and one each in measures 1 and 2
    EXPECT_EQ(notes[3].onset, Rational(1));
    // Measure 2 ends where no time is: windows for measures 0 and 1 only.
    EXPECT_EQ(measureWindows(odd, notes).size(), 2U);
    const KeyAnalysis keys = KeyFinder{}.analyze(odd, notes);
    EXPECT_EQ(keys.global.key.tonic.toString(), "C");  // C and G: major or minor, no third says which
    ASSERT_FALSE(keys.regions.empty());

    EXPECT_EQ(keys.regions.front().start, (score::ScorePosition{0, 0}));
}

TEST(KeyFinderTest, RegionsGoIntoTheAnalysisLayer) {
    const std::vector<KeyRegion> regions{
        {.start = {0, 0}, .end = {4, 0}, .key = *theory::Key::parse("Bb major"), .confidence = 0.9},
        {.start = {4, 0}, .end = {8, 0}, .key = *theory::Key::parse("G minor"), .confidence = 0.8},
    };
    const auto layer = toLayer(regions);
    ASSERT_EQ(layer.size(), 2U);
    EXPECT_EQ(layer[0], (score::KeyRegion{{0, 0}, {score::Step::B, -1}, Mode::Major}));
    EXPECT_EQ(layer[1], (score::KeyRegion{{4, 0}, {score::Step::G, 0}, Mode::Minor}));
}

}  // namespace
}  // namespace mos::analysis
