#include "mos/formats/RomanTextReader.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "mos/formats/ScoreFile.hpp"
#include "mos/formats/ScoreFormat.hpp"
#include "mos/score/UmfJson.hpp"

namespace mos::formats {
namespace {

using core::Rational;
using score::Mode;
using score::ScorePosition;
using score::Step;

score::Score analysis(std::string_view text) {
    auto read = readRomanText(text, "test.rntxt");
    EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().describe());
    if (!read) return {};
    for (const auto& warning : read->warnings) ADD_FAILURE() << "unexpected warning: " << warning.describe();
    return read->scores.at(0);
}

std::vector<core::Error> warningsOf(std::string_view text) {
    auto read = readRomanText(text, "test.rntxt");
    EXPECT_TRUE(read.ok());
    return read ? read->warnings : std::vector<core::Error>{};
}

// Each numeral as "measure:offset numeral@key", measure as its index.
std::vector<std::string> numerals(const score::Score& score) {
    std::vector<std::string> out;
    for (const auto& n : score.layers.analysis.numerals) {
        out.push_back(std::to_string(n.at.measure) + ":" + n.at.offset.toString() + " " + n.numeral + "@" + n.key);
    }
    return out;
}

std::vector<std::string> offsets(const score::Score& score) {
    std::vector<std::string> out;
    for (const auto& n : score.layers.analysis.numerals) out.push_back(n.at.offset.toString());
    return out;
}

std::vector<std::string> labels(const score::Score& score) {
    std::vector<std::string> out;
    for (const auto& m : score.timeline.measures) out.push_back(m.number);
    return out;
}

using Strings = std::vector<std::string>;

TEST(RomanTextReaderTest, HeaderFieldsGoToMetadataExtensionAndAnnotations) {
    const auto score = analysis(
        "Composer: Brahms\nTitle: Ein deutsches Requiem\nAnalyst: Dmitri Tymoczko\nProofreader: Mark Gotham\n"
        "Movement: 1\nTime Signature: 4/4\n\nPedal: F m1 m10\nm1 F: I\nNote: a long suspension\nm2 V7/IV\n");
    EXPECT_EQ(score.metadata.title, "Ein deutsches Requiem");
    EXPECT_EQ(score.metadata.composer, "Brahms");
    EXPECT_EQ(score.extensions.at("romantext"),
              R"({"Analyst":"Dmitri Tymoczko","Movement":"1","Pedal":"F m1 m10","Proofreader":"Mark Gotham"})");
    ASSERT_EQ(score.learning.annotations.size(), 1U);
    EXPECT_EQ(score.learning.annotations[0].at, (ScorePosition{1, Rational{}}));
    EXPECT_EQ(score.learning.annotations[0].text, "a long suspension");
    EXPECT_EQ(score.learning.annotations[0].author, "Dmitri Tymoczko");
    EXPECT_TRUE(score.parts.empty());  // an analysis names chords, not notes
}

TEST(RomanTextReaderTest, PieceNamesTheTitleWhenThereIsNone) {
    const auto score = analysis("Composer: J. S. Bach\nPiece: Jesu Leiden, Pein und Tod\nm1 C: I\n");
    EXPECT_EQ(score.metadata.title, "Jesu Leiden, Pein und Tod");
}

TEST(RomanTextReaderTest, BeatsCountQuartersInSimpleMeters) {
    const auto score = analysis("Time Signature: 4/4\nm1 C: I b2 V b3.5 vi b4.75 IV\nm2 I\n");
    EXPECT_EQ(numerals(score), (Strings{"0:0 I@C", "0:1/4 V@C", "0:5/8 vi@C", "0:15/16 IV@C", "1:0 I@C"}));
    EXPECT_EQ(offsets(analysis("Time Signature: 3/2\nm1 C: I b2 V b3.5 I\n")), (Strings{"0", "1/2", "5/4"}));
    EXPECT_EQ(offsets(analysis("Time Signature: 2/2\nm1 C: I b2 V b2.5 I\n")), (Strings{"0", "1/2", "3/4"}));
}

TEST(RomanTextReaderTest, CompoundMetersCountDottedBeats) {
    // music21's own example: in 6/8, b1.66 is two eighths in, b2 three, b2.66 five.
    EXPECT_EQ(offsets(analysis("Time Signature: 6/8\nm1 b1 Bb: I b1.66 I6 b2 IV b2.66 V43/ii\n")),
              (Strings{"0", "1/4", "3/8", "5/8"}));
    EXPECT_EQ(offsets(analysis("Time Signature: 9/8\nm1 C: I b2 V b3.5 I\n")), (Strings{"0", "3/8", "15/16"}));
    EXPECT_EQ(offsets(analysis("Time Signature: 12/8\nm1 C: I b4 V\n")), (Strings{"0", "9/8"}));
    EXPECT_EQ(offsets(analysis("Time Signature: 6/4\nm1 C: I b2 V\n")), (Strings{"0", "3/4"}));
    EXPECT_EQ(offsets(analysis("Time Signature: 12/16\nm1 C: I b3 V\n")), (Strings{"0", "3/8"}));
}

TEST(RomanTextReaderTest, DecimalBeatsNameSimpleFractions) {
    // Thirds however they are rounded, sixths, eighths, ninths, exact fifths, and a second decimal
    // that divides the first's part again; in 4/4 each beat is a quarter.
    const auto score = analysis(
        "m1 C: I b1.33 V b1.66 I b1.667 V b2.17 I b2.83 V b3.12 I b3.88 V b4.2 V b4.22 I\n"
        "m2 I b1.66.5 V b2.33.5 I b3.5.5 V b4.01 I\n");
    EXPECT_EQ(offsets(score), (Strings{"0", "1/12", "1/6", "1/6", "7/24", "11/24", "17/32", "23/32", "4/5", "29/36",
                                       "0", "5/24", "3/8", "11/16", "301/400"}));
}

TEST(RomanTextReaderTest, PaceWordsSetTheBeat) {
    EXPECT_EQ(offsets(analysis("Time Signature: fast 3/4\nm1 C: I b1.5 V\n")), (Strings{"0", "3/8"}));
    EXPECT_EQ(offsets(analysis("Time Signature: slow 6/8\nm1 C: I b4 V b6 I\n")), (Strings{"0", "3/8", "5/8"}));
    EXPECT_EQ(offsets(analysis("Time Signature: Slow 3/8\nm1 C: I b2 V\n")), (Strings{"0", "1/8"}));
    EXPECT_EQ(offsets(analysis("Time Signature: fast 3/8\nm1 C: I b1.67 V\n")), (Strings{"0", "1/4"}));
}

TEST(RomanTextReaderTest, ThreeEightCountsEighthsOnlyWhereThePassageNamesThem) {
    // A passage of plain 3/8 with thirds of b1 is in one; one that names b2 and b3 is in three. Each
    // Time Signature line starts its own passage.
    const auto score =
        analysis("Time Signature: 3/8\nm1 C: I b1.67 V\nm2 I\nTime Signature: 3/8\nm3 V b2 I b3 V\nm4 I b1.5 V\n");
    EXPECT_EQ(numerals(score), (Strings{"0:0 I@C", "0:1/4 V@C", "1:0 I@C", "2:0 V@C", "2:1/8 I@C", "2:1/4 V@C",
                                        "3:0 I@C", "3:1/16 V@C"}));
}

TEST(RomanTextReaderTest, MeasureZeroIsAPickupAsLongAsItsNumeralsShow) {
    const auto score = analysis("Time Signature: 3/4\nm0 b2 C: V b3 V7\nm1 I\n");
    ASSERT_EQ(score.timeline.measures.size(), 2U);
    const auto& pickup = score.timeline.measures[0];
    EXPECT_EQ(pickup.number, "0");
    EXPECT_TRUE(pickup.pickup);
    EXPECT_EQ(pickup.duration, Rational(1, 2));
    EXPECT_EQ(pickup.time, (score::TimeSignature{3, 4}));
    EXPECT_EQ(score.timeline.measures[1].duration, Rational(3, 4));
    EXPECT_FALSE(score.timeline.measures[1].pickup);
    EXPECT_EQ(numerals(score), (Strings{"0:0 V@C", "0:1/4 V7@C", "1:0 I@C"}));
    ASSERT_EQ(score.layers.analysis.keys.size(), 1U);
    EXPECT_EQ(score.layers.analysis.keys[0].at, (ScorePosition{0, Rational{}}));
}

TEST(RomanTextReaderTest, TimeSignatureChangesFromTheMeasureAfterIt) {
    const auto score = analysis("Time Signature: 4/4\nm1 C: I\nTime Signature: 3/4\nm3 V b3 I\nm4 IV\n");
    EXPECT_EQ(labels(score), (Strings{"1", "2", "3", "4"}));
    const auto& measures = score.timeline.measures;
    EXPECT_EQ(measures[0].time, (score::TimeSignature{4, 4}));
    EXPECT_FALSE(measures[1].time.has_value());  // m2, which the file skips, stays in 4/4
    EXPECT_EQ(measures[1].duration, Rational(1));
    EXPECT_EQ(measures[2].time, (score::TimeSignature{3, 4}));
    EXPECT_EQ(measures[2].duration, Rational(3, 4));
    EXPECT_FALSE(measures[3].time.has_value());
    EXPECT_EQ(numerals(score), (Strings{"0:0 I@C", "2:0 V@C", "2:1/2 I@C", "3:0 IV@C"}));
    const auto common = analysis("Time Signature: C\nm1 C: I\n");
    EXPECT_EQ(common.timeline.measures[0].time, (score::TimeSignature{4, 4, score::TimeSignature::Symbol::Common}));
    // Without a Time Signature line, 4/4.
    EXPECT_EQ(analysis("m1 d: i\n").timeline.measures[0].time, (score::TimeSignature{4, 4}));
}

TEST(RomanTextReaderTest, RepeatCopiesAnalyseMeasuresAsEarlierOnes) {
    const auto score = analysis("m1 C: I b3 V\nm2 vi b3 IV\nm3 V\nm5-6 = m1-2\nm7 = m3\nm9-10=m5-m6\n");
    EXPECT_EQ(labels(score), (Strings{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}));
    EXPECT_EQ(numerals(score),
              (Strings{"0:0 I@C", "0:1/2 V@C", "1:0 vi@C", "1:1/2 IV@C", "2:0 V@C", "4:0 I@C", "4:1/2 V@C", "5:0 vi@C",
                       "5:1/2 IV@C", "6:0 V@C", "8:0 I@C", "8:1/2 V@C", "9:0 vi@C", "9:1/2 IV@C"}));
}

TEST(RomanTextReaderTest, CopiesKeepTheKeysOfTheMeasuresTheyCopy) {
    const auto score = analysis("m1 C: I\nm2 G: V\nm3 a: i\nm4-5 = m1-2\nm6 V\n");
    EXPECT_EQ(numerals(score), (Strings{"0:0 I@C", "1:0 V@G", "2:0 i@a", "3:0 I@C", "4:0 V@G", "5:0 V@G"}));
    std::vector<std::string> keys;
    for (const auto& k : score.layers.analysis.keys) {
        keys.push_back(std::to_string(k.at.measure) + std::string{score::toLetter(k.tonic.step)} +
                       (k.mode == Mode::Minor ? "m" : ""));
    }
    EXPECT_EQ(keys, (Strings{"0C", "1G", "2Am", "3C", "4G"}));
}

TEST(RomanTextReaderTest, ARangeWithChordsHoldsThemInEachMeasure) {
    EXPECT_EQ(numerals(analysis("m1 C: I\nm2-3 V b3 I\n")),
              (Strings{"0:0 I@C", "1:0 V@C", "1:1/2 I@C", "2:0 V@C", "2:1/2 I@C"}));
}

TEST(RomanTextReaderTest, KeyTokensApplyToTheNumeralsAfterThem) {
    const auto score = analysis("m1 F: I b3 V\nm2 vi a: iv b3 V\nm3 f#: i b2 Bb: I b3 bb: i b4 Cb: I\nm4 Cb: V\n");
    // vi and iv at one beat: the pivot chord, read in both keys.
    EXPECT_EQ(numerals(score), (Strings{"0:0 I@F", "0:1/2 V@F", "1:0 vi@F", "1:0 iv@a", "1:1/2 V@a", "2:0 i@f#",
                                        "2:1/4 I@Bb", "2:1/2 i@bb", "2:3/4 I@Cb", "3:0 V@Cb"}));
    const auto& keys = score.layers.analysis.keys;
    ASSERT_EQ(keys.size(), 6U);  // Cb restated in m4 changes nothing
    EXPECT_EQ(keys[0], (score::KeyRegion{{0, Rational{}}, {Step::F, 0}, Mode::Major}));
    EXPECT_EQ(keys[1], (score::KeyRegion{{1, Rational{}}, {Step::A, 0}, Mode::Minor}));
    EXPECT_EQ(keys[2], (score::KeyRegion{{2, Rational{}}, {Step::F, 1}, Mode::Minor}));
    EXPECT_EQ(keys[3], (score::KeyRegion{{2, Rational(1, 4)}, {Step::B, -1}, Mode::Major}));
    EXPECT_EQ(keys[4], (score::KeyRegion{{2, Rational(1, 2)}, {Step::B, -1}, Mode::Minor}));
    EXPECT_EQ(keys[5], (score::KeyRegion{{2, Rational(3, 4)}, {Step::C, -1}, Mode::Major}));
}

TEST(RomanTextReaderTest, KeySignaturesComeFromFieldsTokensAndSemicolonKeys) {
    const auto score = analysis("Key Signature: -1\nm1 d: i\nm2 KS2 D: I\nm3 g;: i\nKey signature: Bb\nm4 i\n");
    const auto& measures = score.timeline.measures;
    ASSERT_EQ(measures[0].keys.size(), 1U);
    EXPECT_EQ(measures[0].keys[0].key.fifths, -1);
    ASSERT_EQ(measures[1].keys.size(), 1U);
    EXPECT_EQ(measures[1].keys[0].key.fifths, 2);
    ASSERT_EQ(measures[2].keys.size(), 1U);
    EXPECT_EQ(measures[2].keys[0].key.fifths, -2);
    EXPECT_EQ(measures[2].keys[0].key.mode, Mode::Minor);
    ASSERT_EQ(measures[3].keys.size(), 1U);
    EXPECT_EQ(measures[3].keys[0].key.fifths, -1);  // music21's legacy "Bb": one flat
}

TEST(RomanTextReaderTest, VariantsStayAsideInTheExtension) {
    const auto score = analysis("m1 C: I\nm1var1 I b3 V\nm2 V\nm2 var1 ii\n");
    EXPECT_EQ(numerals(score), (Strings{"0:0 I@C", "1:0 V@C"}));
    EXPECT_EQ(score.extensions.at("romantext"), R"({"variants":"m1var1 I b3 V\nm2 var1 ii"})");
}

TEST(RomanTextReaderTest, SkippedMeasuresAreFilledIn) {
    const auto score = analysis("Composer: Monteverdi\nm1 d: i\nm5 iv b3 i\n");
    EXPECT_EQ(labels(score), (Strings{"1", "2", "3", "4", "5"}));
    EXPECT_EQ(numerals(score), (Strings{"0:0 i@d", "4:0 iv@d", "4:1/2 i@d"}));
    // A file that starts at m3 still starts its timeline at m1, so indices match the score's.
    EXPECT_EQ(labels(analysis("m3 C: I\n")), (Strings{"1", "2", "3"}));
}

TEST(RomanTextReaderTest, RepeatsAndLetteredEndings) {
    const auto score = analysis("m1 ||: C: I\nm2 V :||\nm3a I\nm4a V :||\nm3b I\nm4b IV\nm5 I b3 V ||:\nm6 I :||\n");
    EXPECT_EQ(labels(score), (Strings{"1", "2", "3a", "4a", "3b", "4b", "5", "6"}));
    const auto& measures = score.timeline.measures;
    EXPECT_TRUE(measures[0].repeatStart);
    EXPECT_EQ(measures[1].repeatEnd, 2);
    EXPECT_EQ(measures[3].repeatEnd, 2);
    EXPECT_FALSE(measures[6].repeatStart);  // ||: after the chords opens the next measure
    EXPECT_TRUE(measures[7].repeatStart);
    ASSERT_EQ(score.timeline.endings.size(), 2U);
    EXPECT_EQ(score.timeline.endings[0], (score::Ending{2, 3, {1}, {}, false}));
    EXPECT_EQ(score.timeline.endings[1], (score::Ending{4, 5, {2}, {}, false}));
}

TEST(RomanTextReaderTest, NoChordAndPhraseMarks) {
    EXPECT_EQ(numerals(analysis("m1 C: I b2 N.C. b3 NC || b4 ( V ) |* *|\nm2 nc\n")),
              (Strings{"0:0 I@C", "0:1/4 N.C.@C", "0:1/2 N.C.@C", "0:3/4 V@C", "1:0 N.C.@C"}));
}

TEST(RomanTextReaderTest, FormLinesStartSections) {
    const auto score = analysis("Form: chorale\nm1 C: I\nm2 V\nForm: B\nForm: Phase 1\nm3 IV\nm4 I\n");
    ASSERT_EQ(score.layers.form.size(), 2U);
    EXPECT_EQ(score.layers.form[0], (score::Section{"chorale", 0, 1}));
    EXPECT_EQ(score.layers.form[1], (score::Section{"B; Phase 1", 2, 3}));
}

TEST(RomanTextReaderTest, AnyLineEndingAndAByteOrderMark) {
    const auto expected = numerals(analysis("Title: T\nm1 C: I\nm2 V\n"));
    EXPECT_EQ(numerals(analysis("Title: T\rm1 C: I\rm2 V")), expected);
    EXPECT_EQ(numerals(analysis("\xEF\xBB\xBFTitle: T\r\nm1 C: I\r\nm2 V\r\n")), expected);
    // A no-break space separates tokens as a space does.
    EXPECT_EQ(numerals(analysis("Title: T\nm1 C:\xC2\xA0I\nm2 V\n")), expected);
}

TEST(RomanTextReaderTest, LinesWithNothingToReadAreSkipped) {
    // A lone phrase mark, and the "¬†" a no-break space becomes when UTF-8 is read as Mac Roman.
    EXPECT_EQ(numerals(analysis("Title: T\n \xC2\xAC\xE2\x80\xA0\nm1 C: I\n ||\nm2 V\n")),
              (Strings{"0:0 I@C", "1:0 V@C"}));
}

TEST(RomanTextReaderTest, WarningsNameFileLineColumnAndMeasure) {
    const auto warnings = warningsOf("Time Signature: 3/4\nm1 C: I b2 xyz b3 V\nm2 I b4 V\n");
    ASSERT_EQ(warnings.size(), 2U);
    EXPECT_EQ(warnings[0].describe(), "test.rntxt:2:12, measure 1: 'xyz' is no numeral, beat or key; left out");
    EXPECT_EQ(warnings[1].describe(),
              "test.rntxt:3:9, measure 2: 'V' at b4 lies beyond the end of the measure: 3/4 counts 3 beats; left out");
}

TEST(RomanTextReaderTest, ProblemsAreWarningsAndTheRestLoads) {
    const auto read = readRomanText(
        "Time Signature: 4/4?\nm2 C: I b3: V b4 IV\nm1 V\nm3 I ii\nm4 b3 I b2 V\nm5-6 m1-2\nm7 = m0\nhello there\n"
        "m8 b0 V\n",
        "bad.txt");
    ASSERT_TRUE(read.ok());
    std::vector<std::string> messages;
    for (const auto& w : read->warnings) messages.push_back(w.describe());
    const std::string noBeat = " is no beat (b1, b2.5, b1.33 …); what follows it up to the next beat is left out";
    const std::string sameBeat =
        " follows another numeral at the same beat, with no key change between: a beat is missing?";
    const std::string strayLine = " is neither a measure line (m12 …) nor a field (Tag: value); left out";
    EXPECT_EQ(messages, (Strings{
                            "bad.txt:1:17: time signature '4/4?' read as 4/4; the text after it is ignored",
                            "bad.txt:2:9, measure 2: 'b3:'" + noBeat,
                            "bad.txt:3:1, measure 1: m1 comes after m2: measure lines must go forward; line left out",
                            "bad.txt:4:6, measure 3: 'ii'" + sameBeat,
                            "bad.txt:5:9, measure 4: 'b2' comes before the beat written before it",
                            "bad.txt:6:6, measure 5: 'm1-2' read as a copy, which is written m5-6 = m1-2",
                            "bad.txt:7:4, measure 7: m0 is not in the analysis, so it cannot be copied; line left out",
                            "bad.txt:8:1: 'hello there'" + strayLine,
                            "bad.txt:9:4, measure 8: 'b0'" + noBeat,
                        }));
    EXPECT_EQ(numerals(read->scores.at(0)), (Strings{"1:0 I@C", "1:3/4 IV@C", "2:0 I@C", "2:0 ii@C", "3:1/4 V@C",
                                                     "3:1/2 I@C", "5:0 I@C", "5:3/4 IV@C"}));
}

TEST(RomanTextReaderTest, ANumeralBeforeAnyKeyHasNone) {
    const auto read = readRomanText("m1 I b3 V\nm2 C: I\n", "k.rntxt");
    ASSERT_TRUE(read.ok());
    ASSERT_EQ(read->warnings.size(), 1U);
    EXPECT_EQ(read->warnings[0].describe(),
              "k.rntxt:1:4, measure 1: 'I' comes before any key (C:, a: …): it and the numerals up to the first key "
              "have none");
    EXPECT_EQ(numerals(read->scores.at(0)), (Strings{"0:0 I@", "0:1/2 V@", "1:0 I@C"}));
}

TEST(RomanTextReaderTest, NoMeasureLinesIsAnError) {
    for (const std::string_view text : {std::string_view{""}, std::string_view{"Composer: Bach\nTitle: x\n"}}) {
        const auto read = readRomanText(text, "empty.rntxt");
        ASSERT_FALSE(read.ok());
        EXPECT_EQ(read.error().code, core::ErrorCode::ParseError);
        EXPECT_EQ(read.error().where.file, "empty.rntxt");
    }
}

TEST(RomanTextReaderTest, AnAnalysisRoundTripsThroughUmf) {
    const auto score = analysis(
        "Composer: C\nTitle: T\nAnalyst: A\nTime Signature: 6/8\nForm: A\nm0 b2 g;: V\nNote: n\nm1 ||: i b1.67 iv6 "
        "b2 V7 :||\nm2a VI\nm2b Bb: I\nm3var1 IV\nm4-5 = m1-2\n");
    const auto back = score::readUmf(score::writeUmf(score, score::UmfStyle::Compact), "back.umf.json");
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(*back, score);
}

TEST(RomanTextReaderTest, RntxtByNameTxtOnlyByContent) {
    EXPECT_EQ(formatFromPath("analysis.rntxt"), ScoreFormat::RomanText);
    EXPECT_EQ(formatFromPath("Analysis.RNTXT"), ScoreFormat::RomanText);
    EXPECT_EQ(formatFromPath("analysis.txt"), std::nullopt);
    EXPECT_EQ(formatName(ScoreFormat::RomanText), "romantext");
    EXPECT_EQ(formatFromName("romantext"), ScoreFormat::RomanText);
    EXPECT_FALSE(canWrite(ScoreFormat::RomanText));

    EXPECT_EQ(sniffFormat("Composer: Bach\nTitle: x\n\nm1 C: I\n"), ScoreFormat::RomanText);
    EXPECT_EQ(sniffFormat("m1 C: I b3 V\n"), ScoreFormat::RomanText);
    EXPECT_EQ(sniffFormat("xComposer: Bach\nBWV:\nTitle: x\n4. Mayenlied\nm1 C: I\n"), ScoreFormat::RomanText);
    EXPECT_EQ(sniffFormat("Composer: Bach\nTitle: x\n"), std::nullopt);        // no measure line
    EXPECT_EQ(sniffFormat("Shopping: eggs\nm1lk\nm2 bread\n"), std::nullopt);  // no RomanText field
    EXPECT_EQ(sniffFormat("Dear diary,\nm1 was fun\n"), std::nullopt);

    const auto read = readScoreBytes("Title: T\nm1 C: I\n", "analysis.txt");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read->format, ScoreFormat::RomanText);
    EXPECT_EQ(read->imported.scores.at(0).layers.analysis.numerals.size(), 1U);
    const auto notes = readScoreBytes("Dear diary,\nm1 was fun\n", "notes.txt");
    ASSERT_FALSE(notes.ok());
    EXPECT_EQ(notes.error().code, core::ErrorCode::Unsupported);
    const auto written = encodeScore(read->imported.scores.at(0), ScoreFormat::RomanText);
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code, core::ErrorCode::Unsupported);
}

}  // namespace
}  // namespace mos::formats
