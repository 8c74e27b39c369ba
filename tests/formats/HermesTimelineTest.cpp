#include "mos/formats/HermesTimeline.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "mos/score/UmfJson.hpp"
#include "support/ParsedJson.hpp"

namespace mos::formats {
namespace {

using core::Rational;
using test::compactJson;
using test::ParsedJson;

// A short session: ♩ = 90 in E minor, two notes, an Am7 over bar 2, a widget change and a note
// placed only by its timestamp.
const char* const kSession = R"({
  "version": "1.0",
  "events": [
    {"tick": 0, "type": "tempo_change", "data": {"bpm": 90}},
    {"tick": 0, "type": "key_change", "data": {"key": "Em"}},
    {"tick": 0, "type": "midi_event", "data": {"message": "note_on", "note": 66, "velocity": 100, "channel": 1}},
    {"tick": 960, "type": "midi_event", "data": {"message": "note_off", "note": 66, "velocity": 0, "channel": 1}},
    {"measure": 1, "beat": 2, "type": "midi_event", "data": {"message": "note_on", "note": 67, "velocity": 70}},
    {"tick": 1920, "type": "midi_event", "data": {"message": "note_off", "note": 67, "channel": 1}},
    {"tick": 3840, "type": "chord_change", "data": {"expected": "Am7", "detected": "C6", "roman": "iv7"}},
    {"tick": 1920, "type": "widget_state", "data": {"widget": "piano", "visible": true}},
    {"timestamp": 2.0, "type": "midi_event", "data": {"message": "note_on", "note": 71, "velocity": 90}},
    {"timestamp": 2.5, "type": "midi_event", "data": {"message": "note_off", "note": 71}}
  ]
})";

struct PlayedNote {
    int midi;
    Rational onset;
    Rational duration;
    friend bool operator==(const PlayedNote&, const PlayedNote&) = default;
};

std::vector<PlayedNote> playedNotes(const score::Score& score) {
    std::vector<PlayedNote> notes;
    for (const auto& part : score.parts) {
        for (const auto& event : part.events) {
            for (const auto& note : event.notes) {
                if (note.performed && !note.tieStop) {
                    notes.push_back({note.pitch.midiNumber(), note.performed->onset, note.performed->duration});
                }
            }
        }
    }
    std::sort(notes.begin(), notes.end(), [](const PlayedNote& a, const PlayedNote& b) { return a.onset < b.onset; });
    return notes;
}

TEST(HermesTimelineTest, ReadsNotesTempoKeyChordsAndKeepsWhatUmfDoesNotModel) {
    const auto read = readHermesTimeline(kSession, "session.hermes.json");
    ASSERT_TRUE(read) << read.error().describe();
    ASSERT_EQ(read->scores.size(), 1U);
    const score::Score& score = read->scores[0];

    const std::vector<PlayedNote> expected{{66, Rational{0}, Rational{1, 4}},
                                           {67, Rational{1, 4}, Rational{1, 4}},
                                           {71, Rational{3, 4}, Rational{3, 16}}};  // 2 s at ♩ = 90 is 3 quarters
    EXPECT_EQ(playedNotes(score), expected);

    const auto& first = score.timeline.measures.at(0);
    ASSERT_EQ(first.tempos.size(), 1U);
    EXPECT_EQ(first.tempos[0].quarterBpm(), Rational{90});
    ASSERT_FALSE(first.keys.empty());
    EXPECT_EQ(first.keys[0].key, (score::KeySignature{1, score::Mode::Minor}));

    ASSERT_EQ(score.layers.chords.size(), 1U);
    EXPECT_EQ(score.layers.chords[0].text, "Am7");  // the chart's chord, not what was played
    EXPECT_EQ(score.layers.chords[0].at, (score::ScorePosition{1, Rational{}}));
    ASSERT_EQ(score.layers.analysis.numerals.size(), 1U);
    EXPECT_EQ(score.layers.analysis.numerals[0].numeral, "iv7");

    const ParsedJson kept{score.extensions.at("hermes")};
    ASSERT_EQ(simdjson::dom::array(kept["events"]).size(), 1U);
    EXPECT_EQ(std::string_view(kept["events"].at(0)["type"]), "widget_state");
    EXPECT_EQ(std::string_view(kept["events"].at(0)["data"]["widget"]), "piano");
}

