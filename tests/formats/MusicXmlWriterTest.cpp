// The MusicXML writer on hand-built scores: each feature's exact elements (read back with pugixml),
// schema validity of small and complete scores (xmllint against the MusicXML 4.0 XSD), and the
// .mxl container read back through libzip.

#include "mos/formats/MusicXmlWriter.hpp"

#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <zip.h>

#include "formats/MusicXmlSchema.hpp"

namespace mos::formats {
namespace {

using core::Rational;

// --- building scores --------------------------------------------------------------------------

score::Score scoreWithMeasures(std::size_t count, score::TimeSignature time = {}) {
    score::Score result;
    for (std::size_t m = 0; m < count; ++m) {
        score::Measure measure;
        measure.number = std::to_string(m + 1);
        measure.duration = time.measureLength();
        if (m == 0) {
            measure.time = time;
            measure.keys.push_back({});
        }
        result.timeline.measures.push_back(measure);
    }
    return result;
}

score::Part& addPart(score::Score& target, std::string id, std::string name = "Piano") {
    score::Part part;
    part.id = std::move(id);
    part.name = std::move(name);
    target.parts.push_back(std::move(part));
    return target.parts.back();
}

// A note (or chord: several pitches separated by spaces, or a rest: "") in a part.
score::Event& addEvent(score::Score& target, score::Part& part, std::uint32_t measure, Rational offset,
                       Rational duration, std::string_view pitches, std::uint8_t voice = 1, std::uint8_t staff = 1) {
    score::Event event;
    event.id = target.newId();
    event.measure = measure;
    event.offset = offset;
    event.duration = duration;
    event.voice = voice;
    event.staff = staff;
    while (!pitches.empty()) {
        const auto space = pitches.find(' ');
        const std::string_view name = pitches.substr(0, space);
        score::Note note;
        note.id = target.newId();
        note.pitch = *score::Pitch::parse(name);
        event.notes.push_back(note);
        pitches = space == std::string_view::npos ? std::string_view{} : pitches.substr(space + 1);
    }
    part.events.push_back(event);
    return part.events.back();
}

// --- reading what was written -----------------------------------------------------------------

struct Written {
    std::string text;
    pugi::xml_document document;

    pugi::xml_node node(const char* xpath) const { return document.select_node(xpath).node(); }
    std::vector<pugi::xml_node> nodes(const char* xpath) const {
        std::vector<pugi::xml_node> result;
        for (const auto& found : document.select_nodes(xpath)) result.push_back(found.node());
        return result;
    }
    std::string value(const char* xpath) const { return document.select_node(xpath).node().text().as_string(); }
    int number(const char* xpath) const { return document.select_node(xpath).node().text().as_int(); }
    std::string attribute(const char* xpath, const char* name) const {
        return document.select_node(xpath).node().attribute(name).as_string();
    }
};

std::unique_ptr<Written> write(const score::Score& source) {
    auto written = std::make_unique<Written>();
    written->text = writeMusicXml(source);
    const pugi::xml_parse_result parsed = written->document.load_string(written->text.c_str());
    EXPECT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
    return written;
}

// The names of a node's element children, in order.
std::vector<std::string> childNames(const pugi::xml_node& node) {
    std::vector<std::string> names;
    for (const auto& child : node.children()) {
        if (child.type() == pugi::node_element) names.emplace_back(child.name());
    }
    return names;
}

using Names = std::vector<std::string>;

void expectSchemaValid(const std::string& text) {
    const test::SchemaCheck check = test::validateAgainstMusicXmlSchema(text);
    EXPECT_TRUE(check.valid) << check.messages;
}

// --- document -------------------------------------------------------------------------------

TEST(MusicXmlWriterTest, WritesTheDeclarationDoctypeAndVersion) {
    score::Score source = scoreWithMeasures(1);
    addPart(source, "P1");
    const auto written = write(source);
    EXPECT_EQ(written->text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                                  "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" "
                                  "\"http://www.musicxml.org/dtds/partwise.dtd\">\n<score-partwise version=\"4.0\">",
                                  0),
              0U);
    EXPECT_EQ(written->attribute("/score-partwise", "version"), "4.0");
}

TEST(MusicXmlWriterTest, HeaderCarriesTitlesCreatorsRightsSourceAndEncoding) {
    score::Score source = scoreWithMeasures(1);
    addPart(source, "P1");
    source.metadata = {"Air",           "from Suite No. 3",  "J. S. Bach", "Nobody",           "A. Arranger",
                       "Public domain", "Bach-Gesellschaft", "Baroque",    {"strings", "slow"}};
    const auto written = write(source);
    EXPECT_EQ(written->value("/score-partwise/work/work-title"), "Air");
    EXPECT_EQ(written->value("/score-partwise/movement-title"), "Air");
    EXPECT_EQ(written->value("//identification/creator[@type='composer']"), "J. S. Bach");
    EXPECT_EQ(written->value("//identification/creator[@type='lyricist']"), "Nobody");
    EXPECT_EQ(written->value("//identification/creator[@type='arranger']"), "A. Arranger");
    EXPECT_EQ(written->value("//identification/rights"), "Public domain");
    EXPECT_EQ(written->value("//identification/source"), "Bach-Gesellschaft");
    EXPECT_EQ(written->value("//identification/encoding/software"), "MOS");
    EXPECT_EQ(written->value("//miscellaneous-field[@name='genre']"), "Baroque");
    EXPECT_EQ(written->nodes("//miscellaneous-field[@name='tag']").size(), 2U);
    EXPECT_EQ(written->value("/score-partwise/credit[credit-type='subtitle']/credit-words"), "from Suite No. 3");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, EmptyMetadataWritesOnlyTheEncoding) {
    score::Score source = scoreWithMeasures(1);
    addPart(source, "P1");
    const auto written = write(source);
    EXPECT_FALSE(written->node("/score-partwise/work"));
    EXPECT_FALSE(written->node("/score-partwise/credit"));
    EXPECT_EQ(childNames(written->node("//identification")), (Names{"encoding"}));
}

TEST(MusicXmlWriterTest, PartListHasNamesInstrumentsAndOneBasedMidiPrograms) {
    score::Score source = scoreWithMeasures(1);
    score::Part& guitar = addPart(source, "Guitar", "Classical Guitar");
    guitar.abbreviation = "Gtr.";
    guitar.instrument = {"Nylon Guitar", 24, false, 3};
    const auto written = write(source);
    const auto part = written->node("//part-list/score-part");
    EXPECT_EQ(std::string{part.attribute("id").as_string()}, "Guitar");
    EXPECT_EQ(childNames(part), (Names{"part-name", "part-abbreviation", "score-instrument", "midi-instrument"}));
    EXPECT_EQ(written->value("//score-part/part-name"), "Classical Guitar");
    EXPECT_EQ(written->value("//score-part/part-abbreviation"), "Gtr.");
    EXPECT_EQ(written->attribute("//score-instrument", "id"), "Guitar-I1");
    EXPECT_EQ(written->value("//score-instrument/instrument-name"), "Nylon Guitar");
    EXPECT_EQ(written->attribute("//midi-instrument", "id"), "Guitar-I1");
    EXPECT_EQ(written->number("//midi-instrument/midi-channel"), 3);
    EXPECT_EQ(written->number("//midi-instrument/midi-program"), 25);
    EXPECT_EQ(written->attribute("/score-partwise/part", "id"), "Guitar");
}

TEST(MusicXmlWriterTest, PartIdsThatAreNoXmlNamesAreReplaced) {
    score::Score source = scoreWithMeasures(1);
    addPart(source, "1 violin");
    addPart(source, "");
    const auto written = write(source);
    const auto parts = written->nodes("/score-partwise/part");
    ASSERT_EQ(parts.size(), 2U);
    EXPECT_EQ(std::string{parts[0].attribute("id").as_string()}, "P1");
    EXPECT_EQ(std::string{parts[1].attribute("id").as_string()}, "P2");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, AScoreWithoutPartsStillHasOnePartAndMeasure) {
    const auto written = write(score::Score{});
    EXPECT_EQ(written->nodes("//score-part").size(), 1U);
    EXPECT_EQ(written->nodes("//part/measure").size(), 1U);
    EXPECT_EQ(written->attribute("//measure/note/rest", "measure"), "yes");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, TextIsEscapedAndInvalidUtf8Repaired) {
    score::Score source = scoreWithMeasures(1);
    addPart(source, "P1", "Bass & <Drums> \"A\"");
    // An é, a byte that is not UTF-8, a control character, and U+FFFE and U+FFFF (UTF-8, but
    // not characters XML may hold) beside U+FFFD (which it may).
    source.metadata.title = std::string{"Caf\xC3\xA9 \xFF ok\x01 \xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD"};
    const auto written = write(source);
    EXPECT_EQ(written->value("//score-part/part-name"), "Bass & <Drums> \"A\"");
    EXPECT_EQ(written->value("//work-title"), "Caf\xC3\xA9 \xEF\xBF\xBD ok \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_NE(written->text.find("Bass &amp; &lt;Drums&gt; \"A\""), std::string::npos);
}

// --- measures and attributes ------------------------------------------------------------------

TEST(MusicXmlWriterTest, FirstMeasureHasDivisionsKeyTimeAndClef) {
    score::Score source = scoreWithMeasures(2, {3, 4, score::TimeSignature::Symbol::Normal});
    source.timeline.measures[0].keys = {{Rational{0}, {-3, score::Mode::Minor, {}}}};
    score::Part& part = addPart(source, "P1");
    source.layers.notation.clefs.push_back({"P1", 1, {0, Rational{0}}, score::Clef::Sign::F, 4, 0});
    addEvent(source, part, 0, Rational{0}, Rational{3, 4}, "C3");
    const auto written = write(source);
    EXPECT_EQ(childNames(written->node("//measure[1]/attributes")), (Names{"divisions", "key", "time", "clef"}));
    EXPECT_EQ(written->number("//measure[1]/attributes/divisions"), 1);
    EXPECT_EQ(written->number("//measure[1]/attributes/key/fifths"), -3);
    EXPECT_EQ(written->value("//measure[1]/attributes/key/mode"), "minor");
    EXPECT_EQ(written->number("//measure[1]/attributes/time/beats"), 3);
    EXPECT_EQ(written->number("//measure[1]/attributes/time/beat-type"), 4);
    EXPECT_EQ(written->value("//measure[1]/attributes/clef/sign"), "F");
    EXPECT_EQ(written->number("//measure[1]/attributes/clef/line"), 4);
    EXPECT_FALSE(written->node("//measure[2]/attributes"));
    EXPECT_EQ(written->number("//measure[1]/note/duration"), 3);
    EXPECT_EQ(written->value("//measure[1]/note/type"), "half");
    EXPECT_EQ(written->nodes("//measure[1]/note/dot").size(), 1U);
}

