#include "mos/formats/HermesTimeline.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace mos::formats {
namespace {

using core::Rational;
using nlohmann::json;

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

    const json kept = json::parse(score.extensions.at("hermes"));
    ASSERT_EQ(kept["events"].size(), 1U);
    EXPECT_EQ(kept["events"][0]["type"], "widget_state");
    EXPECT_EQ(kept["events"][0]["data"]["widget"], "piano");
}

TEST(HermesTimelineTest, WritesEventsInTimeOrderAndReadsBackTheSameMusic) {
    const auto read = readHermesTimeline(kSession, "session.hermes.json");
    ASSERT_TRUE(read) << read.error().describe();
    const std::string written = writeHermesTimeline(read->scores[0]);

    const json document = json::parse(written);
    EXPECT_EQ(document["version"], "1.0");
    std::int64_t lastTick = 0;
    std::size_t noteOns = 0;
    for (const json& event : document["events"]) {
        for (const char* field : {"timestamp", "tick", "measure", "beat", "type", "data"}) {
            EXPECT_TRUE(event.contains(field)) << field << " in " << event.dump();
        }
        EXPECT_GE(event["tick"].get<std::int64_t>(), lastTick);
        lastTick = event["tick"].get<std::int64_t>();
        noteOns += event["type"] == "midi_event" && event["data"]["message"] == "note_on" ? 1 : 0;
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
    EXPECT_EQ(json::parse(score.extensions.at("hermes")), json::parse(read->scores[0].extensions.at("hermes")));
}

TEST(HermesTimelineTest, BadInputIsAnErrorNamingTheFileAndTheEvent) {
    const auto notJson = readHermesTimeline("{\"version\": \"1.0\", \"events\": [", "cut.hermes.json");
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

}  // namespace
}  // namespace mos::formats