TEST(HermesTimelineTest, WritesEventsInTimeOrderAndReadsBackTheSameMusic) {
    const auto read = readHermesTimeline(kSession, "session.hermes.json");
    ASSERT_TRUE(read) << read.error().describe();
    const std::string written = writeHermesTimeline(read->scores[0]);

    const ParsedJson document{written};
    EXPECT_EQ(std::string_view(document["version"]), "1.0");
    std::int64_t lastTick = 0;
    std::size_t noteOns = 0;
    for (const simdjson::dom::element event : simdjson::dom::array(document["events"])) {
        for (const char* field : {"timestamp", "tick", "measure", "beat", "type", "data"}) {
            EXPECT_EQ(event[field].error(), simdjson::SUCCESS) << field << " in " << compactJson(event);
        }
        EXPECT_GE(std::int64_t(event["tick"]), lastTick);
        lastTick = std::int64_t(event["tick"]);
        noteOns +=
            std::string_view(event["type"]) == "midi_event" && std::string_view(event["data"]["message"]) == "note_on"
                ? 1
                : 0;
    }
    EXPECT_EQ(noteOns, 3U);

    const auto again = readHermesTimeline(written, "written.hermes.json");
    ASSERT_TRUE(again) << again.error().describe();
    const score::Score& score = again->scores[0];
    EXPECT_EQ(playedNotes(score), playedNotes(read->scores[0]));
    EXPECT_EQ(score.layers.chords, read->scores[0].layers.chords);
    EXPECT_EQ(score.layers.analysis.numerals, read->scores[0].layers.analysis.numerals);
    EXPECT_EQ(score.timeline.measures[0].tempos, read->scores[0].timeline.measures[0].tempos);
    EXPECT_EQ(score.timeline.measures[0].keys, read->scores[0].timeline.measures[0].keys);
    EXPECT_EQ(compactJson(ParsedJson{score.extensions.at("hermes")}.root()),
              compactJson(ParsedJson{read->scores[0].extensions.at("hermes")}.root()));
}

TEST(HermesTimelineTest, BadInputIsAnErrorNamingTheFileAndTheEvent) {
    const auto notJson = readHermesTimeline(R"({"version": "1.0", "events": [)", "cut.hermes.json");
    ASSERT_FALSE(notJson);
    EXPECT_NE(notJson.error().describe().find("cut.hermes.json"), std::string::npos);
    EXPECT_TRUE(notJson.error().where.byteOffset.has_value());

    const auto noEvents = readHermesTimeline(R"({"version": "1.0"})", "a.json");
    ASSERT_FALSE(noEvents);
    EXPECT_NE(noEvents.error().message.find("events"), std::string::npos);

    const auto future = readHermesTimeline(R"({"version": "2.0", "events": []})", "a.json");
    ASSERT_FALSE(future);
    EXPECT_EQ(future.error().code, core::ErrorCode::Unsupported);

    const auto untimed = readHermesTimeline(
        R"({"version": "1.0", "events": [{"tick": 0, "type": "tempo_change", "data": {"bpm": 100}},
            {"type": "chord_change", "data": {"expected": "C"}}]})",
        "a.json");
    ASSERT_FALSE(untimed);
    EXPECT_NE(untimed.error().message.find("events[1]"), std::string::npos) << untimed.error().message;
}