TEST(MusicXmlWriterTest, MeterChangesWithSymbolsAndKeyChangesAtMeasureStart) {
    score::Score source = scoreWithMeasures(3);
    source.timeline.measures[0].time = score::TimeSignature{4, 4, score::TimeSignature::Symbol::Common};
    source.timeline.measures[1].time = score::TimeSignature{2, 2, score::TimeSignature::Symbol::Cut};
    source.timeline.measures[1].duration = Rational{1};
    source.timeline.measures[2].keys = {{Rational{0}, {2, score::Mode::Dorian, {}}}};
    addPart(source, "P1");
    const auto written = write(source);
    EXPECT_EQ(written->attribute("//measure[1]/attributes/time", "symbol"), "common");
    EXPECT_EQ(written->attribute("//measure[2]/attributes/time", "symbol"), "cut");
    EXPECT_EQ(childNames(written->node("//measure[2]/attributes")), (Names{"time"}));
    EXPECT_EQ(childNames(written->node("//measure[3]/attributes")), (Names{"key"}));
    EXPECT_EQ(written->value("//measure[3]/attributes/key/mode"), "dorian");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, MeasureNumbersAreTheLabelsAndAPickupIsImplicit) {
    score::Score source = scoreWithMeasures(3);
    auto& measures = source.timeline.measures;
    measures[0].number = "0";
    measures[0].pickup = true;
    measures[0].duration = Rational{1, 4};
    measures[1].number = "1";
    measures[2].number = " ";  // no label: its position
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1, 4}, "G4");
    const auto written = write(source);
    const auto numbers = written->nodes("//part/measure");
    ASSERT_EQ(numbers.size(), 3U);
    EXPECT_EQ(std::string{numbers[0].attribute("number").as_string()}, "0");
    EXPECT_EQ(std::string{numbers[0].attribute("implicit").as_string()}, "yes");
    EXPECT_EQ(std::string{numbers[1].attribute("number").as_string()}, "1");
    EXPECT_FALSE(numbers[1].attribute("implicit"));
    EXPECT_EQ(std::string{numbers[2].attribute("number").as_string()}, "3");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, EveryPartGetsEveryMeasureAndASilentMeasureAMeasureRestPerStaff) {
    score::Score source = scoreWithMeasures(2);
    score::Part& melody = addPart(source, "P1");
    addEvent(source, melody, 0, Rational{0}, Rational{1}, "C5");
    addEvent(source, melody, 1, Rational{0}, Rational{1}, "D5");
    score::Part& piano = addPart(source, "P2");
    piano.staves = 2;
    const auto written = write(source);
    EXPECT_EQ(written->nodes("//part[@id='P2']/measure").size(), 2U);
    const auto rests = written->nodes("//part[@id='P2']/measure[1]/note");
    ASSERT_EQ(rests.size(), 2U);
    for (const auto& rest : rests) {
        EXPECT_EQ(std::string{rest.child("rest").attribute("measure").as_string()}, "yes");
        EXPECT_EQ(rest.child("duration").text().as_int(), 4);
        EXPECT_FALSE(rest.child("type"));
    }
    EXPECT_EQ(rests[0].child("voice").text().as_int(), 1);
    EXPECT_EQ(rests[0].child("staff").text().as_int(), 1);
    EXPECT_EQ(rests[1].child("voice").text().as_int(), 5);
    EXPECT_EQ(rests[1].child("staff").text().as_int(), 2);
    EXPECT_EQ(written->number("//part[@id='P2']/measure[1]/backup/duration"), 4);
    EXPECT_EQ(written->number("//part[@id='P2']/measure[1]/attributes/staves"), 2);
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, TransposingPartWritesItsWrittenKeyAndTranspose) {
    score::Score source = scoreWithMeasures(2);
    source.timeline.measures[0].keys = {{Rational{0}, {-2, score::Mode::Major, {}}}};  // concert B flat
    source.timeline.measures[1].keys = {{Rational{0}, {-5, score::Mode::Major, {}}}};  // concert D flat
    score::Part& clarinet = addPart(source, "Cl", "Clarinet in Bb");
    clarinet.transposition = {-1, -2, 0};
    score::Part& horn = addPart(source, "Hn", "Horn in F");
    horn.transposition = {-4, -7, 0};
    score::Part& altoClarinet = addPart(source, "ACl", "Clarinet in A");
    altoClarinet.transposition = {-2, -3, -1};
    const auto written = write(source);
    EXPECT_EQ(written->number("//part[@id='Cl']/measure[1]/attributes/key/fifths"), 0);
    EXPECT_EQ(written->number("//part[@id='Cl']/measure[2]/attributes/key/fifths"), -3);
    EXPECT_EQ(written->number("//part[@id='Hn']/measure[1]/attributes/key/fifths"), -1);
    EXPECT_EQ(written->number("//part[@id='ACl']/measure[2]/attributes/key/fifths"), 4);  // Db + 3 semitones: E
    EXPECT_EQ(childNames(written->node("//part[@id='Cl']/measure[1]/attributes/transpose")),
              (Names{"diatonic", "chromatic"}));
    EXPECT_EQ(written->number("//part[@id='Cl']/measure[1]/attributes/transpose/diatonic"), -1);
    EXPECT_EQ(written->number("//part[@id='Cl']/measure[1]/attributes/transpose/chromatic"), -2);
    EXPECT_EQ(written->number("//part[@id='ACl']/measure[1]/attributes/transpose/octave-change"), -1);
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, ExplicitKeyAccidentalsAreANonTraditionalKey) {
    score::Score source = scoreWithMeasures(1);
    source.timeline.measures[0].keys = {
        {Rational{0}, {0, score::Mode::None, {{score::Step::F, 1}, {score::Step::B, -1}}}}};
    addPart(source, "P1");
    const auto written = write(source);
    EXPECT_EQ(childNames(written->node("//attributes/key")), (Names{"key-step", "key-alter", "key-step", "key-alter"}));
    EXPECT_EQ(written->value("//attributes/key/key-step[1]"), "F");
    EXPECT_EQ(written->number("//attributes/key/key-alter[2]"), -1);
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, ClefsChangeAtTheStartOfAMeasureAndInsideIt) {
    score::Score source = scoreWithMeasures(2);
    score::Part& piano = addPart(source, "P1");
    piano.staves = 2;
    auto& clefs = source.layers.notation.clefs;
    clefs.push_back({"P1", 1, {0, Rational{0}}, score::Clef::Sign::G, 2, 0});
    clefs.push_back({"P1", 2, {0, Rational{0}}, score::Clef::Sign::F, 4, 0});
    clefs.push_back({"P1", 2, {0, Rational{1, 2}}, score::Clef::Sign::G, 2, -1});
    clefs.push_back({"P1", 2, {1, Rational{0}}, score::Clef::Sign::F, 4, 0});
    addEvent(source, piano, 0, Rational{0}, Rational{1}, "C5", 1, 1);
    addEvent(source, piano, 0, Rational{0}, Rational{1, 2}, "C3", 5, 2);
    addEvent(source, piano, 0, Rational{1, 2}, Rational{1, 2}, "C4", 5, 2);
    const auto written = write(source);
    EXPECT_EQ(childNames(written->node("//measure[1]/attributes")),
              (Names{"divisions", "key", "time", "staves", "clef", "clef"}));
    EXPECT_EQ(written->attribute("//measure[1]/attributes/clef[2]", "number"), "2");
    // Voice 1 (the whole note) first, back to the start, voice 5's first half, the clef change, then its second half.
    EXPECT_EQ(childNames(written->node("//measure[1]")),
              (Names{"attributes", "note", "backup", "note", "attributes", "note"}));
    EXPECT_EQ(written->value("//measure[1]/attributes[2]/clef/sign"), "G");
    EXPECT_EQ(written->number("//measure[1]/attributes[2]/clef/clef-octave-change"), -1);
    EXPECT_EQ(written->value("//measure[2]/attributes/clef/sign"), "F");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, KeyChangeInsideAMeasureIsAnAttributesElementThere) {
    score::Score source = scoreWithMeasures(1);
    source.timeline.measures[0].keys.push_back({Rational{1, 2}, {1, score::Mode::Major, {}}});
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1, 2}, "C4");
    addEvent(source, part, 0, Rational{1, 2}, Rational{1, 2}, "F#4");
    const auto written = write(source);
    EXPECT_EQ(childNames(written->node("//measure[1]")), (Names{"attributes", "note", "attributes", "note"}));
    EXPECT_EQ(written->number("//measure[1]/attributes[2]/key/fifths"), 1);
}

TEST(MusicXmlWriterTest, FrettedPartsGetTuningAndCapoOnTheirTabStaff) {
    score::Score source = scoreWithMeasures(1);
    score::Part& guitar = addPart(source, "P1", "Guitar");
    guitar.staves = 2;
    guitar.capo = 2;
    for (const char* open : {"E4", "B3", "G3", "D3", "A2", "E2"}) guitar.tuning.push_back(*score::Pitch::parse(open));
    source.layers.notation.clefs.push_back({"P1", 1, {0, Rational{0}}, score::Clef::Sign::G, 2, -1});
    source.layers.notation.clefs.push_back({"P1", 2, {0, Rational{0}}, score::Clef::Sign::Tab, 5, 0});
    const auto written = write(source);
    const auto details = written->node("//attributes/staff-details");
    EXPECT_EQ(std::string{details.attribute("number").as_string()}, "2");
    EXPECT_EQ(details.child("staff-lines").text().as_int(), 6);
    const auto tunings = written->nodes("//attributes/staff-details/staff-tuning");
    ASSERT_EQ(tunings.size(), 6U);
    EXPECT_EQ(std::string{tunings[0].attribute("line").as_string()}, "1");  // the lowest string
    EXPECT_EQ(std::string{tunings[0].child("tuning-step").text().as_string()}, "E");
    EXPECT_EQ(tunings[0].child("tuning-octave").text().as_int(), 2);
    EXPECT_EQ(std::string{tunings[5].child("tuning-step").text().as_string()}, "E");
    EXPECT_EQ(tunings[5].child("tuning-octave").text().as_int(), 4);
    EXPECT_EQ(details.child("capo").text().as_int(), 2);
    EXPECT_EQ(written->value("//attributes/clef[2]/sign"), "TAB");
    expectSchemaValid(written->text);
}

