#include "mos/score/UmfJson.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "UmfSamples.hpp"

namespace mos::score {
namespace {

using core::Rational;
namespace fs = std::filesystem;

const fs::path kSourceDir{MOS_SOURCE_DIR};

std::string readFile(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<fs::path> filesIn(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator{folder}) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// One measure of 3/4 and one part with a C#4 quarter note: small enough to spell out.
Score oneNoteScore() {
    Score score;
    score.metadata.title = "One";
    Measure measure;
    measure.number = "1";
    measure.duration = Rational{3, 4};
    measure.time = TimeSignature{3, 4};
    score.timeline.measures.push_back(measure);
    Part part;
    part.id = "P1";
    Event event;
    event.id = score.newId();
    event.duration = Rational{1, 4};
    Note note;
    note.id = score.newId();
    note.pitch = Pitch{Step::C, 1, 4, 0};
    event.notes.push_back(note);
    part.events.push_back(event);
    Event rest;
    rest.id = score.newId();
    rest.offset = Rational{1, 4};
    rest.duration = Rational{1, 2};
    part.events.push_back(rest);
    score.parts.push_back(part);
    return score;
}

constexpr std::string_view kOneNoteCompact =
    R"({"umf":"1.0","metadata":{"title":"One"},"timeline":{"measures":[{"number":"1","duration":"3/4","time":"3/4"}]},)"
    R"("parts":[{"id":"P1","events":[{"id":1,"measure":0,"duration":"1/4","notes":[{"id":2,"pitch":"C#4"}]},)"
    R"({"id":3,"measure":0,"offset":"1/4","duration":"1/2"}]}]})";

constexpr std::string_view kOneNotePretty = R"({
  "umf": "1.0",
  "metadata": {
    "title": "One"
  },
  "timeline": {
    "measures": [
      {"number": "1", "duration": "3/4", "time": "3/4"}
    ]
  },
  "parts": [
    {
      "id": "P1",
      "events": [
        {"id": 1, "measure": 0, "duration": "1/4", "notes": [{"id": 2, "pitch": "C#4"}]},
        {"id": 3, "measure": 0, "offset": "1/4", "duration": "1/2"}
      ]
    }
  ]
}
)";

// A valid document to break in one place: `json` with `from` replaced by `to`.
std::string variant(std::string_view json, std::string_view from, std::string_view to) {
    std::string text{json};
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// Reads `json` expecting an error whose description is exactly `expected`.
void expectError(const std::string& json, const std::string& expected) {
    const auto score = readUmf(json, "test.umf.json");
    ASSERT_FALSE(score.ok()) << "read without error: " << json;
    EXPECT_EQ(score.error().describe(), expected);
}

TEST(UmfJsonTest, EveryFieldRoundTripsInBothStyles) {
    const Score original = testing::everyFieldScore();
    for (const UmfStyle style : {UmfStyle::Compact, UmfStyle::Pretty}) {
        const std::string json = writeUmf(original, style);
        const auto read = readUmf(json, "every-field.umf.json");
        ASSERT_TRUE(read.ok()) << read.error().describe() << '\n' << json;
        EXPECT_EQ(*read, original) << json;
        EXPECT_EQ(writeUmf(*read, style), json);
    }
}

TEST(UmfJsonTest, MinimalScoreIsJustTheVersion) {
    EXPECT_EQ(writeUmf(testing::minimalScore(), UmfStyle::Compact), R"({"umf":"1.0"})");
    EXPECT_EQ(writeUmf(testing::minimalScore(), UmfStyle::Pretty), "{\n  \"umf\": \"1.0\"\n}\n");
    const auto read = readUmf(R"({"umf":"1.0"})", "minimal.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(*read, testing::minimalScore());
}

TEST(UmfJsonTest, CompactFormLeavesOutDefaults) {
    EXPECT_EQ(writeUmf(oneNoteScore(), UmfStyle::Compact), kOneNoteCompact);
}

TEST(UmfJsonTest, PrettyFormPutsOneMeasureOrEventPerLine) {
    EXPECT_EQ(writeUmf(oneNoteScore(), UmfStyle::Pretty), kOneNotePretty);
    const auto read = readUmf(kOneNotePretty, "one.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(*read, oneNoteScore());
}

TEST(UmfJsonTest, ExplicitDefaultsAndUnreducedFractionsRead) {
    const std::string json =
        R"({"umf":"1.0","timeline":{"measures":[{"duration":"6/8","pickup":false,"repeatEnd":0}]},)"
        R"("parts":[{"id":"P1","staves":1,"capo":0,"events":[{"id":1,"measure":0,"offset":"0","duration":"2/4",)"
        R"("voice":1,"staff":1,"notes":[{"pitch":"C4","velocity":0}],"grace":{"slash":false,"value":"2/16"}}]}],)"
        R"("nextId":2})";
    const auto read = readUmf(json, "defaults.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    const Event& event = read->parts[0].events[0];
    EXPECT_EQ(event.duration, (Rational{1, 2}));
    EXPECT_EQ(event.grace->value, (Rational{1, 8}));
    EXPECT_EQ(event.notes[0].id, 0U);
    EXPECT_EQ(read->timeline.measures[0].duration, (Rational{3, 4}));
    EXPECT_EQ(writeUmf(*read, UmfStyle::Compact),
              R"({"umf":"1.0","timeline":{"measures":[{"duration":"3/4"}]},"parts":[{"id":"P1","events":[)"
              R"({"id":1,"measure":0,"duration":"1/2","notes":[{"pitch":"C4"}],"grace":{}}]}]})");
}

TEST(UmfJsonTest, PitchesRationalsAndMetersUseTheirTextForms) {
    const std::string json =
        R"({"umf":"1.0","timeline":{"measures":[{"duration":"7/8","time":"7/8","timeSymbol":"cut",)"
        R"("keys":[{"fifths":-2,"accidentals":["F#","Bbb"]}],"tempos":[{"beatUnit":"3/8","beatsPerMinute":"185/2"}]}]},)"
        R"("parts":[{"id":"P1","tuning":["E4","Cbbb-1","G#10+1200c","A3-5c"]}]})";
    const auto read = readUmf(json, "text-forms.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    const Measure& measure = read->timeline.measures[0];
    EXPECT_EQ(measure.time, (TimeSignature{7, 8, TimeSignature::Symbol::Cut}));
    EXPECT_EQ(measure.keys[0].key.accidentals, (std::vector<KeyAccidental>{{Step::F, 1}, {Step::B, -2}}));
    EXPECT_EQ(measure.tempos[0].quarterBpm(), (Rational{555, 4}));
    EXPECT_EQ(
        read->parts[0].tuning,
        (std::vector<Pitch>{{Step::E, 0, 4, 0}, {Step::C, -3, -1, 0}, {Step::G, 1, 10, 1200}, {Step::A, 0, 3, -5}}));
}

TEST(UmfJsonTest, TempoRampIsWrittenOnlyOnTheMarkThatRamps) {
    Score score;
    Measure measure{.number = "1", .duration = Rational{1}};
    measure.tempos.push_back({.beatsPerMinute = 120, .text = "rit.", .rampToNext = true});
    measure.tempos.push_back({.offset = Rational{1, 2}, .beatsPerMinute = 60});
    score.timeline.measures.push_back(measure);
    const std::string json = writeUmf(score, UmfStyle::Compact);
    EXPECT_EQ(json, R"({"umf":"1.0","timeline":{"measures":[{"number":"1","duration":"1","tempos":[)"
                    R"({"beatsPerMinute":"120","text":"rit.","rampToNext":true},)"
                    R"({"offset":"1/2","beatsPerMinute":"60"}]}]}})");
    const auto read = readUmf(json, "ritardando.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(*read, score);
}

TEST(UmfJsonTest, NextIdIsOnePastTheLargestIdUnlessWritten) {
    Score score = oneNoteScore();
    EXPECT_EQ(score.nextId, 4U);
    EXPECT_EQ(writeUmf(score, UmfStyle::Compact).find("nextId"), std::string::npos);
    score.nextId = 10;
    const std::string json = writeUmf(score, UmfStyle::Compact);
    EXPECT_TRUE(json.ends_with(R"(,"nextId":10})")) << json;
    auto read = readUmf(json, "ids.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read->newId(), 10U);
}

TEST(UmfJsonTest, UnknownFieldsOfLaterMinorVersionsAreIgnored) {
    const std::string json =
        R"({"umf":"1.7","future":{"anything":[1,2]},"parts":[{"id":"P1","colour":"red","events":[)"
        R"({"measure":0,"duration":"1/4","sparkle":true}]}],"timeline":{"measures":[{"duration":"1/4","x":1}]}})";
    const auto read = readUmf(json, "later.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read->parts[0].events.size(), 1U);
}

TEST(UmfJsonTest, ByteOrderMarkIsSkipped) {
    const auto read = readUmf("\xEF\xBB\xBF{\"umf\":\"1.0\"}", "bom.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
}

TEST(UmfJsonTest, ExtensionsAreKeptInCanonicalForm) {
    const std::string json =
        "{\"umf\":\"1.0\",\"extensions\":{\"p\":{ \"b\" : 1.50, \"a\" : [\"\\u00e9\\/\", -0.0, 1e2, "
        "18446744073709551615] },"
        "\"q\":null}}";
    const auto read = readUmf(json, "ext.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read->extensions.at("p"), "{\"a\":[\"\xC3\xA9/\",-0.0,100.0,18446744073709551615],\"b\":1.5}");
    EXPECT_EQ(read->extensions.at("q"), "null");
    const auto again = readUmf(writeUmf(*read, UmfStyle::Pretty), "ext.umf.json");
    ASSERT_TRUE(again.ok()) << again.error().describe();
    EXPECT_EQ(*again, *read);
}

TEST(UmfJsonTest, ExtensionTextThatIsNotJsonIsWrittenAsAString) {
    Score score;
    score.extensions["broken"] = "{not json";
    score.extensions["pretty"] = R"({ "b": 2, "a": 1 })";
    EXPECT_EQ(writeUmf(score, UmfStyle::Compact),
              R"({"umf":"1.0","extensions":{"broken":"{not json","pretty":{"a":1,"b":2}}})");
}

TEST(UmfJsonTest, TextIsEscapedAndBytesThatAreNotUtf8AreReplaced) {
    Score score;
    score.metadata.title = std::string{"a\"b\\c\x01\xC3\xA9\xFF", 9};
    const std::string json = writeUmf(score, UmfStyle::Compact);
    EXPECT_EQ(json, "{\"umf\":\"1.0\",\"metadata\":{\"title\":\"a\\\"b\\\\c\\u0001\xC3\xA9\xEF\xBF\xBD\"}}");
    const auto read = readUmf(json, "text.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read->metadata.title, "a\"b\\c\x01\xC3\xA9\xEF\xBF\xBD");
}

TEST(UmfJsonTest, OtherMajorVersionsAreUnsupported) {
    const auto read = readUmf(R"({"umf":"2.0"})", "v2.umf.json");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, core::ErrorCode::Unsupported);
    EXPECT_EQ(read.error().describe(), "v2.umf.json:1:8: umf: UMF 2.0 is not supported: this build reads UMF 1.x");
    expectError(R"({"umf":"1"})", R"(test.umf.json:1:8: umf: "1" is not a UMF version ("1.0"))");
    expectError(R"({"parts":[]})", R"(test.umf.json:1:1: (document): missing "umf")");
}

TEST(UmfJsonTest, SyntaxErrorsHaveLineAndColumn) {
    const auto read = readUmf("{\"umf\":\"1.0\",\n  \"parts\": [1,]\n}", "syntax.umf.json");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, core::ErrorCode::ParseError);
    EXPECT_EQ(read.error().where.line, 2);
    EXPECT_EQ(read.error().where.column, 15);
    EXPECT_TRUE(read.error().message.starts_with("not JSON: ")) << read.error().message;

    const auto badString = readUmf("{\"umf\":\"1.0\",\"metadata\":{\"title\":\"\xC3\xA9\xC3\"}}", "utf8.umf.json");
    ASSERT_FALSE(badString.ok());
    EXPECT_EQ(badString.error().where.line, 1);
    EXPECT_EQ(badString.error().where.column, 36);  // counted in characters: the é is one

    const auto trailing = readUmf(R"({"umf":"1.0"} x)", "trailing.umf.json");
    ASSERT_FALSE(trailing.ok());
    EXPECT_EQ(trailing.error().where.column, 15);
}

// One valid document; each error case below breaks it in one place.
const std::string kValid =
    R"({"umf":"1.0","timeline":{"measures":[{"duration":"1"},{"duration":"1"}]},)"
    "\n"
    R"("parts":[{"id":"P1","events":[{"id":1,"measure":0,"duration":"1/2","notes":[{"id":2,"pitch":"C4"}]},)"
    "\n"
    R"({"id":3,"measure":1,"duration":"1","articulations":["staccato"]}]}],)"
    "\n"
    R"("layers":{"lyrics":[{"event":1,"text":"la"}],"tablature":[{"note":2,"string":1,"fret":0}],)"
    R"("chords":[{"at":{"measure":1},"partId":"P1","text":"C"}]}})";

TEST(UmfJsonTest, TheValidDocumentReads) {
    const auto read = readUmf(kValid, "test.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read->nextId, 4U);
}

TEST(UmfJsonTest, WrongTypesAreErrorsWithTheirPath) {
    expectError(variant(kValid, R"("duration":"1/2")", R"("duration":0.5)"),
                "test.umf.json:2:62: parts[0].events[0].duration: must be a string");
    expectError(variant(kValid, R"("id":3)", R"("id":"3")"),
                "test.umf.json:3:7: parts[0].events[1].id: must be an "
                "integer from 1 to 4294967294");
    expectError(R"({"umf":"1.0","parts":{}})", "test.umf.json:1:22: parts: must be an array");
    expectError(variant(kValid, R"("text":"la")", R"("text":null)"),
                "test.umf.json:4:39: layers.lyrics[0].text: must be a string");
    expectError(variant(kValid, R"({"duration":"1"},{)", R"({"duration":"1","pickup":1},{)"),
                "test.umf.json:1:63: timeline.measures[0].pickup: must be true or false");
    expectError(R"({"umf":"1.0","timeline":{"measures":[{"duration":"1"}]},"parts":[{"id":"P1","events":[{"measure":0,)"
                R"("duration":"1","voice":0}]}]})",
                "test.umf.json:1:123: parts[0].events[0].voice: must be an integer from 1 to 255");
}

TEST(UmfJsonTest, BadValuesAreErrors) {
    expectError(variant(kValid, R"("staccato")", R"("stacato")"),
                R"(test.umf.json:3:53: parts[0].events[1].articulations[0]: "stacato" is not one of "staccato" )"
                R"("staccatissimo" "accent" "strong-accent" "tenuto" "detached-legato" "fermata" "trill" "mordent" )"
                R"("inverted-mordent" "turn" "tremolo" "up-bow" "down-bow" "arpeggiate" "breath")");
    expectError(
        variant(kValid, R"("1/2")", R"("1/0")"),
        R"(test.umf.json:2:62: parts[0].events[0].duration: "1/0" is not a non-negative rational ("3/8", "2"))");
    expectError(
        variant(kValid, R"("1/2")", R"("-1/2")"),
        R"(test.umf.json:2:62: parts[0].events[0].duration: "-1/2" is not a non-negative rational ("3/8", "2"))");
    expectError(
        variant(kValid, R"("C4")", R"("H4")"),
        R"(test.umf.json:2:93: parts[0].events[0].notes[0].pitch: "H4" is not a pitch ("C4", "F#3", "Bb5", "E4+50c"))");
    expectError(variant(kValid, R"("duration":"1"},{)", R"("duration":"1","time":"3/0"},{)"),
                R"(test.umf.json:1:61: timeline.measures[0].time: "3/0" is not a time signature ("3/4", "6/8"))");
    expectError(variant(kValid, R"({"duration":"1"},{)", R"({"duration":"1","timeSymbol":"cut"},{)"),
                R"(test.umf.json:1:38: timeline.measures[0]: "timeSymbol" needs a "time")");
    expectError(variant(kValid, R"("id":"P1")", R"("id":"")"), "test.umf.json:2:16: parts[0].id: must not be empty");
}

TEST(UmfJsonTest, DanglingReferencesAreErrors) {
    expectError(variant(kValid, R"("event":1)", R"("event":2)"),
                "test.umf.json:4:30: layers.lyrics[0].event: no event has the id 2");
    expectError(variant(kValid, R"("note":2)", R"("note":3)"),
                "test.umf.json:4:67: layers.tablature[0].note: no note has the id 3");
    expectError(variant(kValid, R"("partId":"P1")", R"("partId":"P9")"),
                R"(test.umf.json:4:130: layers.chords[0].partId: no part has the id "P9")");
    expectError(variant(kValid, R"("measure":1,"duration")", R"("measure":2,"duration")"),
                "test.umf.json:3:19: parts[0].events[1].measure: measure 2 does not exist (the timeline has 2 "
                "measures)");
    expectError(variant(kValid, R"("at":{"measure":1})", R"("at":{"measure":7})"),
                "test.umf.json:4:118: layers.chords[0].at.measure: measure 7 does not exist (the timeline has 2 "
                "measures)");
}

TEST(UmfJsonTest, DuplicatesAreErrors) {
    expectError(variant(kValid, R"("id":3)", R"("id":2)"),
                "test.umf.json:3:7: parts[0].events[1].id: the id 2 is "
                "already used");
    expectError(variant(kValid, R"("text":"la")", R"("text":"la","text":"lo")"),
                "test.umf.json:4:51: layers.lyrics[0].text: appears twice in its object");
    expectError(variant(kValid, R"("parts":[{"id":"P1")", R"("parts":[{"id":"P0"},{"id":"P0"},{"id":"P1")"),
                R"(test.umf.json:2:28: parts[1].id: the part id "P0" is already used)");
    expectError(variant(kValid, R"("umf":"1.0")", R"("umf":"1.0","nextId":3)"),
                "test.umf.json:1:23: nextId: must be greater than every id in the document (the largest is 3)");
}

// Ids far apart are checked by sorting rather than by a table indexed by id.
TEST(UmfJsonTest, ScatteredIdsAreCheckedToo) {
    const std::string scattered =
        R"({"umf":"1.0","timeline":{"measures":[{"duration":"1"}]},"parts":[{"id":"P1","events":[)"
        R"({"id":9000000,"measure":0,"duration":"1/2","notes":[{"id":8000000,"pitch":"C4"}]},)"
        R"({"id":7000000,"measure":0,"offset":"1/2","duration":"1/2"}]}],)"
        R"("layers":{"lyrics":[{"event":7000000,"text":"la"}],"tablature":[{"note":8000000,"string":1,"fret":0}]}})";
    const auto read = readUmf(scattered, "test.umf.json");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read->nextId, 9000001U);
    expectError(variant(scattered, R"("event":7000000)", R"("event":8000000)"),
                "test.umf.json:1:260: layers.lyrics[0].event: no event has the id 8000000");
    expectError(variant(scattered, R"("id":7000000)", R"("id":8000000)"),
                "test.umf.json:1:175: parts[0].events[1].id: the id 8000000 is already used");
}

TEST(UmfJsonTest, MissingRequiredFieldsAreErrors) {
    expectError(variant(kValid, R"("duration":"1/2",)", ""),
                R"(test.umf.json:2:31: parts[0].events[0]: missing "duration")");
    expectError(variant(kValid, R"("pitch":"C4")", R"("velocity":1)"),
                R"(test.umf.json:2:77: parts[0].events[0].notes[0]: missing "pitch")");
    expectError(variant(kValid, R"({"measure":1})", R"({"offset":"1/2"})"),
                R"(test.umf.json:4:107: layers.chords[0].at: missing "measure")");
}

TEST(UmfJsonTest, RangesMustNotEndBeforeTheyStart) {
    expectError(
        variant(kValid, R"("layers":{)", R"("layers":{"form":[{"label":"A","firstMeasure":1,"lastMeasure":0}],)"),
        "test.umf.json:4:19: layers.form[0]: ends (measure 0) before it starts (1)");
}

TEST(UmfJsonTest, DocumentsTheSchemaRejectsDoNotRead) {
    const auto files = filesIn(kSourceDir / "tests/score/umf-invalid");
    ASSERT_GE(files.size(), 10U);
    for (const fs::path& file : files) {
        const auto read = readUmf(readFile(file), file.filename().string());
        EXPECT_FALSE(read.ok()) << file << " was read";
        if (!read.ok()) {
            EXPECT_TRUE(read.error().where.line.has_value()) << read.error().describe();
        }
    }
}

// The examples are written the way MOS writes them, and the spec shows each one in full.
TEST(UmfJsonTest, TheSpecExamplesAreWhatMosWrites) {
    const auto files = filesIn(kSourceDir / "docs/umf/examples");
    ASSERT_FALSE(files.empty());
    const std::string spec = readFile(kSourceDir / "docs/umf/spec.md");
    for (const fs::path& file : files) {
        const std::string text = readFile(file);
        const auto read = readUmf(text, file.filename().string());
        ASSERT_TRUE(read.ok()) << read.error().describe();
        EXPECT_EQ(writeUmf(*read, UmfStyle::Pretty), text) << file;
        EXPECT_NE(spec.find("```json\n" + text + "```"), std::string::npos) << file << " is not in the spec";
    }
}

}  // namespace
}  // namespace mos::score