TEST(HermesTimelineTest, KeyChangesAreReadAsTheTheoryModuleNamesKeys) {
    // One key per 4/4 bar (3840 ticks at 960 PPQ): names in the ways people write them, a signature
    // with its mode, and a key no signature can hold (A# major needs ten sharps).
    const auto read = readHermesTimeline(
        R"({"version": "1.0", "events": [
            {"tick": 0, "type": "key_change", "data": {"key": "Bb major"}},
            {"tick": 3840, "type": "key_change", "data": {"key": "F#m"}},
            {"tick": 7680, "type": "key_change", "data": {"key": "D dorian"}},
            {"tick": 11520, "type": "key_change", "data": {"fifths": -3, "mode": "minor"}},
            {"tick": 15360, "type": "key_change", "data": {"key": "A# major"}}]})",
        "a.json");
    ASSERT_TRUE(read) << read.error().describe();
    const auto& measures = read->scores[0].timeline.measures;
    ASSERT_GE(measures.size(), 4U);
    const auto keyOf = [&](std::size_t measure) { return measures[measure].keys.at(0).key; };
    EXPECT_EQ(keyOf(0), (score::KeySignature{-2, score::Mode::Major}));
    EXPECT_EQ(keyOf(1), (score::KeySignature{3, score::Mode::Minor}));
    EXPECT_EQ(keyOf(2), (score::KeySignature{0, score::Mode::Dorian}));
    EXPECT_EQ(keyOf(3), (score::KeySignature{-3, score::Mode::Minor}));
    ASSERT_EQ(read->warnings.size(), 1U);
    EXPECT_NE(read->warnings[0].message.find("events[4]"), std::string::npos) << read->warnings[0].describe();
    // Placed at the event's line and column in the file.
    EXPECT_EQ(read->warnings[0].where.line, 6);
    EXPECT_EQ(read->warnings[0].where.column, 13);
}

TEST(HermesTimelineTest, MalformedEventsBecomeWarningsAndTheRestImports) {
    const auto read = readHermesTimeline(
        R"({"version": "1.0", "events": [
            {"tick": 0, "type": "midi_event", "data": {"message": "note_on", "note": 200}},
            {"tick": 0, "type": "key_change", "data": {"key": "H minor"}},
            {"tick": 0, "type": "chord_change", "data": {"expected": "G7"}}]})",
        "a.json");
    ASSERT_TRUE(read) << read.error().describe();
    EXPECT_EQ(read->warnings.size(), 2U);
    ASSERT_EQ(read->scores[0].layers.chords.size(), 1U);
    EXPECT_EQ(read->scores[0].layers.chords[0].text, "G7");
}

TEST(HermesTimelineTest, NumbersBeyondADoubleAndBrokenTextAreErrorsAtTheirPlace) {
    const auto huge =
        readHermesTimeline("{\"version\": \"1.0\",\n \"events\": [{\"tick\": 1e400, \"type\": \"x\"}]}", "huge.json");
    ASSERT_FALSE(huge);
    EXPECT_EQ(huge.error().code, core::ErrorCode::ParseError);
    EXPECT_TRUE(huge.error().message.starts_with("not valid JSON")) << huge.error().message;
    EXPECT_EQ(huge.error().where.line, 2);
    EXPECT_EQ(huge.error().where.column, 22);
    EXPECT_EQ(huge.error().where.byteOffset, 40);

    const auto wide = readHermesTimeline(
        R"({"version": "1.0", "events": [{"tick": 100000000000000000000, "type": "x"}]})", "wide.json");
    ASSERT_FALSE(wide);
    EXPECT_EQ(wide.error().where.byteOffset, 39);

    // A byte order mark is skipped, and byte offsets still count from the file's first byte.
    const auto marked = readHermesTimeline("\xEF\xBB\xBF{\"version\": \"1.0\", \"events\": []", "marked.json");
    ASSERT_FALSE(marked);
    EXPECT_EQ(marked.error().where.byteOffset, 34);
    EXPECT_EQ(marked.error().where.column, 32);
    EXPECT_TRUE(readHermesTimeline("\xEF\xBB\xBF{\"version\": \"1.0\", \"events\": []}", "marked.json"));
}

TEST(HermesTimelineTest, AnEventErrorNamesTheEventAndItsLineAndColumn) {
    const auto untyped = readHermesTimeline(R"({"version": "1.0", "events": [
  {"tick": 0, "type": "tempo_change", "data": {"bpm": 100}},
  {"tick": 0, "type": 5}]})",
                                            "untyped.json");
    ASSERT_FALSE(untyped);
    EXPECT_EQ(untyped.error().describe(), "untyped.json:3:3: events[1]: an event is an object with a \"type\" string");

    // 16384 bars of 4/4 at 3840 ticks each, and not one tick more.
    const auto late =
        readHermesTimeline(R"({"version": "1.0", "events": [{"tick": 62914561, "type": "x"}]})", "a.json");
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().describe(), "a.json:1:31: events[0]: tick must be a number from 0 to 62914560");
    EXPECT_TRUE(readHermesTimeline(R"({"version": "1.0", "events": [{"tick": 62914560, "type": "x"}]})", "a.json"));

    const auto later =
        readHermesTimeline(R"({"version": "1.0", "events": [{"timestamp": 99999999, "type": "x"}]})", "a.json");
    ASSERT_FALSE(later);
    EXPECT_EQ(later.error().describe(), "a.json:1:31: events[0]: the timestamp lies beyond 62914560 ticks");

    const auto notAList = readHermesTimeline(R"({"version": "1.0", "events": {}})", "a.json");
    ASSERT_FALSE(notAList);
    EXPECT_EQ(notAList.error().describe(), "a.json: a Hermes timeline is an object with an \"events\" array");
}