// --- notes ------------------------------------------------------------------------------------

TEST(MusicXmlWriterTest, DivisionsMakeEveryDurationWhole) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1, 4}, "C4");
    for (int i = 0; i < 3; ++i) {
        score::Event& triplet = addEvent(source, part, 0, Rational{1, 4} + Rational{i, 12}, Rational{1, 12}, "D4");
        triplet.tuplets = {{3, 2, i == 0, i == 2}};
    }
    addEvent(source, part, 0, Rational{1, 2}, Rational{3, 16}, "E4");
    addEvent(source, part, 0, Rational{11, 16}, Rational{5, 16}, "F4");
    const auto written = write(source);
    EXPECT_EQ(written->number("//divisions"), 12);  // quarters in thirds and sixteenths
    const auto notes = written->nodes("//note");
    ASSERT_EQ(notes.size(), 6U);
    EXPECT_EQ(notes[0].child("duration").text().as_int(), 12);
    EXPECT_EQ(notes[1].child("duration").text().as_int(), 4);
    EXPECT_EQ(std::string{notes[1].child("type").text().as_string()}, "eighth");
    EXPECT_EQ(notes[1].child("time-modification").child("actual-notes").text().as_int(), 3);
    EXPECT_EQ(notes[1].child("time-modification").child("normal-notes").text().as_int(), 2);
    EXPECT_EQ(std::string{notes[1].child("notations").child("tuplet").attribute("type").as_string()}, "start");
    EXPECT_FALSE(notes[1].child("notations").child("tuplet").first_child());  // its ratio is the time modification's
    EXPECT_EQ(std::string{notes[3].child("notations").child("tuplet").attribute("type").as_string()}, "stop");
    EXPECT_FALSE(notes[2].child("notations"));
    EXPECT_EQ(notes[4].child("duration").text().as_int(), 9);
    EXPECT_EQ(std::string{notes[4].child("type").text().as_string()}, "eighth");
    EXPECT_EQ(childNames(notes[4]), (Names{"pitch", "duration", "voice", "type", "dot"}));
    // 5/16 has no note type: the exact duration stays, the nearest type (a dotted quarter) is shown.
    EXPECT_EQ(notes[5].child("duration").text().as_int(), 15);
    EXPECT_EQ(std::string{notes[5].child("type").text().as_string()}, "quarter");
    EXPECT_TRUE(notes[5].child("dot"));
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, NestedTupletsMultiplyTheirRatiosAndAreNumberedByLevel) {
    score::Score source = scoreWithMeasures(1, {2, 4});
    score::Part& part = addPart(source, "P1");
    // A quarter-note triplet whose middle quarter is an eighth-note triplet: 1/6, (1/18 x3), 1/6.
    addEvent(source, part, 0, Rational{0}, Rational{1, 6}, "C4").tuplets = {{3, 2, true, false}};
    for (int i = 0; i < 3; ++i) {
        addEvent(source, part, 0, Rational{1, 6} + Rational{i, 18}, Rational{1, 18}, "D4").tuplets = {
            {3, 2, false, false}, {3, 2, i == 0, i == 2}};
    }
    addEvent(source, part, 0, Rational{1, 3}, Rational{1, 6}, "E4").tuplets = {{3, 2, false, true}};
    const auto written = write(source);
    EXPECT_EQ(written->number("//divisions"), 9);
    const auto notes = written->nodes("//note");
    ASSERT_EQ(notes.size(), 5U);
    EXPECT_EQ(std::string{notes[0].child("type").text().as_string()}, "quarter");
    EXPECT_EQ(notes[1].child("duration").text().as_int(), 2);
    EXPECT_EQ(std::string{notes[1].child("type").text().as_string()}, "eighth");
    EXPECT_EQ(notes[1].child("time-modification").child("actual-notes").text().as_int(), 9);
    EXPECT_EQ(notes[1].child("time-modification").child("normal-notes").text().as_int(), 4);
    const auto innerStart = notes[1].child("notations").child("tuplet");
    EXPECT_EQ(std::string{innerStart.attribute("number").as_string()}, "2");
    EXPECT_EQ(innerStart.child("tuplet-actual").child("tuplet-number").text().as_int(), 3);
    EXPECT_EQ(std::string{notes[3].child("notations").child("tuplet").attribute("type").as_string()}, "stop");
    EXPECT_EQ(std::string{notes[4].child("notations").child("tuplet").attribute("number").as_string()}, "1");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, ChordNotesShareDurationAndMarksGoOnTheFirst) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    score::Event& chord = addEvent(source, part, 0, Rational{0}, Rational{1}, "C4 E4 G4");
    chord.articulations = {score::Articulation::Accent, score::Articulation::Arpeggiate};
    const auto written = write(source);
    const auto notes = written->nodes("//note");
    ASSERT_EQ(notes.size(), 3U);
    EXPECT_FALSE(notes[0].child("chord"));
    EXPECT_EQ(childNames(notes[1]), (Names{"chord", "pitch", "duration", "voice", "type", "notations"}));
    EXPECT_TRUE(notes[0].child("notations").child("articulations").child("accent"));
    EXPECT_FALSE(notes[1].child("notations").child("articulations"));
    EXPECT_TRUE(notes[2].child("notations").child("arpeggiate"));  // every note of an arpeggiated chord
}

TEST(MusicXmlWriterTest, AltersCentsAndOctavesOutsideTheSchemaRange) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    score::Event& event = addEvent(source, part, 0, Rational{0}, Rational{1}, "Bb4 F#4 E4 C4 C4");
    event.notes[2].pitch.cents = -50;  // a quarter-tone flat
    event.notes[3].pitch.octave = -1;
    event.notes[4].pitch.octave = 10;
    const auto written = write(source);
    const auto notes = written->nodes("//note/pitch");
    ASSERT_EQ(notes.size(), 5U);
    EXPECT_EQ(std::string{notes[0].child("alter").text().as_string()}, "-1");
    EXPECT_EQ(std::string{notes[1].child("alter").text().as_string()}, "1");
    EXPECT_EQ(std::string{notes[2].child("alter").text().as_string()}, "-0.5");
    EXPECT_EQ(notes[3].child("octave").text().as_int(), 0);
    EXPECT_EQ(notes[4].child("octave").text().as_int(), 9);
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, TiesAreWrittenAsTieAndTied) {
    score::Score source = scoreWithMeasures(2);
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1}, "C4").notes[0].tieStart = true;
    score::Event& held = addEvent(source, part, 1, Rational{0}, Rational{1}, "C4");
    held.notes[0].tieStop = true;
    held.notes[0].tieStart = true;
    const auto written = write(source);
    EXPECT_EQ(written->attribute("//measure[1]/note/tie", "type"), "start");
    EXPECT_EQ(written->attribute("//measure[1]/note/notations/tied", "type"), "start");
    const auto ties = written->nodes("//measure[2]/note/tie");
    ASSERT_EQ(ties.size(), 2U);
    EXPECT_EQ(std::string{ties[0].attribute("type").as_string()}, "stop");
    EXPECT_EQ(std::string{ties[1].attribute("type").as_string()}, "start");
    EXPECT_EQ(written->nodes("//measure[2]/note/notations/tied").size(), 2U);
}

TEST(MusicXmlWriterTest, VoicesArePlacedWithBackupAndTheirGapsWithForward) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1, 2}, "E5", 1);
    addEvent(source, part, 0, Rational{3, 4}, Rational{1, 4}, "D5", 1);  // voice 1 rests in between
    addEvent(source, part, 0, Rational{1, 4}, Rational{1, 4}, "C4", 2);  // voice 2 starts late, ends early
    const auto written = write(source);
    const auto measure = written->node("//measure[1]");
    // Voice 2's gap before its note is a forward; what follows a voice's last note is left open.
    EXPECT_EQ(childNames(measure), (Names{"attributes", "note", "forward", "note", "backup", "forward", "note"}));
    const auto forwards = written->nodes("//measure[1]/forward");
    EXPECT_EQ(forwards[0].child("duration").text().as_int(), 1);
    EXPECT_EQ(forwards[0].child("voice").text().as_int(), 1);
    EXPECT_EQ(written->number("//measure[1]/backup/duration"), 4);
    EXPECT_EQ(forwards[1].child("duration").text().as_int(), 1);
    EXPECT_EQ(forwards[1].child("voice").text().as_int(), 2);
    EXPECT_EQ(written->number("//measure[1]/note[3]/voice"), 2);
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, StavesAreWrittenWhenThePartHasSeveral) {
    score::Score source = scoreWithMeasures(1);
    score::Part& piano = addPart(source, "P1");
    piano.staves = 2;
    addEvent(source, piano, 0, Rational{0}, Rational{1}, "C5", 1, 1);
    addEvent(source, piano, 0, Rational{0}, Rational{1}, "C3", 2, 2);
    const auto written = write(source);
    EXPECT_EQ(written->number("//measure[1]/note[1]/staff"), 1);
    EXPECT_EQ(written->number("//measure[1]/note[2]/staff"), 2);
    EXPECT_EQ(written->number("//measure[1]/backup/duration"), 4);
}

