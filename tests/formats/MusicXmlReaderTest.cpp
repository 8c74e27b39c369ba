// readMusicXml on small hand-written documents, one feature each, checking the exact values the
// score gets.

#include "mos/formats/MusicXmlReader.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <zip.h>

namespace mos::formats {
namespace {

using core::Rational;
using score::NavigationKind;

// A partwise document with one part P1 whose <measure> elements are `measures`.
std::string partwise(const std::string& measures, const std::string& scorePartExtra = "",
                     const std::string& header = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<score-partwise version=\"4.0\">" +
           header + "<part-list><score-part id=\"P1\"><part-name>Music</part-name>" + scorePartExtra +
           "</score-part></part-list>\n<part id=\"P1\">" + measures + "</part></score-partwise>\n";
}

std::string note(const std::string& step, int octave, int duration, const std::string& extra = "") {
    return "<note><pitch><step>" + step + "</step><octave>" + std::to_string(octave) + "</octave></pitch><duration>" +
           std::to_string(duration) + "</duration>" + extra + "</note>";
}

const std::string kFourFour =
    "<attributes><divisions>1</divisions><key><fifths>0</fifths></key><time><beats>4</beats><beat-type>4</beat-type>"
    "</time><clef><sign>G</sign><line>2</line></clef></attributes>";

score::Score read(const std::string& xml) {
    auto result = readMusicXml(xml, "test.musicxml");
    EXPECT_TRUE(result.ok()) << result.error().describe();
    if (!result.ok()) return {};
    EXPECT_EQ(result->scores.size(), 1U);
    return std::move(result->scores.front());
}

core::Error readError(const std::string& xml) {
    auto result = readMusicXml(xml, "bad.musicxml");
    EXPECT_FALSE(result.ok());
    return result.ok() ? core::Error{} : result.error();
}

const score::Note& onlyNote(const score::Event& event) {
    EXPECT_EQ(event.notes.size(), 1U);
    return event.notes.front();
}

TEST(MusicXmlReaderTest, DurationsFollowDivisionsAndTheirChanges) {
    const auto score = read(partwise(
        "<measure number=\"1\"><attributes><divisions>2</divisions><time><beats>2</beats><beat-type>4</beat-type>"
        "</time></attributes>" +
        note("C", 4, 1) + "<attributes><divisions>8</divisions></attributes>" + note("D", 4, 2) + note("E", 4, 4) +
        "</measure><measure number=\"2\">" + note("F", 4, 16) + "</measure>"));
    const auto& events = score.parts.at(0).events;
    ASSERT_EQ(events.size(), 4U);
    EXPECT_EQ(events[0].duration, Rational(1, 8));
    EXPECT_EQ(events[1].offset, Rational(1, 8));
    EXPECT_EQ(events[1].duration, Rational(1, 16));
    EXPECT_EQ(events[2].offset, Rational(3, 16));
    EXPECT_EQ(events[2].duration, Rational(1, 8));
    EXPECT_EQ(events[3].measure, 1U);
    EXPECT_EQ(events[3].duration, Rational(1, 2));
    EXPECT_EQ(onlyNote(events[3]).pitch.toString(), "F4");
    ASSERT_EQ(score.timeline.measures.size(), 2U);
    EXPECT_EQ(score.timeline.measures[0].duration, Rational(5, 16));
    EXPECT_EQ(score.timeline.measures[1].duration, Rational(1, 2));
}

TEST(MusicXmlReaderTest, BackupAndForwardPlaceVoicesAndStaves) {
    const auto score =
        read(partwise("<measure number=\"1\">" + kFourFour + "<attributes><staves>2</staves></attributes>" +
                      note("C", 5, 4, "<voice>1</voice><staff>1</staff>") + "<backup><duration>4</duration></backup>" +
                      "<forward><duration>2</duration><voice>2</voice><staff>2</staff></forward>" +
                      note("C", 3, 2, "<voice>2</voice><staff>2</staff>") + "</measure>"));
    const auto& part = score.parts.at(0);
    EXPECT_EQ(part.staves, 2);
    ASSERT_EQ(part.events.size(), 3U);
    // Sorted by offset: the whole note and the invisible rest at 0, then voice 2's note.
    EXPECT_EQ(part.events[0].voice, 1);
    EXPECT_EQ(part.events[0].duration, Rational(1));
    EXPECT_TRUE(part.events[1].isRest());
    EXPECT_TRUE(part.events[1].invisible);
    EXPECT_EQ(part.events[1].voice, 2);
    EXPECT_EQ(part.events[1].staff, 2);
    EXPECT_EQ(part.events[1].duration, Rational(1, 2));
    EXPECT_EQ(part.events[2].offset, Rational(1, 2));
    EXPECT_EQ(part.events[2].staff, 2);
    EXPECT_EQ(onlyNote(part.events[2]).pitch.toString(), "C3");
    EXPECT_EQ(score.timeline.measures[0].duration, Rational(1));
}

TEST(MusicXmlReaderTest, ChordNotesShareOneEvent) {
    const auto score =
        read(partwise("<measure number=\"1\">" + kFourFour + note("C", 4, 2) + note("E", 4, 2, "<chord/>") +
                      note("G", 4, 2, "<chord/>") + note("A", 4, 2) + "</measure>"));
    const auto& events = score.parts.at(0).events;
    ASSERT_EQ(events.size(), 2U);
    ASSERT_EQ(events[0].notes.size(), 3U);
    EXPECT_EQ(events[0].notes[1].pitch.toString(), "E4");
    EXPECT_EQ(events[0].notes[2].pitch.toString(), "G4");
    EXPECT_EQ(events[1].offset, Rational(1, 2));
    EXPECT_NE(events[0].notes[0].id, events[0].notes[1].id);
    EXPECT_NE(events[0].id, events[1].id);
}

TEST(MusicXmlReaderTest, TiesComeFromTieAndTiedAndBrokenTiesAreHarmless) {
    const auto score = read(
        partwise("<measure number=\"1\">" + kFourFour + note("C", 4, 2, "<tie type=\"start\"/>") +
                 note("C", 4, 2, "<tie type=\"stop\"/><notations><tied type=\"start\"/></notations>") + "</measure>" +
                 "<measure number=\"2\">" + note("C", 4, 2, "<notations><tied type=\"stop\"/></notations>") +
                 // A tie stop with no start and a tie to a different pitch: kept as written, never a failure.
                 note("E", 4, 1, "<tie type=\"stop\"/>") +
                 note("F", 4, 1, "<tie type=\"start\"/><tie type=\"bogus\"/>") + "</measure>"));
    const auto& events = score.parts.at(0).events;
    ASSERT_EQ(events.size(), 5U);
    EXPECT_TRUE(onlyNote(events[0]).tieStart);
    EXPECT_FALSE(onlyNote(events[0]).tieStop);
    EXPECT_TRUE(onlyNote(events[1]).tieStart);
    EXPECT_TRUE(onlyNote(events[1]).tieStop);
    EXPECT_TRUE(onlyNote(events[2]).tieStop);
    EXPECT_FALSE(onlyNote(events[2]).tieStart);
    EXPECT_TRUE(onlyNote(events[3]).tieStop);
    EXPECT_TRUE(onlyNote(events[4]).tieStart);
}

TEST(MusicXmlReaderTest, NestedTupletsGiveExactDurationsAndBrackets) {
    // A quarter-note triplet whose last beat holds an eighth-note triplet (9:4 overall).
    const std::string triplet =
        "<time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes>"
        "</time-modification>";
    const std::string nested =
        "<time-modification><actual-notes>9</actual-notes><normal-notes>4</normal-notes>"
        "</time-modification>";
    const auto score = read(partwise(
        "<measure number=\"1\"><attributes><divisions>18</divisions><time><beats>2</beats><beat-type>4</beat-type>"
        "</time></attributes>" +
        note("C", 5, 12, triplet + "<notations><tuplet type=\"start\" number=\"1\"/></notations>") +
        note("B", 4, 12, triplet) +
        note("A", 4, 4, nested + "<notations><tuplet type=\"start\" number=\"2\"/></notations>") +
        note("G", 4, 4, nested) +
        note("F", 4, 4,
             nested +
                 "<notations><tuplet type=\"stop\" number=\"2\"/><tuplet type=\"stop\" number=\"1\"/></notations>") +
        note("E", 4, 12) + "</measure>"));
    const auto& events = score.parts.at(0).events;
    ASSERT_EQ(events.size(), 6U);
    EXPECT_EQ(events[0].duration, Rational(1, 6));
    EXPECT_EQ(events[2].duration, Rational(1, 18));
    EXPECT_EQ(events[4].offset, Rational(4, 9));
    EXPECT_EQ(events[5].offset, Rational(1, 2));
    EXPECT_EQ(events[0].tuplets, (std::vector<score::Tuplet>{{3, 2, true, false}}));
    EXPECT_EQ(events[1].tuplets, (std::vector<score::Tuplet>{{3, 2, false, false}}));
    EXPECT_EQ(events[2].tuplets, (std::vector<score::Tuplet>{{3, 2, false, false}, {3, 2, true, false}}));
    EXPECT_EQ(events[3].tuplets, (std::vector<score::Tuplet>{{3, 2, false, false}, {3, 2, false, false}}));
    EXPECT_EQ(events[4].tuplets, (std::vector<score::Tuplet>{{3, 2, false, true}, {3, 2, false, true}}));
    EXPECT_TRUE(events[5].tuplets.empty());
}

TEST(MusicXmlReaderTest, TupletWithoutBracketKeepsItsRatio) {
    const auto score = read(partwise(
        "<measure number=\"1\">" + kFourFour +
        note("C", 4, 1,
             "<time-modification><actual-notes>5</actual-notes><normal-notes>4</normal-notes></time-modification>") +
        "</measure>"));
    EXPECT_EQ(score.parts.at(0).events.at(0).tuplets, (std::vector<score::Tuplet>{{5, 4, false, false}}));
}

TEST(MusicXmlReaderTest, GraceNotesTakeNoTimeAndCueNotesAreFlagged) {
    const auto score = read(
        partwise("<measure number=\"1\">" + kFourFour +
                 "<note><grace slash=\"yes\"/><pitch><step>D</step><octave>5</octave></pitch><type>eighth</type></note>"
                 "<note><grace/><pitch><step>E</step><octave>5</octave></pitch><type>16th</type><dot/></note>" +
                 note("C", 5, 2) + note("G", 4, 2, "<cue/>") + "</measure>"));
    const auto& events = score.parts.at(0).events;
    ASSERT_EQ(events.size(), 4U);
    ASSERT_TRUE(events[0].grace);
    EXPECT_TRUE(events[0].grace->slash);
    EXPECT_EQ(events[0].grace->value, Rational(1, 8));
    EXPECT_EQ(events[0].duration, Rational{});
    ASSERT_TRUE(events[1].grace);
    EXPECT_FALSE(events[1].grace->slash);
    EXPECT_EQ(events[1].grace->value, Rational(3, 32));
    EXPECT_EQ(events[2].offset, Rational{});
    EXPECT_FALSE(events[2].grace);
    EXPECT_TRUE(events[3].cue);
    EXPECT_EQ(events[3].offset, Rational(1, 2));
}

TEST(MusicXmlReaderTest, ATimeSignatureInsideAMeasureTakesEffectAtTheNextBarline) {
    // 4/4, then a 3/4 written after the first half note of measure 1: UMF changes meter at
    // barlines, so measure 1 stays in 4/4 and measure 2 is in 3/4, with a warning that says so.
    const std::string xml = partwise("<measure number=\"1\">" + kFourFour + note("C", 4, 2) +
                                     "<attributes><time><beats>3</beats><beat-type>4</beat-type></time></attributes>" +
                                     note("D", 4, 2) + "</measure><measure number=\"2\">" + note("E", 4, 3) +
                                     "</measure><measure number=\"3\">" + note("F", 4, 3) + "</measure>");
    auto result = readMusicXml(xml, "test.musicxml");
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const auto& measures = result->scores.front().timeline.measures;
    ASSERT_EQ(measures.size(), 3U);
    ASSERT_TRUE(measures[0].time);
    EXPECT_EQ(measures[0].time->numerator, 4);
    ASSERT_TRUE(measures[1].time);
    EXPECT_EQ(measures[1].time->numerator, 3);
    EXPECT_EQ(measures[1].time->denominator, 4);
    EXPECT_FALSE(measures[2].time);  // no change there
    ASSERT_EQ(result->warnings.size(), 1U);
    EXPECT_NE(result->warnings[0].describe().find("takes effect at the next barline"), std::string::npos)
        << result->warnings[0].describe();
}

TEST(MusicXmlReaderTest, KeyTimeAndClefChangesMidMeasure) {
    const auto score = read(partwise(
        "<measure number=\"1\"><attributes><divisions>1</divisions><key><fifths>-3</fifths><mode>minor</mode></key>"
        "<time symbol=\"common\"><beats>4</beats><beat-type>4</beat-type></time><clef><sign>F</sign><line>4</line>"
        "</clef></attributes>" +
        note("C", 3, 2) +
        "<attributes><key><fifths>2</fifths></key><clef><sign>G</sign><line>2</line><clef-octave-change>-1"
        "</clef-octave-change></clef></attributes>" +
        note("D", 3, 2) +
        "</measure><measure number=\"2\"><attributes><time><beats>3+2</beats><beat-type>8</beat-type>" +
        "</time></attributes>" + note("E", 3, 2) + "<note><rest/><duration>1</duration></note></measure>"));
    const auto& measures = score.timeline.measures;
    ASSERT_EQ(measures.size(), 2U);
    ASSERT_TRUE(measures[0].time);
    EXPECT_EQ(measures[0].time->numerator, 4);
    EXPECT_EQ(measures[0].time->symbol, score::TimeSignature::Symbol::Common);
    ASSERT_EQ(measures[0].keys.size(), 2U);
    EXPECT_EQ(measures[0].keys[0].key.fifths, -3);
    EXPECT_EQ(measures[0].keys[0].key.mode, score::Mode::Minor);
    EXPECT_EQ(measures[0].keys[1].offset, Rational(1, 2));
    EXPECT_EQ(measures[0].keys[1].key.fifths, 2);
    ASSERT_TRUE(measures[1].time);
    EXPECT_EQ(measures[1].time->numerator, 5);
    EXPECT_EQ(measures[1].time->denominator, 8);
    EXPECT_EQ(measures[1].duration, Rational(3, 4));  // as long as its notes, whatever the meter says
    const auto& clefs = score.layers.notation.clefs;
    ASSERT_EQ(clefs.size(), 2U);
    EXPECT_EQ(clefs[0].sign, score::Clef::Sign::F);
    EXPECT_EQ(clefs[0].line, 4);
    EXPECT_EQ(clefs[1].at, (score::ScorePosition{0, Rational(1, 2)}));
    EXPECT_EQ(clefs[1].sign, score::Clef::Sign::G);
    EXPECT_EQ(clefs[1].octaveChange, -1);
    EXPECT_EQ(clefs[1].partId, "P1");
}

TEST(MusicXmlReaderTest, TransposingPartKeepsWrittenPitchesAndConcertKeys) {
    const auto score = read(partwise(
        "<measure number=\"1\"><attributes><divisions>1</divisions><key><fifths>2</fifths></key><time><beats>4</beats>"
        "<beat-type>4</beat-type></time><transpose><diatonic>-1</diatonic><chromatic>-2</chromatic></transpose>"
        "</attributes>" +
        note("D", 5, 4) + "</measure>"));
    const auto& part = score.parts.at(0);
    EXPECT_EQ(part.transposition, (score::Transposition{-1, -2, 0}));
    EXPECT_EQ(onlyNote(part.events.at(0)).pitch.toString(), "D5");
    EXPECT_EQ(score.timeline.measures.at(0).keys.at(0).key.fifths, 0);  // a B-flat clarinet in D reads C
}

TEST(MusicXmlReaderTest, RepeatsAndEndings) {
    const auto measure = [](int number, const std::string& barlines) {
        return "<measure number=\"" + std::to_string(number) + "\">" + (number == 1 ? kFourFour : "") + barlines +
               note("C", 4, 4) + "</measure>";
    };
    const auto score = read(partwise(
        measure(1,
                "<barline location=\"left\"><bar-style>heavy-light</bar-style><repeat direction=\"forward\"/>"
                "</barline>") +
        measure(2, "<barline location=\"left\"><ending number=\"1, 2\" type=\"start\">1.-2.</ending></barline>") +
        measure(3,
                "<barline location=\"right\"><bar-style>light-heavy</bar-style><ending number=\"1, 2\" "
                "type=\"stop\"/><repeat direction=\"backward\" times=\"3\"/></barline>") +
        measure(4,
                "<barline location=\"left\"><ending number=\"3\" type=\"start\"/></barline><barline "
                "location=\"right\"><ending number=\"3\" type=\"discontinue\"/></barline>")));
    const auto& measures = score.timeline.measures;
    ASSERT_EQ(measures.size(), 4U);
    EXPECT_TRUE(measures[0].repeatStart);
    EXPECT_EQ(measures[2].repeatEnd, 3);
    EXPECT_EQ(measures[2].barline, "light-heavy");
    EXPECT_TRUE(measures[0].barline.empty());  // a left barline does not style the measure's end
    ASSERT_EQ(score.timeline.endings.size(), 2U);
    EXPECT_EQ(score.timeline.endings[0], (score::Ending{1, 2, {1, 2}, "1.-2.", false}));
    EXPECT_EQ(score.timeline.endings[1], (score::Ending{3, 3, {3}, "", true}));

    // A second bracket starting in the measure where one began closes that one there.
    const auto twice = read(partwise(measure(1,
                                             "<barline location=\"left\"><ending number=\"1\" type=\"start\"/>"
                                             "</barline><barline><ending number=\"2\" type=\"start\"/></barline>")));
    ASSERT_EQ(twice.timeline.endings.size(), 2U);
    EXPECT_EQ(twice.timeline.endings[0], (score::Ending{0, 0, {1}, "", true}));
    EXPECT_EQ(twice.timeline.endings[1], (score::Ending{0, 0, {2}, "", true}));
}

TEST(MusicXmlReaderTest, NavigationFromSignsSoundsAndWords) {
    const auto score = read(partwise(
        "<measure number=\"1\">" + kFourFour +
        "<direction placement=\"above\"><direction-type><segno/></direction-type><sound segno=\"s\"/></direction>" +
        note("C", 4, 4) + "</measure><measure number=\"2\">" + note("C", 4, 2) +
        "<direction><direction-type><words>To Coda</words></direction-type><sound tocoda=\"c\"/></direction>" +
        note("D", 4, 2) +
        "<direction><direction-type><words>D.S. al Coda</words></direction-type><sound dalsegno=\"s\"/></direction>"
        "</measure><measure number=\"3\"><direction><direction-type><coda/></direction-type></direction>" +
        note("E", 4, 2) + "<direction><direction-type><words>Fine</words></direction-type></direction>" +
        "<sound dacapo=\"yes\"/>" + note("F", 4, 2) + "</measure>"));
    const auto& measures = score.timeline.measures;
    ASSERT_EQ(measures.size(), 3U);
    EXPECT_EQ(measures[0].navigation, (std::vector<score::Navigation>{{NavigationKind::Segno, {}, ""}}));
    EXPECT_EQ(measures[1].navigation,
              (std::vector<score::Navigation>{{NavigationKind::ToCoda, Rational(1, 2), "To Coda"},
                                              {NavigationKind::DalSegnoAlCoda, Rational(1), "D.S. al Coda"}}));
    EXPECT_EQ(measures[2].navigation, (std::vector<score::Navigation>{{NavigationKind::Coda, {}, ""},
                                                                      {NavigationKind::Fine, Rational(1, 2), "Fine"},
                                                                      {NavigationKind::DaCapo, Rational(1, 2), ""}}));
    EXPECT_TRUE(score.layers.notation.texts.empty());  // jumps are navigation, not text
}

TEST(MusicXmlReaderTest, PickupMeasuresAndNumberLabels) {
    const auto score = read(partwise("<measure number=\"0\" implicit=\"yes\">" + kFourFour + note("G", 4, 1) +
                                     "</measure><measure number=\"1\">" + note("C", 5, 4) +
                                     "</measure><measure number=\"2a\">" + note("C", 5, 4) + "</measure>"));
    const auto& measures = score.timeline.measures;
    ASSERT_EQ(measures.size(), 3U);
    EXPECT_TRUE(measures[0].pickup);
    EXPECT_EQ(measures[0].number, "0");
    EXPECT_EQ(measures[0].duration, Rational(1, 4));
    EXPECT_FALSE(measures[1].pickup);
    EXPECT_EQ(measures[1].duration, Rational(1));
    EXPECT_EQ(measures[2].number, "2a");

    // An opening measure shorter than its meter is a pickup even without implicit="yes".
    const auto short_ = read(partwise("<measure number=\"1\">" + kFourFour + note("G", 4, 2) + "</measure>"));
    EXPECT_TRUE(short_.timeline.measures.at(0).pickup);
    EXPECT_EQ(short_.timeline.measures.at(0).duration, Rational(1, 2));
}

TEST(MusicXmlReaderTest, HarmonyBecomesChordSymbols) {
    const auto score = read(partwise(
        "<measure number=\"1\">" + kFourFour +
        "<harmony><root><root-step>B</root-step><root-alter>-1</root-alter></root><kind text=\"m7\">minor-seventh"
        "</kind><bass><bass-step>A</bass-step><bass-alter>-1</bass-alter></bass></harmony>" +
        note("C", 4, 2) +
        "<harmony><root><root-step>G</root-step></root><kind>dominant</kind><degree><degree-value>9</degree-value>"
        "<degree-alter>-1</degree-alter><degree-type>add</degree-type></degree><offset>1</offset></harmony>"
        "<harmony><kind>none</kind></harmony>" +
        note("C", 4, 2) + "</measure>"));
    const auto& chords = score.layers.chords;
    ASSERT_EQ(chords.size(), 3U);
    EXPECT_EQ(chords[0].text, "Bbm7/Ab");
    EXPECT_EQ(chords[0].root, (score::PitchName{score::Step::B, -1}));
    EXPECT_EQ(chords[0].kind, "minor-seventh");
    EXPECT_EQ(chords[0].bass, (score::PitchName{score::Step::A, -1}));
    EXPECT_EQ(chords[0].partId, "P1");
    EXPECT_EQ(chords[0].at, (score::ScorePosition{0, Rational{}}));
    // In time order: the no-chord at the second note comes before G7b9, which its <offset> moves later.
    EXPECT_EQ(chords[1].at, (score::ScorePosition{0, Rational(1, 2)}));
    EXPECT_TRUE(chords[1].noChord);
    EXPECT_EQ(chords[1].text, "N.C.");
    EXPECT_EQ(chords[2].at, (score::ScorePosition{0, Rational(3, 4)}));
    EXPECT_EQ(chords[2].text, "G7b9");
    EXPECT_EQ(chords[2].kind, "dominant");
    EXPECT_EQ(chords[2].degrees, (std::vector<score::ChordDegree>{{9, -1, score::ChordDegree::Type::Add}}));
}

TEST(MusicXmlReaderTest, AHarmonyWithOnlyAFunctionIsARomanNumeralNotAChord) {
    // MusicXML 3 writes Roman numerals as <function> text with kind none (the When-in-Rome scores).
    const auto score = read(partwise("<measure number=\"1\">" + kFourFour +
                                     "<harmony><function>V7</function><kind text=\"\">none</kind></harmony>" +
                                     note("C", 4, 4) + "</measure>"));
    EXPECT_TRUE(score.layers.chords.empty());
    ASSERT_EQ(score.layers.analysis.numerals.size(), 1U);
    EXPECT_EQ(score.layers.analysis.numerals[0].numeral, "V7");
    EXPECT_EQ(score.layers.analysis.numerals[0].at, (score::ScorePosition{0, Rational{}}));
}

TEST(MusicXmlReaderTest, LyricsKeepVersesSyllablesAndExtensions) {
    const auto score = read(partwise(
        "<measure number=\"1\">" + kFourFour +
        note("C", 4, 1,
             "<lyric number=\"1\"><syllabic>begin</syllabic><text>Hal</text></lyric>"
             "<lyric number=\"2\"><syllabic>single</syllabic><text>Sing</text><extend/></lyric>"
             "<lyric number=\"chorus\"><text>La</text></lyric>") +
        note("D", 4, 1, "<lyric number=\"1\"><syllabic>end</syllabic><text>lo</text><elision/><text>a</text></lyric>") +
        note("E", 4, 2, "<lyric number=\"2\"><extend type=\"stop\"/></lyric>") + "</measure>"));
    const auto& lyrics = score.layers.lyrics;
    ASSERT_EQ(lyrics.size(), 4U);
    const auto& events = score.parts.at(0).events;
    EXPECT_EQ(lyrics[0], (score::LyricSyllable{events[0].id, 1, "Hal", score::LyricSyllable::Syllabic::Begin, false}));
    EXPECT_EQ(lyrics[1], (score::LyricSyllable{events[0].id, 2, "Sing", score::LyricSyllable::Syllabic::Single, true}));
    EXPECT_EQ(lyrics[2].verse, 3);  // a named line follows the numbered verses
    EXPECT_EQ(lyrics[3].text, "lo\u203Fa");
    EXPECT_EQ(lyrics[3].syllabic, score::LyricSyllable::Syllabic::End);
    EXPECT_EQ(lyrics[3].event, events[1].id);
}

TEST(MusicXmlReaderTest, TablatureTuningCapoAndTechniques) {
    const std::string tuning =
        "<staff-details><staff-lines>6</staff-lines>"
        "<staff-tuning line=\"1\"><tuning-step>E</tuning-step><tuning-octave>2</tuning-octave></staff-tuning>"
        "<staff-tuning line=\"2\"><tuning-step>A</tuning-step><tuning-octave>2</tuning-octave></staff-tuning>"
        "<staff-tuning line=\"3\"><tuning-step>D</tuning-step><tuning-octave>3</tuning-octave></staff-tuning>"
        "<staff-tuning line=\"4\"><tuning-step>G</tuning-step><tuning-octave>3</tuning-octave></staff-tuning>"
        "<staff-tuning line=\"5\"><tuning-step>B</tuning-step><tuning-octave>3</tuning-octave></staff-tuning>"
        "<staff-tuning line=\"6\"><tuning-step>E</tuning-step><tuning-octave>4</tuning-octave></staff-tuning>"
        "<capo>2</capo></staff-details>";
    const auto score = read(partwise(
        "<measure number=\"1\"><attributes><divisions>1</divisions><time><beats>4</beats><beat-type>4</beat-type>"
        "</time><clef><sign>TAB</sign></clef>" +
            tuning + "</attributes>" +
            note("A", 3, 1,
                 "<notations><technical><string>3</string><fret>5</fret><hammer-on type=\"start\">H</hammer-on>"
                 "</technical></notations>") +
            note("B", 3, 1,
                 "<notations><technical><string>3</string><fret>7</fret><bend><bend-alter>2</bend-alter></bend>"
                 "</technical><slide type=\"start\"/></notations>") +
            note("E", 5, 1,
                 "<notations><technical><string>1</string><fret>12</fret><harmonic><natural/></harmonic></technical>"
                 "<ornaments><wavy-line type=\"start\"/></ornaments></notations>") +
            note("D", 4, 1,
                 "<notations><technical><string>2</string><pull-off type=\"start\"/></technical></notations>") +
            "</measure>",
        "<midi-instrument id=\"P1-I1\"><midi-channel>1</midi-channel><midi-program>26</midi-program>"
        "</midi-instrument>"));
    const auto& part = score.parts.at(0);
    ASSERT_EQ(part.tuning.size(), 6U);
    EXPECT_EQ(part.tuning.front().toString(), "E4");
    EXPECT_EQ(part.tuning.back().toString(), "E2");
    EXPECT_EQ(part.capo, 2);
    EXPECT_EQ(part.instrument.gmProgram, 25);
    EXPECT_EQ(score.layers.notation.clefs.at(0).sign, score::Clef::Sign::Tab);
    const auto& tab = score.layers.tablature;
    ASSERT_EQ(tab.size(), 4U);
    EXPECT_EQ(tab[0].note, part.events[0].notes[0].id);
    EXPECT_EQ(tab[0].string, 3);
    EXPECT_EQ(tab[0].fret, 5);
    EXPECT_TRUE(tab[0].hammerOn);
    EXPECT_EQ(tab[1].bend, (std::vector<score::BendPoint>{{Rational{}, 0}, {Rational{1}, 200}}));
    EXPECT_EQ(tab[1].slide, score::Slide::Shift);
    EXPECT_EQ(tab[2].harmonic, score::Harmonic::Natural);
    EXPECT_TRUE(tab[2].vibrato);
    // A string number alone: D4 on the B string, whose open pitch a capo at 2 raises to C#4, is fret 1.
    EXPECT_EQ(tab[3].fret, 1);
    EXPECT_EQ(tab[3].string, 2);
    EXPECT_TRUE(tab[3].pullOff);
}

TEST(MusicXmlReaderTest, FingeringIsPerNote) {
    const auto score =
        read(partwise("<measure number=\"1\">" + kFourFour +
                      note("C", 4, 4, "<notations><technical><fingering>1</fingering></technical></notations>") +
                      note("E", 4, 4,
                           "<chord/><notations><technical><fingering>3</fingering><fingering>4</fingering>"
                           "</technical></notations>") +
                      "</measure>"));
    const auto& notes = score.parts.at(0).events.at(0).notes;
    ASSERT_EQ(notes.size(), 2U);
    const std::vector<score::Fingering> expected{{notes[0].id, "1"}, {notes[1].id, "3"}, {notes[1].id, "4"}};
    EXPECT_EQ(score.layers.fingering, expected);
}

TEST(MusicXmlReaderTest, DynamicsAndTempoMarksAreExact) {
    const auto score = read(partwise(
        "<measure number=\"1\">" + kFourFour +
        "<direction placement=\"below\"><direction-type><dynamics><mf/></dynamics></direction-type>"
        "<sound dynamics=\"88.89\"/></direction>"
        "<direction><direction-type><words>Allegro</words></direction-type><direction-type><metronome>"
        "<beat-unit>quarter</beat-unit><beat-unit-dot/><per-minute>92.5</per-minute></metronome></direction-type>"
        "<sound tempo=\"138.75\"/></direction>" +
        note("C", 4, 2) + "<sound tempo=\"60\"/>" +
        note("C", 4, 2, "<notations><dynamics><sfz/></dynamics></notations>") + "</measure>"));
    const auto& part = score.parts.at(0);
    ASSERT_EQ(part.dynamics.size(), 2U);
    EXPECT_EQ(part.dynamics[0], (score::DynamicMark{{0, Rational{}}, 1, "mf", 80}));
    EXPECT_EQ(part.dynamics[1], (score::DynamicMark{{0, Rational(1, 2)}, 1, "sfz", 0}));
    const auto& tempos = score.timeline.measures.at(0).tempos;
    ASSERT_EQ(tempos.size(), 2U);
    EXPECT_EQ(tempos[0].beatUnit, Rational(3, 8));
    EXPECT_EQ(tempos[0].beatsPerMinute, Rational(185, 2));
    EXPECT_EQ(tempos[0].quarterBpm(), Rational(555, 4));
    EXPECT_EQ(tempos[0].text, "Allegro");
    EXPECT_EQ(tempos[1], (score::TempoMark{Rational(1, 2), Rational(1, 4), Rational(60), ""}));
    EXPECT_TRUE(score.layers.notation.texts.empty());  // the tempo words belong to the tempo
}

TEST(MusicXmlReaderTest, RehearsalWordsWedgesSlursBeamsStemsAndArticulations) {
    const auto score = read(
        partwise("<measure number=\"1\">" + kFourFour +
                 "<direction><direction-type><rehearsal>A</rehearsal></direction-type></direction>"
                 "<direction placement=\"below\"><direction-type><words>dolce</words></direction-type><staff>1</staff>"
                 "</direction><direction><direction-type><wedge type=\"crescendo\"/></direction-type></direction>" +
                 note("C", 4, 1,
                      "<stem>up</stem><beam number=\"1\">begin</beam><notations><slur type=\"start\"/><articulations>"
                      "<staccato/><accent/></articulations></notations>") +
                 note("D", 4, 1,
                      "<stem>down</stem><beam number=\"1\">end</beam><notations><fermata/><ornaments><trill-mark/>"
                      "</ornaments></notations>") +
                 "<direction><direction-type><wedge type=\"stop\"/></direction-type></direction>" +
                 note("E", 4, 2, "<notations><slur type=\"stop\"/><technical><up-bow/></technical></notations>") +
                 "</measure>"));
    const auto& events = score.parts.at(0).events;
    ASSERT_EQ(events.size(), 3U);
    const auto& layers = score.layers;
    EXPECT_EQ(layers.markers, (std::vector<score::Marker>{{{0, Rational{}}, score::Marker::Kind::Rehearsal, "A"}}));
    EXPECT_EQ(layers.notation.texts, (std::vector<score::TextMark>{{"P1", 1, {0, Rational{}}, "dolce", false}}));
    EXPECT_EQ(layers.notation.hairpins,
              (std::vector<score::Hairpin>{{"P1", 1, {0, Rational{}}, {0, Rational(1, 2)}, true}}));
    EXPECT_EQ(layers.notation.slurs, (std::vector<score::Slur>{{"P1", events[0].id, events[2].id}}));
    EXPECT_EQ(layers.notation.beams, (std::vector<score::Beam>{{"P1", {events[0].id, events[1].id}}}));
    EXPECT_EQ(layers.notation.stems, (std::vector<score::Stem>{{events[0].id, score::Stem::Direction::Up},
                                                               {events[1].id, score::Stem::Direction::Down}}));
    EXPECT_EQ(events[0].articulations,
              (std::vector<score::Articulation>{score::Articulation::Staccato, score::Articulation::Accent}));
    EXPECT_EQ(events[1].articulations,
              (std::vector<score::Articulation>{score::Articulation::Fermata, score::Articulation::Trill}));
    EXPECT_EQ(events[2].articulations, (std::vector<score::Articulation>{score::Articulation::UpBow}));
}

TEST(MusicXmlReaderTest, PartListNamesInstrumentsAndMidiSettings) {
    const auto score = read(
        partwise("<measure number=\"1\">" + kFourFour + note("C", 4, 4) + "</measure>",
                 "<part-abbreviation>Vln.</part-abbreviation><score-instrument id=\"P1-I1\"><instrument-name>Violin"
                 "</instrument-name></score-instrument><midi-instrument id=\"P1-I1\"><midi-channel>3</midi-channel>"
                 "<midi-program>41</midi-program></midi-instrument>"));
    const auto& part = score.parts.at(0);
    EXPECT_EQ(part.id, "P1");
    EXPECT_EQ(part.name, "Music");
    EXPECT_EQ(part.abbreviation, "Vln.");
    EXPECT_EQ(part.instrument.name, "Violin");
    EXPECT_EQ(part.instrument.gmProgram, 40);  // MusicXML counts programs from 1
    EXPECT_EQ(part.instrument.midiChannel, std::uint8_t{3});
    EXPECT_FALSE(part.instrument.percussion);
}

TEST(MusicXmlReaderTest, UnpitchedPercussionGetsDrumKeys) {
    const auto score = read(partwise(
        "<measure number=\"1\"><attributes><divisions>1</divisions><time><beats>4</beats><beat-type>4</beat-type>"
        "</time><clef><sign>percussion</sign></clef></attributes>"
        "<note><unpitched><display-step>F</display-step><display-octave>4</display-octave></unpitched>"
        "<duration>2</duration><instrument id=\"P1-I36\"/></note>"
        "<note><unpitched><display-step>G</display-step><display-octave>5</display-octave></unpitched>"
        "<duration>2</duration><instrument id=\"P1-I43\"/></note></measure>",
        "<score-instrument id=\"P1-I36\"><instrument-name>Bass Drum 1</instrument-name></score-instrument>"
        "<score-instrument id=\"P1-I43\"><instrument-name>Closed Hi-Hat</instrument-name></score-instrument>"
        "<midi-instrument id=\"P1-I36\"><midi-channel>10</midi-channel><midi-unpitched>37</midi-unpitched>"
        "</midi-instrument><midi-instrument id=\"P1-I43\"><midi-channel>10</midi-channel><midi-unpitched>43"
        "</midi-unpitched></midi-instrument>"));
    const auto& part = score.parts.at(0);
    EXPECT_TRUE(part.instrument.percussion);
    EXPECT_EQ(part.instrument.name, "Music");  // a kit of many instruments is named after its part
    ASSERT_EQ(part.events.size(), 2U);
    EXPECT_EQ(onlyNote(part.events[0]).percussionKey, 36);
    EXPECT_EQ(onlyNote(part.events[0]).pitch.toString(), "F4");
    EXPECT_EQ(onlyNote(part.events[1]).percussionKey, 42);
}

TEST(MusicXmlReaderTest, UnpitchedNotesWithoutADrumKeyAreTheDrumDrawnThere) {
    // No <midi-unpitched>: the drum-set drum drawn on that line or space with that head. A plain G5
    // is still the hi-hat, E6 is no drum's place (its pitch stands for the key), and a note without
    // a display position sits on the middle line.
    const auto drum = [](const std::string& step, int octave, const std::string& head) {
        return "<note><unpitched><display-step>" + step + "</display-step><display-octave>" + std::to_string(octave) +
               "</display-octave></unpitched><duration>1</duration>" +
               (head.empty() ? "" : "<notehead>" + head + "</notehead>") + "</note>";
    };
    const auto score = read(partwise(
        "<measure number=\"1\"><attributes><divisions>1</divisions><time><beats>9</beats><beat-type>4</beat-type>"
        "</time><clef><sign>percussion</sign></clef></attributes>" +
        drum("F", 4, "") + drum("C", 5, "") + drum("C", 5, "x") + drum("G", 5, "x") + drum("G", 5, "circle-x") +
        drum("G", 5, "") + drum("F", 5, "diamond") + drum("E", 6, "") +
        "<note><unpitched/><duration>1</duration></note></measure>"));
    std::vector<std::pair<int, std::string>> drums;
    for (const auto& event : score.parts.at(0).events) {
        drums.emplace_back(onlyNote(event).percussionKey, onlyNote(event).pitch.toString());
    }
    EXPECT_EQ(drums, (std::vector<std::pair<int, std::string>>{{36, "F4"},
                                                               {38, "C5"},
                                                               {37, "C5"},
                                                               {42, "G5"},
                                                               {46, "G5"},
                                                               {42, "G5"},
                                                               {53, "F5"},
                                                               {88, "E6"},
                                                               {45, "B4"}}));
}

TEST(MusicXmlReaderTest, QuarterToneAlterationsBecomeCents) {
    const auto score = read(partwise("<measure number=\"1\">" + kFourFour +
                                     "<note><pitch><step>E</step><alter>-0.5</alter><octave>4</octave></pitch>"
                                     "<duration>2</duration></note><note><pitch><step>F</step><alter>1.5</alter>"
                                     "<octave>4</octave></pitch><duration>2</duration></note></measure>"));
    const auto& events = score.parts.at(0).events;
    EXPECT_EQ(onlyNote(events.at(0)).pitch, (score::Pitch{score::Step::E, 0, 4, -50}));
    EXPECT_EQ(onlyNote(events.at(1)).pitch, (score::Pitch{score::Step::F, 1, 4, 50}));
}

TEST(MusicXmlReaderTest, HeaderFillsMetadata) {
    const auto score = read(partwise(
        "<measure number=\"1\">" + kFourFour + note("C", 4, 4) + "</measure>", "",
        "<work><work-title>Winterreise</work-title></work><movement-title>Gute Nacht</movement-title>"
        "<identification><creator type=\"composer\">Franz Schubert</creator><creator type=\"poet\">Wilhelm "
        "Müller</creator><creator type=\"translator\">Anon</creator><rights>Public domain</rights>"
        "<encoding><software>Hand</software><encoding-date>2024-01-02</encoding-date><supports element=\"beam\" "
        "type=\"yes\"/></encoding><source>Peters edition</source></identification>"));
    const auto& metadata = score.metadata;
    EXPECT_EQ(metadata.title, "Winterreise");
    EXPECT_EQ(metadata.subtitle, "Gute Nacht");
    EXPECT_EQ(metadata.composer, "Franz Schubert");
    EXPECT_EQ(metadata.lyricist, "Wilhelm Müller");
    EXPECT_EQ(metadata.copyright, "Public domain");
    EXPECT_EQ(metadata.source, "Peters edition");
    EXPECT_EQ(score.extensions.at("musicxml"),
              "{\"version\":\"4.0\",\"creators\":[{\"type\":\"translator\",\"name\":\"Anon\"}],"
              "\"encoding-date\":\"2024-01-02\",\"software\":[\"Hand\"]}");
}

TEST(MusicXmlReaderTest, TimewiseReadsLikePartwise) {
    const std::string partwiseXml =
        "<score-partwise><part-list><score-part id=\"A\"><part-name>a</part-name></score-part><score-part id=\"B\">"
        "<part-name>b</part-name></score-part></part-list><part id=\"A\"><measure number=\"1\">" +
        kFourFour + note("C", 4, 4) + "</measure><measure number=\"2\">" + note("D", 4, 4) +
        "</measure></part><part id=\"B\"><measure number=\"1\">" + kFourFour + note("E", 3, 2) + note("F", 3, 2) +
        "</measure><measure number=\"2\">" + note("G", 3, 4) + "</measure></part></score-partwise>";
    const std::string timewiseXml =
        "<score-timewise><part-list><score-part id=\"A\"><part-name>a</part-name></score-part><score-part id=\"B\">"
        "<part-name>b</part-name></score-part></part-list><measure number=\"1\"><part id=\"A\">" +
        kFourFour + note("C", 4, 4) + "</part><part id=\"B\">" + kFourFour + note("E", 3, 2) + note("F", 3, 2) +
        "</part></measure><measure number=\"2\"><part id=\"A\">" + note("D", 4, 4) + "</part><part id=\"B\">" +
        note("G", 3, 4) + "</part></measure></score-timewise>";
    const auto a = read(partwiseXml);
    const auto b = read(timewiseXml);
    ASSERT_EQ(a.parts.size(), 2U);
    EXPECT_EQ(a.parts[1].events.size(), 3U);
    EXPECT_EQ(a, b);
}

TEST(MusicXmlReaderTest, MeasureDurationIsTheFurthestAnyPartReaches) {
    const auto score = read(
        "<score-partwise><part-list><score-part id=\"A\"/><score-part id=\"B\"/></part-list><part id=\"A\">"
        "<measure number=\"1\">" +
        kFourFour + note("C", 4, 3) + "</measure></part><part id=\"B\"><measure number=\"1\">" + kFourFour +
        note("C", 3, 2) + "<backup><duration>1</duration></backup><forward><duration>4</duration></forward>" +
        "</measure></part></score-partwise>");
    EXPECT_EQ(score.timeline.measures.at(0).duration, Rational(5, 4));
}

std::string utf16(const std::string& ascii, bool bigEndian) {
    std::string out = bigEndian ? std::string{"\xFE\xFF"} : std::string{"\xFF\xFE"};
    for (const char c : ascii) {
        if (bigEndian) out += '\0';
        out += c;
        if (!bigEndian) out += '\0';
    }
    return out;
}

TEST(MusicXmlReaderTest, ReadsUtf16AndUtf8WithBomAndLatin1) {
    const std::string xml = partwise("<measure number=\"1\">" + kFourFour + note("C", 4, 4) + "</measure>");
    const auto plain = read(xml);
    EXPECT_EQ(read(utf16(xml, false)), plain);
    EXPECT_EQ(read(utf16(xml, true)), plain);
    EXPECT_EQ(read("\xEF\xBB\xBF" + xml), plain);

    const std::string latin1 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><score-partwise><work><work-title>"
        "Caf\xE9</work-title></work><part-list/></score-partwise>";
    EXPECT_EQ(read(latin1).metadata.title, "Caf\xC3\xA9");
}

// A zip archive with the given entries, made with libzip.
std::string makeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_source_keep(buffer);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        zip_file_add(archive, name.c_str(), data, ZIP_FL_OVERWRITE);
    }
    zip_close(archive);
    std::string out;
    zip_stat_t stat;
    if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
        out.resize(static_cast<std::size_t>(stat.size));
        zip_source_read(buffer, out.data(), out.size());
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

TEST(MusicXmlReaderTest, ReadsCompressedMxlThroughItsContainer) {
    const std::string xml = partwise("<measure number=\"1\">" + kFourFour + note("C", 4, 4) + "</measure>");
    const std::string container =
        "<?xml version=\"1.0\"?><container><rootfiles><rootfile full-path=\"score/song.musicxml\" "
        "media-type=\"application/vnd.recordare.musicxml+xml\"/></rootfiles></container>";
    const std::string mxl = makeZip({{"META-INF/container.xml", container},
                                     {"other.xml", "<not-a-score/>"},
                                     {"score/song.musicxml", utf16(xml, false)}});
    ASSERT_TRUE(isMxlArchive(mxl));
    EXPECT_EQ(read(mxl), read(xml));

    // Without a container the only MusicXML file is the score.
    EXPECT_EQ(read(makeZip({{"song.xml", xml}})), read(xml));
    const auto missing = readError(makeZip({{"META-INF/container.xml", container}}));
    EXPECT_NE(missing.message.find("score/song.musicxml"), std::string::npos) << missing.message;
    EXPECT_EQ(readError("PK\x03\x04garbage").code, core::ErrorCode::ParseError);
}

TEST(MusicXmlReaderTest, MalformedXmlReportsLineAndColumn) {
    const auto error = readError("<score-partwise>\n  <part-list>\n  <part id=\"P1\">\n</score-partwise>");
    EXPECT_EQ(error.code, core::ErrorCode::ParseError);
    EXPECT_EQ(error.where.file, "bad.musicxml");
    ASSERT_TRUE(error.where.line);
    EXPECT_EQ(*error.where.line, 4);
    EXPECT_EQ(error.where.column, 3);
}

TEST(MusicXmlReaderTest, BadValuesReportTheirPlaceAndMeasure) {
    const auto duration = readError(partwise("<measure number=\"7b\">" + kFourFour +
                                             "\n<note><pitch><step>C</step><octave>4</octave></pitch>"
                                             "<duration>four</duration></note></measure>"));
    EXPECT_EQ(duration.code, core::ErrorCode::ParseError);
    EXPECT_EQ(duration.where.measure, "7b");
    // Line 4 of the document; column 55 is the element's name, just after its '<'.
    EXPECT_EQ(duration.where.line, 4);
    EXPECT_EQ(duration.where.column, 55);
    EXPECT_NE(duration.describe().find("bad.musicxml:4:55, measure 7b"), std::string::npos) << duration.describe();

    EXPECT_EQ(
        readError(partwise("<measure number=\"1\"><attributes><divisions>0</divisions></attributes></measure>")).code,
        core::ErrorCode::ParseError);
    EXPECT_EQ(readError(partwise("<measure number=\"1\">" + kFourFour +
                                 "<note><pitch><step>H</step><octave>4</octave></pitch><duration>1</duration></note>"
                                 "</measure>"))
                  .where.measure,
              "1");
    EXPECT_EQ(readError("<html/>").code, core::ErrorCode::ParseError);
    EXPECT_EQ(readError("").code, core::ErrorCode::ParseError);
}

TEST(MusicXmlReaderTest, ArithmeticOverflowIsAnErrorNotAHang) {
    // Divisions changing between large coprime values push the denominators of the running position
    // past 64 bits; the reader must say so instead of wrapping around or looping.
    std::string measure = "<measure number=\"1\">";
    const std::vector<int> primes{1000003, 999983, 999979, 999961, 999959, 999953, 999931, 999917};
    for (const int prime : primes) {
        measure += "<attributes><divisions>" + std::to_string(prime) + "</divisions></attributes>" + note("C", 4, 1);
    }
    const auto error = readError(partwise(measure + "</measure>"));
    EXPECT_EQ(error.code, core::ErrorCode::Overflow);
    EXPECT_EQ(error.where.measure, "1");
}

TEST(MusicXmlReaderTest, MissingTimeSignatureIsAssumedWithAWarning) {
    const auto result =
        readMusicXml(partwise("<measure number=\"1\"><attributes><divisions>1</divisions></attributes>" +
                              note("C", 4, 3) + "</measure>"),
                     "free.musicxml");
    ASSERT_TRUE(result.ok());
    const auto& measure = result->scores.front().timeline.measures.at(0);
    EXPECT_EQ(measure.time, score::TimeSignature{});
    EXPECT_EQ(measure.duration, Rational(3, 4));
    ASSERT_EQ(result->warnings.size(), 1U);
    EXPECT_NE(result->warnings[0].message.find("no time signature"), std::string::npos);
}

TEST(MusicXmlReaderTest, MarksEveryPartRepeatsCountOnceAndTheFirstPartsKeyWins) {
    const std::string measure = "<measure number=\"1\"><attributes><divisions>1</divisions><key><fifths>";
    const std::string rest =
        "</fifths></key><time><beats>4</beats><beat-type>4</beat-type></time></attributes>"
        "<direction><direction-type><rehearsal>A</rehearsal></direction-type><sound tempo=\"90\"/>"
        "</direction>" +
        note("C", 4, 4) + "</measure>";
    const auto score = read(
        "<score-partwise><part-list><score-part id=\"A\"/><score-part id=\"B\"/></part-list>"
        "<part id=\"A\">" +
        measure + "1" + rest + "</part><part id=\"B\">" + measure + "-1" + rest + "</part></score-partwise>");
    const auto& first = score.timeline.measures.at(0);
    ASSERT_EQ(first.keys.size(), 1U);
    EXPECT_EQ(first.keys[0].key.fifths, 1);
    ASSERT_EQ(first.tempos.size(), 1U);
    EXPECT_EQ(first.tempos[0].beatsPerMinute, Rational(90));
    EXPECT_EQ(score.layers.markers.size(), 1U);
}

TEST(MusicXmlReaderTest, SloppyInputBecomesWarningsWithPlaces) {
    const auto result =
        readMusicXml(partwise("<measure number=\"4\">" + kFourFour + note("C", 4, 1, "<voice>soprano</voice>") +
                              "<backup><duration>3</duration></backup>" +
                              note("D", 4, 1, "<notations><slur type=\"stop\"/></notations>") +
                              note("E", 4, 1, "<chord/>") + "</measure>"),
                     "sloppy.musicxml");
    ASSERT_TRUE(result.ok()) << result.error().describe();
    std::vector<std::string> messages;
    for (const auto& warning : result->warnings) {
        EXPECT_EQ(warning.where.file, "sloppy.musicxml");
        EXPECT_TRUE(warning.where.line.has_value());
        messages.push_back(warning.where.measure + ": " + warning.message);
    }
    ASSERT_EQ(messages.size(), 3U);
    EXPECT_NE(messages[0].find("4: voice \"soprano\""), std::string::npos) << messages[0];
    EXPECT_NE(messages[1].find("4: <backup> goes back before the measure's start"), std::string::npos) << messages[1];
    EXPECT_NE(messages[2].find("slur 1 in part P1 stops but never starts"), std::string::npos) << messages[2];
    const auto& events = result->scores.front().parts.at(0).events;
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[1].offset, Rational{});  // the backup stopped at the measure's start
    EXPECT_EQ(events[1].notes.size(), 2U);    // the chord note joined the note after the backup
}

}  // namespace
}  // namespace mos::formats