TEST(HermesTimelineTest, FieldsOfTheWrongTypeCountAsMissing) {
    const auto read = readHermesTimeline(
        R"({"version": "1.0", "events": [
            {"tick": 0, "type": "chord_change", "data": {"expected": 7, "detected": "G7", "roman": ["V7"]}},
            {"tick": 0, "type": "key_change", "data": {"key": 3}},
            {"tick": 0, "type": "midi_event", "data": {"message": true, "note": 60}},
            {"tick": "0", "measure": 2, "beat": 1, "type": "tempo_change", "data": "fast"}]})",
        "a.json");
    ASSERT_TRUE(read) << read.error().describe();
    ASSERT_EQ(read->scores[0].layers.chords.size(), 1U);
    EXPECT_EQ(read->scores[0].layers.chords[0].text, "G7");
    EXPECT_TRUE(read->scores[0].layers.analysis.numerals.empty());
    ASSERT_EQ(read->warnings.size(), 3U);  // the notes' first, then the rest in time order
    EXPECT_TRUE(read->warnings[0].message.starts_with("events[2]: a midi_event needs")) << read->warnings[0].message;
    EXPECT_EQ(read->warnings[1].describe(),
              "a.json:3:13: events[1]: a key_change needs data.key (\"G major\", \"Em\") or data.fifths");
    EXPECT_EQ(read->warnings[2].message, "events[3]: a tempo_change needs data.bpm above 0");

    const auto noVersion = readHermesTimeline(R"({"version": 1, "events": []})", "a.json");
    ASSERT_FALSE(noVersion);
    EXPECT_EQ(noVersion.error().code, core::ErrorCode::Unsupported);
}

TEST(HermesTimelineTest, KeptEventsSurviveATripThroughUmf) {
    const auto read = readHermesTimeline(
        R"({"version": "1.1", "events": [
            {"tick": 960, "type": "widget_state", "data": {"widget": "fretboard", "frets": [0, 2, 2.5, -1],
             "label": "\u00e9\t\"x\"", "nested": {"on": false, "none": null}}, "source": "studio"}]})",
        "a.json");
    ASSERT_TRUE(read) << read.error().describe();
    const auto umf = score::readUmf(score::writeUmf(read->scores[0], score::UmfStyle::Compact), "a.umf.json");
    ASSERT_TRUE(umf) << umf.error().describe();
    const auto again = readHermesTimeline(writeHermesTimeline(*umf), "again.json");
    ASSERT_TRUE(again) << again.error().describe();

    const ParsedJson kept{again->scores[0].extensions.at("hermes")};
    const simdjson::dom::element event = kept["events"].at(0);
    EXPECT_EQ(std::int64_t(event["tick"]), 960);
    EXPECT_EQ(std::string_view(event["type"]), "widget_state");
    EXPECT_EQ(std::string_view(event["source"]), "studio");
    const simdjson::dom::element data = event["data"];
    EXPECT_EQ(std::string_view(data["widget"]), "fretboard");
    EXPECT_EQ(compactJson(data["frets"]), "[0,2,2.5,-1]");
    EXPECT_EQ(std::string_view(data["label"]), "\u00e9\t\"x\"");
    EXPECT_EQ(compactJson(data["nested"]), R"({"none":null,"on":false})");  // UMF keeps plugin data sorted
    EXPECT_EQ(event["timestamp"].error(), simdjson::NO_SUCH_FIELD) << "timing comes from the tick alone";
}

}  // namespace
}  // namespace mos::formats