TEST(MusicXmlWriterTest, GraceAndCueNotes) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    score::Event& grace = addEvent(source, part, 0, Rational{0}, Rational{0}, "D5");
    grace.grace = score::Grace{true, Rational{1, 16}};
    grace.notes[0].tieStart = true;
    addEvent(source, part, 0, Rational{0}, Rational{1, 2}, "C5");
    addEvent(source, part, 0, Rational{1, 2}, Rational{1, 2}, "G4").cue = true;
    const auto written = write(source);
    const auto notes = written->nodes("//note");
    ASSERT_EQ(notes.size(), 3U);
    EXPECT_EQ(childNames(notes[0]), (Names{"grace", "pitch", "tie", "voice", "type", "notations"}));
    EXPECT_EQ(std::string{notes[0].child("grace").attribute("slash").as_string()}, "yes");
    EXPECT_EQ(std::string{notes[0].child("type").text().as_string()}, "16th");
    EXPECT_EQ(childNames(notes[2]), (Names{"cue", "pitch", "duration", "voice", "type"}));
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, InvisibleRestsAndMeasureRests) {
    score::Score source = scoreWithMeasures(2);
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1}, "").invisible = true;
    addEvent(source, part, 1, Rational{0}, Rational{0}, "").measureRest = true;
    const auto written = write(source);
    EXPECT_EQ(written->attribute("//measure[1]/note", "print-object"), "no");
    EXPECT_EQ(written->value("//measure[1]/note/type"), "whole");
    EXPECT_EQ(written->attribute("//measure[2]/note/rest", "measure"), "yes");
    EXPECT_EQ(written->number("//measure[2]/note/duration"), 4);
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, PercussionNotesAreUnpitchedWithOneInstrumentPerDrum) {
    score::Score source = scoreWithMeasures(1);
    score::Part& drums = addPart(source, "D", "Drumset");
    drums.instrument = {"Drumset", 0, true, 10};
    score::Event& beat = addEvent(source, drums, 0, Rational{0}, Rational{1, 4}, "F4 G5");
    beat.notes[0].percussionKey = 36;
    beat.notes[1].percussionKey = 42;
    addEvent(source, drums, 0, Rational{1, 4}, Rational{1, 4}, "C5").notes[0].percussionKey = 38;
    const auto written = write(source);
    const auto instruments = written->nodes("//score-instrument");
    ASSERT_EQ(instruments.size(), 3U);
    EXPECT_EQ(std::string{instruments[0].attribute("id").as_string()}, "D-I37");
    EXPECT_EQ(std::string{instruments[0].child("instrument-name").text().as_string()}, "Bass Drum 1");
    EXPECT_EQ(written->number("//midi-instrument[@id='D-I43']/midi-unpitched"), 43);
    EXPECT_EQ(written->number("//midi-instrument[@id='D-I43']/midi-channel"), 10);
    const auto first = written->node("//note[1]");
    EXPECT_EQ(childNames(first), (Names{"unpitched", "duration", "instrument", "voice", "type"}));
    EXPECT_EQ(std::string{first.child("unpitched").child("display-step").text().as_string()}, "F");
    EXPECT_EQ(first.child("unpitched").child("display-octave").text().as_int(), 4);
    EXPECT_EQ(std::string{first.child("instrument").attribute("id").as_string()}, "D-I37");
    EXPECT_EQ(written->attribute("//note[3]/instrument", "id"), "D-I39");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, DrumsGetTheirNoteheadsAndADrumPartWithoutAClefThePercussionClef) {
    score::Score source = scoreWithMeasures(1);
    score::Part& drums = addPart(source, "D", "Drumset");
    drums.instrument = {"Drumset", 0, true, 10};
    score::Event& beat = addEvent(source, drums, 0, Rational{0}, Rational{1, 2}, "F4 G5");
    beat.notes[0].percussionKey = 36;
    beat.notes[1].percussionKey = 42;
    addEvent(source, drums, 0, Rational{1, 2}, Rational{1, 4}, "G5").notes[0].percussionKey = 46;
    addEvent(source, drums, 0, Rational{3, 4}, Rational{1, 4}, "F5").notes[0].percussionKey = 53;
    score::Part& toms = addPart(source, "T", "Toms");  // a clef of its own stays the only one
    toms.instrument = {"Toms", 0, true, 10};
    addEvent(source, toms, 0, Rational{0}, Rational{1}, "E5").notes[0].percussionKey = 50;
    source.layers.notation.clefs.push_back({"T", 1, {}, score::Clef::Sign::G, 2, 0});
    const auto written = write(source);
    EXPECT_EQ(written->value("//part[@id='D']/measure/attributes/clef/sign"), "percussion");
    EXPECT_EQ(written->number("//part[@id='D']/measure/attributes/clef/line"), 2);
    const auto notes = written->nodes("//part[@id='D']//note");
    ASSERT_EQ(notes.size(), 4U);
    EXPECT_FALSE(notes[0].child("notehead"));  // the kick's plain head
    EXPECT_EQ(std::string{notes[1].child("notehead").text().as_string()}, "x");
    EXPECT_EQ(std::string{notes[2].child("notehead").text().as_string()}, "circle-x");
    EXPECT_EQ(std::string{notes[3].child("notehead").text().as_string()}, "diamond");
    EXPECT_EQ(written->nodes("//part[@id='T']//clef").size(), 1U);
    EXPECT_EQ(written->value("//part[@id='T']//clef/sign"), "G");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, OneDrumKeepsItsInstrumentNameAndNoChannelIsInvented) {
    score::Score source = scoreWithMeasures(1);
    score::Part& snare = addPart(source, "S", "Snare");
    snare.instrument = {"Concert Snare", 0, true, std::nullopt};
    addEvent(source, snare, 0, Rational{0}, Rational{1}, "C5").notes[0].percussionKey = 38;
    score::Part& cajon = addPart(source, "C", "Cajon");  // unpitched notes, but not a GM drum part
    cajon.instrument = {"Cajon", 0, false, std::nullopt};
    addEvent(source, cajon, 0, Rational{0}, Rational{1}, "F4").notes[0].percussionKey = 53;
    const auto written = write(source);
    EXPECT_EQ(written->attribute("//score-part[@id='S']/score-instrument", "id"), "S-I39");
    EXPECT_EQ(written->value("//score-part[@id='S']/score-instrument/instrument-name"), "Concert Snare");
    EXPECT_FALSE(written->node("//score-part[@id='S']/midi-instrument/midi-channel"));
    EXPECT_EQ(written->number("//score-part[@id='S']/midi-instrument/midi-unpitched"), 39);
    EXPECT_EQ(written->nodes("//score-part[@id='C']/score-instrument").size(), 1U);
    EXPECT_FALSE(written->node("//score-part[@id='C']/midi-instrument/midi-unpitched"));
    EXPECT_TRUE(written->node("//part[@id='C']//note/unpitched"));
    EXPECT_FALSE(written->node("//part[@id='C']//note/instrument"));
    EXPECT_FALSE(written->node("//part[@id='C']//note/notehead"));  // 53 names no GM drum here
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, VelocityAndPerformedTimingBecomeNoteAttributes) {
    score::Score source = scoreWithMeasures(2);
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1}, "C4");
    score::Note& note = addEvent(source, part, 1, Rational{0}, Rational{1, 4}, "D4").notes[0];
    note.velocity = 90;
    note.performed = score::PerformedTiming{Rational{1} + Rational{1, 64}, Rational{1, 4} - Rational{1, 32}};
    const auto written = write(source);
    const auto played = written->node("//measure[2]/note");
    EXPECT_EQ(std::string{played.attribute("dynamics").as_string()}, "100");
    EXPECT_EQ(written->number("//divisions"), 1);
    EXPECT_EQ(std::string{played.attribute("attack").as_string()}, "0.0625");    // 1/64 whole late
    EXPECT_EQ(std::string{played.attribute("release").as_string()}, "-0.0625");  // and ends 1/64 early
    expectSchemaValid(written->text);
}

// --- layers on notes --------------------------------------------------------------------------

TEST(MusicXmlWriterTest, BeamsStemsAndSlurs) {
    score::Score source = scoreWithMeasures(1, {2, 4});
    score::Part& part = addPart(source, "P1");
    std::vector<score::ElementId> ids;
    ids.reserve(4);
    for (int i = 0; i < 4; ++i) ids.push_back(addEvent(source, part, 0, Rational{i, 8}, Rational{1, 8}, "A4").id);
    source.layers.notation.beams.push_back({"P1", {ids[0], ids[1], ids[2], ids[3]}});
    source.layers.notation.stems.push_back({ids[0], score::Stem::Direction::Down});
    source.layers.notation.slurs.push_back({"P1", ids[0], ids[3]});
    source.layers.notation.slurs.push_back({"P1", ids[1], ids[2]});  // inside the first: another number
    const auto written = write(source);
    const auto notes = written->nodes("//note");
    ASSERT_EQ(notes.size(), 4U);
    const std::vector<std::string> beams{"begin", "continue", "continue", "end"};
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(std::string{notes[i].child("beam").text().as_string()}, beams[i]);
    EXPECT_EQ(std::string{notes[0].child("stem").text().as_string()}, "down");
    EXPECT_FALSE(notes[1].child("stem"));
    EXPECT_EQ(std::string{notes[0].child("notations").child("slur").attribute("number").as_string()}, "1");
    EXPECT_EQ(std::string{notes[1].child("notations").child("slur").attribute("number").as_string()}, "2");
    EXPECT_EQ(std::string{notes[2].child("notations").child("slur").attribute("type").as_string()}, "stop");
    EXPECT_EQ(std::string{notes[3].child("notations").child("slur").attribute("number").as_string()}, "1");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, LyricsWithVersesSyllablesAndExtenders) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    const auto first = addEvent(source, part, 0, Rational{0}, Rational{1, 2}, "C4").id;
    const auto second = addEvent(source, part, 0, Rational{1, 2}, Rational{1, 2}, "D4").id;
    source.layers.lyrics = {{first, 2, "Hal", score::LyricSyllable::Syllabic::Begin, false},
                            {first, 1, "Ky", score::LyricSyllable::Syllabic::Begin, false},
                            {second, 1, "rie", score::LyricSyllable::Syllabic::End, true},
                            {second, 2, "", score::LyricSyllable::Syllabic::Single, true}};
    const auto written = write(source);
    const auto lyrics = written->nodes("//note[1]/lyric");
    ASSERT_EQ(lyrics.size(), 2U);
    EXPECT_EQ(std::string{lyrics[0].attribute("number").as_string()}, "1");
    EXPECT_EQ(std::string{lyrics[0].child("text").text().as_string()}, "Ky");
    EXPECT_EQ(std::string{lyrics[0].child("syllabic").text().as_string()}, "begin");
    EXPECT_EQ(childNames(written->node("//note[2]/lyric[1]")), (Names{"syllabic", "text", "extend"}));
    EXPECT_EQ(childNames(written->node("//note[2]/lyric[2]")), (Names{"extend"}));
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, ArticulationsOrnamentsAndTechnicalMarks) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    using A = score::Articulation;
    score::Event& event = addEvent(source, part, 0, Rational{0}, Rational{1}, "C5");
    event.articulations = {A::Staccato, A::Staccatissimo,   A::Accent,     A::StrongAccent,
                           A::Tenuto,   A::DetachedLegato,  A::Fermata,    A::Trill,
                           A::Mordent,  A::InvertedMordent, A::Turn,       A::Tremolo,
                           A::UpBow,    A::DownBow,         A::Arpeggiate, A::Breath};
    source.layers.fingering = {{event.notes[0].id, "3"}, {event.notes[0].id, "i"}};
    const auto written = write(source);
    const auto notations = written->node("//note/notations");
    EXPECT_EQ(childNames(notations), (Names{"ornaments", "technical", "articulations", "fermata", "arpeggiate"}));
    EXPECT_EQ(
        childNames(notations.child("articulations")),
        (Names{"staccato", "staccatissimo", "accent", "strong-accent", "tenuto", "detached-legato", "breath-mark"}));
    EXPECT_EQ(childNames(notations.child("ornaments")),
              (Names{"trill-mark", "mordent", "inverted-mordent", "turn", "tremolo"}));
    EXPECT_EQ(notations.child("ornaments").child("tremolo").text().as_int(), 3);
    EXPECT_EQ(childNames(notations.child("technical")), (Names{"up-bow", "down-bow", "fingering", "pluck"}));
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, TablatureTechniquesOnTheNotes) {
    score::Score source = scoreWithMeasures(1);
    score::Part& guitar = addPart(source, "P1", "Guitar");
    for (const char* open : {"E4", "B3", "G3", "D3", "A2", "E2"}) guitar.tuning.push_back(*score::Pitch::parse(open));
    const auto a = addEvent(source, guitar, 0, Rational{0}, Rational{1, 4}, "A3").notes[0].id;
    const auto b = addEvent(source, guitar, 0, Rational{1, 4}, Rational{1, 4}, "B3").notes[0].id;
    const auto c = addEvent(source, guitar, 0, Rational{1, 2}, Rational{1, 4}, "C4").notes[0].id;
    const auto d = addEvent(source, guitar, 0, Rational{3, 4}, Rational{1, 4}, "D4").notes[0].id;
    score::TabNote first{a, 3, 2};
    first.hammerOn = true;
    first.palmMute = true;
    score::TabNote second{b, 3, 4};
    second.slide = score::Slide::Legato;
    second.bend = {{Rational{0}, 0}, {Rational{1, 2}, 200}, {Rational{1}, 0}};
    score::TabNote third{c, 3, 5};
    third.harmonic = score::Harmonic::Pinch;
    third.vibrato = true;
    third.letRing = true;
    third.ghost = true;
    score::TabNote fourth{d, 2, 3};
    fourth.deadNote = true;
    fourth.tapping = true;
    fourth.bend = {{Rational{0}, 100}, {Rational{1}, 100}};
    source.layers.tablature = {first, second, third, fourth};
    const auto written = write(source);
    const auto notes = written->nodes("//note");
    ASSERT_EQ(notes.size(), 4U);
    const auto technical = [&](std::size_t i) { return notes[i].child("notations").child("technical"); };
    EXPECT_EQ(childNames(technical(0)), (Names{"string", "fret", "hammer-on"}));
    EXPECT_EQ(technical(0).child("string").text().as_int(), 3);
    EXPECT_EQ(technical(0).child("fret").text().as_int(), 2);
    EXPECT_EQ(std::string{technical(0).child("hammer-on").attribute("type").as_string()}, "start");
    EXPECT_EQ(std::string{technical(0).child("hammer-on").text().as_string()}, "H");
    EXPECT_EQ(std::string{notes[0].child("play").child("mute").text().as_string()}, "palm");
    EXPECT_EQ(childNames(technical(1)), (Names{"string", "fret", "hammer-on", "bend", "bend"}));
    EXPECT_EQ(std::string{technical(1).child("hammer-on").attribute("type").as_string()}, "stop");
    const auto bends = notes[1].child("notations").child("technical").children("bend");
    auto bend = bends.begin();
    EXPECT_EQ(std::string{bend->child("bend-alter").text().as_string()}, "2");
    EXPECT_EQ(std::string{bend->attribute("last-beat").as_string()}, "50");
    ++bend;
    EXPECT_EQ(std::string{bend->child("bend-alter").text().as_string()}, "-2");
    EXPECT_TRUE(bend->child("release"));
    EXPECT_EQ(std::string{notes[1].child("notations").child("slide").attribute("type").as_string()}, "start");
    EXPECT_EQ(std::string{notes[1].child("notations").child("slur").attribute("type").as_string()}, "start");
    EXPECT_EQ(std::string{notes[2].child("notations").child("slide").attribute("type").as_string()}, "stop");
    EXPECT_EQ(childNames(technical(2)), (Names{"harmonic", "string", "fret", "other-technical"}));
    EXPECT_EQ(std::string{technical(2).child("other-technical").text().as_string()}, "pinch harmonic");
    EXPECT_EQ(notes[2].child("notations").child("ornaments").child("wavy-line").attribute("type").as_string(),
              std::string{"start"});
    EXPECT_EQ(std::string{written->attribute("//note[3]/notations/tied", "type")}, "let-ring");
    EXPECT_EQ(std::string{notes[2].child("notehead").attribute("parentheses").as_string()}, "yes");
    EXPECT_EQ(std::string{notes[3].child("notehead").text().as_string()}, "x");
    EXPECT_EQ(childNames(technical(3)), (Names{"string", "fret", "bend", "tap"}));
    EXPECT_TRUE(technical(3).child("bend").child("pre-bend"));
    expectSchemaValid(written->text);
}

// --- directions, harmony, barlines ------------------------------------------------------------

TEST(MusicXmlWriterTest, DynamicsWedgesWordsRehearsalAndTempo) {
    score::Score source = scoreWithMeasures(2);
    source.timeline.measures[0].tempos.push_back({Rational{0}, Rational{3, 8}, Rational{60}, "Andante"});
    source.timeline.measures[1].tempos.push_back({Rational{1, 2}, Rational{1, 5}, Rational{100}, ""});
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1}, "C4");
    addEvent(source, part, 1, Rational{0}, Rational{1}, "D4");
    part.dynamics.push_back({{0, Rational{0}}, 1, "mf", 0});
    part.dynamics.push_back({{1, Rational{1, 4}}, 1, "subito p", 40});
    source.layers.notation.hairpins.push_back({"P1", 1, {0, Rational{1, 2}}, {1, Rational{0}}, true});
    source.layers.notation.texts.push_back({"P1", 1, {0, Rational{1, 4}}, "dolce", false});
    source.layers.markers.push_back({{0, Rational{0}}, score::Marker::Kind::Rehearsal, "A"});
    source.layers.markers.push_back({{1, Rational{0}}, score::Marker::Kind::PointOfInterest, "tricky"});
    const auto written = write(source);
    // Directions come before the note they fall in; those inside it say how far with an <offset>.
    EXPECT_EQ(childNames(written->node("//measure[1]")),
              (Names{"attributes", "direction", "direction", "direction", "direction", "direction", "note"}));
    EXPECT_FALSE(written->node("//measure[1]/direction[3]/offset"));
    EXPECT_EQ(written->number("//measure[1]/direction[4]/offset"), 1);
    EXPECT_EQ(written->attribute("//measure[1]/direction[4]/offset", "sound"), "yes");
    EXPECT_EQ(written->number("//measure[1]/direction[5]/offset"), 2);
    EXPECT_EQ(written->value("//measure[1]/direction[1]/direction-type/rehearsal"), "A");
    EXPECT_EQ(written->value("//measure[1]/direction[2]/direction-type[1]/words"), "Andante");
    EXPECT_EQ(written->value("//measure[1]/direction[2]/direction-type[2]/metronome/beat-unit"), "quarter");
    EXPECT_TRUE(written->node("//measure[1]/direction[2]/direction-type[2]/metronome/beat-unit-dot"));
    EXPECT_EQ(written->number("//measure[1]/direction[2]/direction-type[2]/metronome/per-minute"), 60);
    EXPECT_EQ(written->attribute("//measure[1]/direction[2]/sound", "tempo"), "90");
    EXPECT_TRUE(written->node("//measure[1]/direction[3]/direction-type/dynamics/mf"));
    EXPECT_EQ(written->attribute("//measure[1]/direction[4]", "placement"), "below");
    EXPECT_EQ(written->value("//measure[1]/direction[4]/direction-type/words"), "dolce");
    EXPECT_EQ(written->attribute("//measure[1]/direction[5]/direction-type/wedge", "type"), "crescendo");
    EXPECT_EQ(written->attribute("//measure[2]/direction[1]/direction-type/wedge", "type"), "stop");
    EXPECT_EQ(written->value("//measure[2]/direction[2]/direction-type/dynamics/other-dynamics"), "subito p");
    EXPECT_EQ(written->attribute("//measure[2]/direction[2]/sound", "dynamics"), "44.44");
    // A beat unit no note type spells (a fifth of a whole) is given in quarters.
    EXPECT_EQ(written->value("//measure[2]/direction[3]/direction-type/metronome/beat-unit"), "quarter");
    EXPECT_EQ(written->number("//measure[2]/direction[3]/direction-type/metronome/per-minute"), 80);
    EXPECT_EQ(written->nodes("//direction").size(), 8U);  // no point of interest
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, ScoreWideMarksGoToTheFirstPartOnly) {
    score::Score source = scoreWithMeasures(1);
    source.timeline.measures[0].tempos.push_back({Rational{0}, Rational{1, 4}, Rational{120}, ""});
    addPart(source, "P1");
    addPart(source, "P2");
    source.layers.notation.texts.push_back({"", 1, {0, Rational{0}}, "Swing", true});
    const auto written = write(source);
    EXPECT_EQ(written->nodes("//part[@id='P1']//direction").size(), 2U);
    EXPECT_EQ(written->nodes("//part[@id='P2']//direction").size(), 0U);
    EXPECT_EQ(written->attribute("//part[@id='P1']//direction/sound", "tempo"), "120");
}

TEST(MusicXmlWriterTest, ChordSymbolsWithStructureTextOnlyAndNoChord) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 0, Rational{0}, Rational{1}, "C4");
    score::ChordSymbol structured{{0, Rational{0}},
                                  "P1",
                                  "Bbm7/Db",
                                  score::PitchName{score::Step::B, -1},
                                  "minor-seventh",
                                  score::PitchName{score::Step::D, -1},
                                  {{9, 0, score::ChordDegree::Type::Add}}};
    score::ChordSymbol textOnly{{0, Rational{1, 4}}, "P1", "F#m7b5/C"};
    score::ChordSymbol unknown{{0, Rational{1, 2}}, "P1", "Gsus4add9"};
    score::ChordSymbol noChord{{0, Rational{3, 4}}, "P1", "N.C."};
    score::ChordSymbol unreadable{{0, Rational{3, 4}}, "P1", "%"};
    unreadable.alternate = true;
    source.layers.chords = {structured, textOnly, unknown, noChord, unreadable};
    const auto written = write(source);
    const auto harmonies = written->nodes("//harmony");
    ASSERT_EQ(harmonies.size(), 5U);
    EXPECT_EQ(childNames(harmonies[0]), (Names{"root", "kind", "bass", "degree"}));
    EXPECT_EQ(std::string{harmonies[0].child("root").child("root-step").text().as_string()}, "B");
    EXPECT_EQ(harmonies[0].child("root").child("root-alter").text().as_int(), -1);
    EXPECT_EQ(std::string{harmonies[0].child("kind").text().as_string()}, "minor-seventh");
    EXPECT_EQ(std::string{harmonies[0].child("kind").attribute("text").as_string()}, "m7");
    EXPECT_EQ(std::string{harmonies[0].child("bass").child("bass-step").text().as_string()}, "D");
    EXPECT_EQ(harmonies[0].child("degree").child("degree-value").text().as_int(), 9);
    EXPECT_EQ(std::string{harmonies[1].child("root").child("root-step").text().as_string()}, "F");
    EXPECT_EQ(harmonies[1].child("root").child("root-alter").text().as_int(), 1);
    EXPECT_EQ(std::string{harmonies[1].child("kind").text().as_string()}, "half-diminished");
    EXPECT_EQ(std::string{harmonies[1].child("bass").child("bass-step").text().as_string()}, "C");
    EXPECT_EQ(std::string{harmonies[2].child("kind").text().as_string()}, "other");
    EXPECT_EQ(std::string{harmonies[2].child("kind").attribute("text").as_string()}, "sus4add9");
    EXPECT_EQ(std::string{harmonies[3].child("kind").text().as_string()}, "none");
    EXPECT_EQ(std::string{harmonies[3].child("kind").attribute("text").as_string()}, "N.C.");
    EXPECT_EQ(std::string{harmonies[3].child("root").child("root-step").attribute("text").as_string()}, "");
    EXPECT_EQ(std::string{harmonies[4].attribute("type").as_string()}, "alternate");
    EXPECT_EQ(std::string{harmonies[4].child("kind").attribute("text").as_string()}, "%");
    // Every harmony comes before the note it falls in, with its <offset> into the note.
    EXPECT_EQ(childNames(written->node("//measure[1]")),
              (Names{"attributes", "harmony", "harmony", "harmony", "harmony", "harmony", "note"}));
    EXPECT_FALSE(harmonies[0].child("offset"));
    EXPECT_EQ(harmonies[1].child("offset").text().as_int(), 1);
    EXPECT_EQ(harmonies[4].child("offset").text().as_int(), 3);
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, ChordTextKeepsItsRootSpellingAndItsPrintedDegreesAreNotRepeated) {
    score::Score source = scoreWithMeasures(1);
    addPart(source, "P1");
    score::ChordSymbol flat{{0, Rational{0}}, "P1", "B\u266D7(add9)", score::PitchName{score::Step::B, -1}, "dominant"};
    flat.degrees = {{9, 0, score::ChordDegree::Type::Add}};
    score::ChordSymbol bare{{0, Rational{1, 2}}, "P1", "", score::PitchName{score::Step::G, 0}, "dominant"};
    bare.degrees = {{9, -1, score::ChordDegree::Type::Add}};
    source.layers.chords = {flat, bare};
    const auto written = write(source);
    EXPECT_EQ(written->attribute("//harmony[1]/root/root-step", "text"), "B\u266D");
    EXPECT_EQ(written->attribute("//harmony[1]/kind", "text"), "7(add9)");
    EXPECT_EQ(written->attribute("//harmony[1]/degree", "print-object"), "no");  // the kind's text shows it
    EXPECT_FALSE(written->node("//harmony[2]/root/root-step/@text"));
    EXPECT_FALSE(written->node("//harmony[2]/kind/@text"));
    EXPECT_FALSE(written->node("//harmony[2]/degree/@print-object"));  // no text: the degree is shown
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, ASingleTupletKeepsItsRatioAsWritten) {
    score::Score source = scoreWithMeasures(1, {2, 4});
    score::Part& part = addPart(source, "P1");
    for (int i = 0; i < 6; ++i) {  // six sixteenths in the time of four
        addEvent(source, part, 0, Rational{i, 24}, Rational{1, 24}, "C5").tuplets = {{6, 4, i == 0, i == 5}};
    }
    const auto written = write(source);
    EXPECT_EQ(written->number("//note[1]/time-modification/actual-notes"), 6);
    EXPECT_EQ(written->number("//note[1]/time-modification/normal-notes"), 4);
    EXPECT_EQ(written->value("//note[1]/type"), "16th");
}

TEST(MusicXmlWriterTest, EventsPastTheTimelineGetMeasuresOfTheLastMeter) {
    score::Score source = scoreWithMeasures(1, {3, 4});
    score::Part& part = addPart(source, "P1");
    addEvent(source, part, 2, Rational{0}, Rational{3, 4}, "E4");
    const auto written = write(source);
    const auto measures = written->nodes("//part/measure");
    ASSERT_EQ(measures.size(), 3U);
    EXPECT_EQ(std::string{measures[2].attribute("number").as_string()}, "3");
    EXPECT_EQ(written->number("//measure[2]/note/duration"), 3);  // a measure rest as long as 3/4
    EXPECT_EQ(written->value("//measure[3]/note/pitch/step"), "E");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, DivisionsStayBoundedWhenDenominatorsExplode) {
    score::Score source = scoreWithMeasures(1);
    score::Part& part = addPart(source, "P1");
    // Durations of 1/997, 1/991 and 1/983 of a whole: divisions that hold all three would pass
    // 2^26, more than readers' integers hold, so the last is rounded instead.
    addEvent(source, part, 0, Rational{0}, Rational{1, 997}, "C4");
    addEvent(source, part, 0, Rational{1, 997}, Rational{1, 991}, "D4");
    addEvent(source, part, 0, Rational{1, 997} + Rational{1, 991}, Rational{1, 983}, "E4");
    const auto written = write(source);
    EXPECT_EQ(written->document.select_node("//divisions").node().text().as_llong(), 997LL * 991);
    const auto durations = written->nodes("//note/duration");
    ASSERT_EQ(durations.size(), 3U);
    EXPECT_EQ(durations[0].text().as_llong(), 4LL * 991);
    EXPECT_EQ(durations[1].text().as_llong(), 4LL * 997);
    EXPECT_EQ(durations[2].text().as_llong(), 4020LL);  // 4 * 997 * 991 / 983 = 4020.46…, rounded
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, ChordDiagramsAreFramesOfTheirHarmony) {
    score::Score source = scoreWithMeasures(1);
    addPart(source, "P1");
    source.layers.chords.push_back({{0, Rational{0}}, "P1", "Am"});
    source.layers.diagrams.push_back({{0, Rational{0}}, "P1", "Am", 1, {0, 1, 2, 2, 0, -1}, {0, 1, 3, 2, 0, 0}});
    source.layers.diagrams.push_back({{0, Rational{1, 2}}, "P1", "D/F#", 5, {5, 7, 7, 7, 5, -1}, {}});
    const auto written = write(source);
    const auto harmonies = written->nodes("//harmony");
    ASSERT_EQ(harmonies.size(), 2U);
    const auto frame = harmonies[0].child("frame");
    EXPECT_EQ(frame.child("frame-strings").text().as_int(), 6);
    EXPECT_EQ(frame.child("frame-frets").text().as_int(), 4);
    EXPECT_EQ(std::distance(frame.children("frame-note").begin(), frame.children("frame-note").end()), 5);
    EXPECT_EQ(frame.child("frame-note").child("string").text().as_int(), 1);
    EXPECT_EQ(written->number("//harmony[1]/frame/frame-note[3]/fingering"), 3);
    EXPECT_EQ(std::string{harmonies[1].child("root").child("root-step").text().as_string()}, "D");
    EXPECT_EQ(std::string{harmonies[1].child("bass").child("bass-step").text().as_string()}, "F");
    EXPECT_EQ(harmonies[1].child("frame").child("first-fret").text().as_int(), 5);
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, RepeatsEndingsAndBarStyles) {
    score::Score source = scoreWithMeasures(4);
    auto& measures = source.timeline.measures;
    measures[0].repeatStart = true;
    measures[1].repeatEnd = 2;
    measures[2].repeatEnd = 3;
    measures[3].barline = "light-heavy";
    source.timeline.endings.push_back({1, 1, {1}, "1.", false});
    source.timeline.endings.push_back({2, 3, {2, 3}, "", true});
    addPart(source, "P1");
    const auto written = write(source);
    EXPECT_EQ(written->attribute("//measure[1]/barline", "location"), "left");
    EXPECT_EQ(childNames(written->node("//measure[1]/barline")), (Names{"repeat"}));  // no style invented
    EXPECT_EQ(written->attribute("//measure[1]/barline/repeat", "direction"), "forward");
    EXPECT_EQ(written->attribute("//measure[2]/barline[@location='left']/ending", "type"), "start");
    EXPECT_EQ(written->attribute("//measure[2]/barline[@location='left']/ending", "number"), "1");
    EXPECT_EQ(written->value("//measure[2]/barline[@location='left']/ending"), "1.");
    EXPECT_EQ(childNames(written->node("//measure[2]/barline[@location='right']")), (Names{"ending", "repeat"}));
    EXPECT_EQ(written->attribute("//measure[2]/barline[@location='right']/ending", "type"), "stop");
    EXPECT_FALSE(written->node("//measure[2]/barline[@location='right']/repeat/@times"));
    EXPECT_EQ(written->attribute("//measure[3]/barline[@location='left']/ending", "number"), "2, 3");
    EXPECT_EQ(written->attribute("//measure[3]/barline[@location='right']/repeat", "times"), "3");
    EXPECT_EQ(written->attribute("//measure[4]/barline/ending", "type"), "discontinue");
    EXPECT_EQ(written->value("//measure[4]/barline/bar-style"), "light-heavy");
    expectSchemaValid(written->text);
}

TEST(MusicXmlWriterTest, NavigationIsADirectionWithItsSound) {
    score::Score source = scoreWithMeasures(3);
    using K = score::NavigationKind;
    source.timeline.measures[0].navigation = {{K::Segno, Rational{0}, ""}};
    source.timeline.measures[1].navigation = {{K::ToCoda, Rational{1}, ""}, {K::Fine, Rational{1}, "Fine"}};
    source.timeline.measures[2].navigation = {{K::Coda, Rational{0}, "Coda"}, {K::DalSegnoAlCoda, Rational{1}, ""}};
    addPart(source, "P1");
    const auto written = write(source);
    EXPECT_TRUE(written->node("//measure[1]/direction/direction-type/segno"));
    EXPECT_EQ(written->attribute("//measure[1]/direction/sound", "segno"), "segno");
    EXPECT_EQ(written->value("//measure[2]/direction[1]/direction-type/words"), "To Coda");
    EXPECT_EQ(written->attribute("//measure[2]/direction[1]/sound", "tocoda"), "coda");
    EXPECT_EQ(written->attribute("//measure[2]/direction[2]/sound", "fine"), "yes");
    EXPECT_EQ(childNames(written->node("//measure[3]/direction[1]")),
              (Names{"direction-type", "direction-type", "sound"}));
    EXPECT_EQ(written->value("//measure[3]/direction[1]/direction-type[2]/words"), "Coda");
    EXPECT_EQ(written->value("//measure[3]/direction[2]/direction-type/words"), "D.S. al Coda");
    EXPECT_EQ(written->attribute("//measure[3]/direction[2]/sound", "dalsegno"), "segno");
    expectSchemaValid(written->text);
}

// --- the schema ---------------------------------------------------------------------------

// A score that sets every field of the model: four parts (piano on two staves with two voices each,
// a B-flat clarinet, a guitar with a TAB staff, a drum kit), a pickup, meter and key changes,
// tuplets, grace and cue notes, every articulation, technique and layer.
score::Score everyFieldScore() {
    using score::Step;
    score::Score full = scoreWithMeasures(5, {3, 4});
    full.metadata = {"Everything", "a test",     "Composer", "Lyricist", "Arranger",
                     "(c) nobody", "hand-built", "test",     {"a", "b"}};
    auto& measures = full.timeline.measures;
    measures[0].number = "0";
    measures[0].pickup = true;
    measures[0].duration = Rational{1, 4};
    measures[0].keys = {{Rational{0}, {-1, score::Mode::Major, {}}}};
    measures[0].tempos = {{Rational{0}, Rational{1, 4}, Rational{185, 2}, "Allegretto"}};
    measures[1].repeatStart = true;
    measures[2].time = score::TimeSignature{6, 8, score::TimeSignature::Symbol::Normal};
    measures[2].keys = {{Rational{0}, {2, score::Mode::Minor, {}}},
                        {Rational{3, 8}, {0, score::Mode::None, {{Step::F, 1}}}}};
    measures[2].repeatEnd = 2;
    measures[2].navigation = {{score::NavigationKind::Segno, Rational{0}, ""}};
    measures[3].time = score::TimeSignature{2, 2, score::TimeSignature::Symbol::Cut};
    measures[3].duration = Rational{1};
    measures[3].tempos = {{Rational{1, 2}, Rational{1, 2}, Rational{60}, ""}};
    measures[3].navigation = {{score::NavigationKind::Coda, Rational{0}, ""},
                              {score::NavigationKind::ToCoda, Rational{1}, ""}};
    measures[4].barline = "light-heavy";
    measures[4].navigation = {{score::NavigationKind::DaCapoAlFine, Rational{1}, "D.C. al Fine"},
                              {score::NavigationKind::Fine, Rational{1}, ""}};
    for (std::size_t m = 1; m < 3; ++m) measures[m].duration = Rational{3, 4};
    measures[4].duration = Rational{1};
    full.timeline.endings = {{2, 2, {1}, "1.", false}, {3, 3, {2}, "2.", true}};

    score::Part& piano = addPart(full, "Pno", "Piano");
    piano.abbreviation = "Pno.";
    piano.staves = 2;
    piano.instrument = {"Grand Piano", 0, false, 1};
    addEvent(full, piano, 0, Rational{0}, Rational{1, 8}, "C5").grace = score::Grace{false, Rational{1, 8}};
    score::Event& pickup = addEvent(full, piano, 0, Rational{0}, Rational{1, 4}, "B4 D5");
    pickup.articulations = {score::Articulation::Fermata, score::Articulation::Arpeggiate};
    pickup.notes[0].velocity = 64;
    const score::ElementId pickupId = pickup.id;  // the reference dies with the next event
    std::vector<score::ElementId> beamed;
    for (int i = 0; i < 3; ++i) {
        score::Event& triplet = addEvent(full, piano, 1, Rational{i, 12}, Rational{1, 12}, "E5");
        triplet.tuplets = {{3, 2, i == 0, i == 2}};
        beamed.push_back(triplet.id);
    }
    addEvent(full, piano, 1, Rational{1, 4}, Rational{1, 2}, "F5").notes[0].tieStart = true;
    addEvent(full, piano, 1, Rational{0}, Rational{3, 4}, "C3", 5, 2).articulations = {
        score::Articulation::Staccato,     score::Articulation::Staccatissimo, score::Articulation::Accent,
        score::Articulation::StrongAccent, score::Articulation::Tenuto,        score::Articulation::DetachedLegato,
        score::Articulation::Trill,        score::Articulation::Mordent,       score::Articulation::InvertedMordent,
        score::Articulation::Turn,         score::Articulation::Tremolo,       score::Articulation::UpBow,
        score::Articulation::DownBow,      score::Articulation::Breath};
    score::Event& held = addEvent(full, piano, 2, Rational{0}, Rational{3, 8}, "F5");
    held.notes[0].tieStop = true;
    held.notes[0].performed = score::PerformedTiming{Rational{5, 4}, Rational{1, 3}};
    addEvent(full, piano, 2, Rational{3, 8}, Rational{3, 8}, "").invisible = true;
    addEvent(full, piano, 2, Rational{0}, Rational{3, 4}, "G2", 6, 2).cue = true;
    // A quarter-note triplet holding an eighth-note triplet, then a rest, in cut time.
    addEvent(full, piano, 3, Rational{0}, Rational{1, 6}, "A4").tuplets = {{3, 2, true, false}};
    for (int i = 0; i < 3; ++i) {
        addEvent(full, piano, 3, Rational{1, 6} + Rational{i, 18}, Rational{1, 18}, "B4").tuplets = {
            {3, 2, false, false}, {3, 2, i == 0, i == 2}};
    }
    addEvent(full, piano, 3, Rational{1, 3}, Rational{1, 6}, "C5").tuplets = {{3, 2, false, true}};
    addEvent(full, piano, 3, Rational{1, 2}, Rational{1, 2}, "");
    addEvent(full, piano, 4, Rational{0}, Rational{0}, "").measureRest = true;
    piano.dynamics = {{{1, Rational{0}}, 1, "p", 49}, {{2, Rational{0}}, 2, "sfz", 0}};

    score::Part& clarinet = addPart(full, "Cl", "Clarinet in Bb");
    clarinet.instrument = {"Clarinet", 71, false, std::nullopt};
    clarinet.transposition = {-1, -2, 0};
    addEvent(full, clarinet, 1, Rational{0}, Rational{3, 4}, "D5");
    addEvent(full, clarinet, 2, Rational{0}, Rational{5, 16}, "E5");  // no single note type

    score::Part& guitar = addPart(full, "Gtr", "Guitar");
    guitar.instrument = {"Steel Guitar", 25, false, 2};
    guitar.staves = 2;
    guitar.capo = 1;
    for (const char* open : {"E4", "B3", "G3", "D3", "A2", "E2"}) guitar.tuning.push_back(*score::Pitch::parse(open));
    std::vector<score::ElementId> fretted;
    fretted.reserve(6);
    for (int i = 0; i < 3; ++i) {
        fretted.push_back(addEvent(full, guitar, 1, Rational{i, 4}, Rational{1, 4}, i == 0 ? "A3" : "B3").notes[0].id);
    }
    for (int i = 0; i < 3; ++i) {
        fretted.push_back(addEvent(full, guitar, 1, Rational{i, 4}, Rational{1, 4}, "A3", 5, 2).notes[0].id);
    }

    score::Part& drums = addPart(full, "Dr", "Drums");
    drums.instrument = {"Drumset", 0, true, std::nullopt};
    score::Event& hit = addEvent(full, drums, 1, Rational{0}, Rational{1, 4}, "F4 G5");
    hit.notes[0].percussionKey = 36;
    hit.notes[1].percussionKey = 42;

    score::Layers& layers = full.layers;
    layers.form = {{"A", 1, 2}, {"B", 3, 4}};
    layers.chords = {{{1, Rational{0}},
                      "Pno",
                      "Dm7",
                      score::PitchName{Step::D, 0},
                      "minor-seventh",
                      std::nullopt,
                      {{11, 1, score::ChordDegree::Type::Add},
                       {5, -1, score::ChordDegree::Type::Alter},
                       {3, 0, score::ChordDegree::Type::Subtract}}},
                     {{1, Rational{1, 2}}, "", "G7/B"},
                     {{1, Rational{1, 2}}, "", "Bdim", std::nullopt, "", std::nullopt, {}, true},
                     {{2, Rational{0}}, "Gtr", "N.C.", std::nullopt, "", std::nullopt, {}, false, true},
                     {{3, Rational{0}}, "Pno", "C", score::PitchName{Step::C, 0}, "bogus-kind"}};
    layers.analysis = {{{{1, Rational{0}}, {Step::D, 0}, score::Mode::Minor}},
                       {{{1, Rational{0}}, "ii7", "C"}},
                       {{{4, Rational{0}}, score::CadenceKind::Perfect}}};
    score::TabNote bent{fretted[0], 3, 2};
    bent.bend = {{Rational{0}, 0}, {Rational{1, 3}, 100}, {Rational{1}, 0}};
    bent.hammerOn = true;
    bent.vibrato = true;
    bent.palmMute = true;
    score::TabNote slid{fretted[1], 3, 4};
    slid.slide = score::Slide::Shift;
    slid.pullOff = true;
    slid.harmonic = score::Harmonic::Natural;
    slid.letRing = true;
    score::TabNote landed{fretted[2], 3, 4};
    landed.harmonic = score::Harmonic::Artificial;
    landed.deadNote = true;
    landed.ghost = true;
    landed.tapping = true;
    landed.slide = score::Slide::OutDownwards;
    score::TabNote legato{fretted[3], 5, 0};
    legato.slide = score::Slide::Legato;
    score::TabNote tapped{fretted[4], 5, 2};
    tapped.harmonic = score::Harmonic::Tapped;
    tapped.slide = score::Slide::InFromBelow;
    score::TabNote semi{fretted[5], 5, 2};
    semi.harmonic = score::Harmonic::Semi;
    semi.slide = score::Slide::InFromAbove;
    semi.bend = {{Rational{0}, 50}};
    layers.tablature = {bent, slid, landed, legato, tapped, semi};
    layers.diagrams = {{{1, Rational{0}}, "Gtr", "Am", 1, {0, 1, 2, 2, 0, -1}, {0, 1, 3, 2, 0, 5}},
                       {{1, Rational{0}}, "Pno", "Dm7", 1, {1, 1, 2, 0, -1, -1}, {}},
                       {{2, Rational{0}}, "Gtr", "muted", 1, {-1, -1}, {}}};
    layers.fingering = {{fretted[0], "1"}, {fretted[1], "m"}};
    score::NotationLayer& notation = layers.notation;
    notation.clefs = {{"Pno", 1, {0, Rational{0}}, score::Clef::Sign::G, 2, 0},
                      {"Pno", 2, {0, Rational{0}}, score::Clef::Sign::F, 4, 0},
                      {"Pno", 2, {2, Rational{3, 8}}, score::Clef::Sign::C, 3, 0},
                      {"Cl", 1, {0, Rational{0}}, score::Clef::Sign::G, 2, 0},
                      {"Gtr", 1, {0, Rational{0}}, score::Clef::Sign::G, 2, -1},
                      {"Gtr", 2, {0, Rational{0}}, score::Clef::Sign::Tab, 5, 0},
                      {"Dr", 1, {0, Rational{0}}, score::Clef::Sign::Percussion, 2, 0},
                      {"Dr", 1, {4, Rational{0}}, score::Clef::Sign::None, 3, 0}};
    notation.beams = {{"Pno", beamed}};
    notation.stems = {{beamed[0], score::Stem::Direction::Up},
                      {beamed[1], score::Stem::Direction::Down},
                      {beamed[2], score::Stem::Direction::None}};
    notation.slurs = {{"Pno", beamed[0], beamed[2]}, {"Pno", pickupId, beamed[1]}};
    notation.hairpins = {{"Pno", 1, {1, Rational{0}}, {1, Rational{1, 2}}, true},
                         {"Pno", 2, {2, Rational{0}}, {3, Rational{0}}, false}};
    notation.texts = {{"Pno", 1, {1, Rational{1, 4}}, "dolce", true}, {"", 1, {3, Rational{0}}, "Swing", false}};
    layers.lyrics = {{beamed[0], 1, "Hel", score::LyricSyllable::Syllabic::Begin, false},
                     {beamed[1], 1, "lo", score::LyricSyllable::Syllabic::Middle, false},
                     {beamed[2], 1, "o", score::LyricSyllable::Syllabic::End, true},
                     {beamed[0], 2, "Bye", score::LyricSyllable::Syllabic::Single, false}};
    layers.markers = {{{1, Rational{0}}, score::Marker::Kind::Rehearsal, "A"},
                      {{2, Rational{1, 4}}, score::Marker::Kind::Text, "tutti"},
                      {{3, Rational{0}}, score::Marker::Kind::PointOfInterest, "hard"}};
    full.learning = {{{1, 2, "run", "slowly"}}, {{{1, Rational{0}}, "Pno", "breathe", "teacher"}}};
    full.audio = {{"take1.flac", "audio/flac", "a take", Rational{1, 2}}};
    full.extensions = {{"plugin", "{\"x\":1}"}};
    return full;
}

TEST(MusicXmlWriterTest, AScoreSettingEveryFieldValidates) {
    const score::Score full = everyFieldScore();
    const auto written = write(full);
    expectSchemaValid(written->text);
    // Every part has every measure, and every event of the model is a note (chords: one per note).
    EXPECT_EQ(written->nodes("/score-partwise/part").size(), 4U);
    for (const auto& part : written->nodes("/score-partwise/part")) {
        EXPECT_EQ(std::distance(part.children("measure").begin(), part.children("measure").end()), 5);
    }
    std::size_t notes = 0;
    for (const score::Part& part : full.parts) {
        for (const score::Event& event : part.events) notes += std::max<std::size_t>(event.notes.size(), 1);
    }
    // A measure rest per staff where a part is silent: clarinet 3, guitar 4 on two staves, drums 4.
    const std::size_t measureRests = 3 + 4 * 2 + 4;
    EXPECT_EQ(written->nodes("//note").size(), notes + measureRests);
}

TEST(MusicXmlWriterTest, TheSchemaCheckRejectsInvalidMusicXml) {
    score::Score source = scoreWithMeasures(1);
    addEvent(source, addPart(source, "P1"), 0, Rational{0}, Rational{1}, "C4");
    std::string text = writeMusicXml(source);
    ASSERT_TRUE(test::validateAgainstMusicXmlSchema(text).valid);
    // <voice> after <type> breaks the note's element order; an octave of 10 is out of range.
    const auto voice = text.find("<voice>1</voice>");
    ASSERT_NE(voice, std::string::npos);
    std::string reordered = text;
    reordered.erase(voice, std::string{"<voice>1</voice>"}.size());
    reordered.insert(reordered.find("</type>") + 7, "<voice>1</voice>");
    const test::SchemaCheck check = test::validateAgainstMusicXmlSchema(reordered);
    EXPECT_FALSE(check.valid);
    EXPECT_NE(check.messages.find("voice"), std::string::npos) << check.messages;
    std::string outOfRange = text;
    outOfRange.replace(outOfRange.find("<octave>4</octave>"), 18, "<octave>10</octave>");
    EXPECT_FALSE(test::validateAgainstMusicXmlSchema(outOfRange).valid);
}

// --- compressed MusicXML ----------------------------------------------------------------------

// Reads one entry of a zip held in memory.
std::string zipEntry(zip_t* archive, const char* name) {
    zip_file_t* file = zip_fopen(archive, name, 0);
    if (file == nullptr) return "<missing>";
    std::string content;
    char chunk[4096];
    zip_int64_t read = 0;
    while ((read = zip_fread(file, chunk, sizeof chunk)) > 0) content.append(chunk, static_cast<std::size_t>(read));
    zip_fclose(file);
    return content;
}

TEST(MusicXmlWriterTest, CompressedMusicXmlIsAZipWithMimetypeContainerAndScore) {
    const score::Score full = everyFieldScore();
    const auto mxl = writeCompressedMusicXml(full);
    ASSERT_TRUE(mxl.ok()) << mxl.error().describe();
    const std::vector<std::byte>& bytes = *mxl;
    // The first local header: "PK\3\4", stored (method 0), no extra field, named mimetype.
    ASSERT_GT(bytes.size(), 64U);
    const auto byte = [&](std::size_t i) { return std::to_integer<unsigned>(bytes[i]); };
    EXPECT_EQ(byte(0), 0x50U);
    EXPECT_EQ(byte(1), 0x4BU);
    EXPECT_EQ(byte(2), 0x03U);
    EXPECT_EQ(byte(3), 0x04U);
    EXPECT_EQ(byte(8) | (byte(9) << 8U), 0U);
    EXPECT_EQ(byte(26) | (byte(27) << 8U), 8U);
    EXPECT_EQ(byte(28) | (byte(29) << 8U), 0U);
    EXPECT_EQ(std::memcmp(bytes.data() + 30, "mimetypeapplication/vnd.recordare.musicxml", 42), 0);

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    ASSERT_NE(source, nullptr);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    ASSERT_NE(archive, nullptr) << zip_error_strerror(&error);
    EXPECT_EQ(zip_get_num_entries(archive, 0), 3);
    EXPECT_STREQ(zip_get_name(archive, 0, 0), "mimetype");
    EXPECT_EQ(zipEntry(archive, "mimetype"), "application/vnd.recordare.musicxml");
    const std::string container = zipEntry(archive, "META-INF/container.xml");
    const test::SchemaCheck containerCheck = test::validateAgainstMusicXmlSchema(container, "container.xsd");
    EXPECT_TRUE(containerCheck.valid) << containerCheck.messages;
    pugi::xml_document parsed;
    ASSERT_TRUE(parsed.load_string(container.c_str()));
    const std::string rootfile = parsed.select_node("/container/rootfiles/rootfile/@full-path").attribute().as_string();
    EXPECT_EQ(zipEntry(archive, rootfile.c_str()), writeMusicXml(full));
    zip_close(archive);  // also frees the source
    // The same score gives the same bytes.
    EXPECT_EQ(*writeCompressedMusicXml(full), bytes);
}

}  // namespace
}  // namespace mos::formats
