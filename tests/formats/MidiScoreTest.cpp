#include "mos/formats/MidiScore.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "formats/ScoreNotes.hpp"

namespace mos::formats {
namespace {

using core::Rational;

// Builds a Standard MIDI File with the raw writer: events are given at absolute ticks in any order;
// at one tick, meta events come first, then note offs, then everything else.
class SmfBuilder {
public:
    explicit SmfBuilder(std::uint16_t division, std::uint16_t format = 1) {
        file_.format = format;
        file_.division.ticksPerQuarter = division;
    }
    static SmfBuilder smpte(std::uint8_t framesPerSecond, std::uint8_t ticksPerFrame) {
        SmfBuilder builder{0, 0};
        builder.file_.division = {0, framesPerSecond, ticksPerFrame};
        return builder;
    }

    SmfBuilder& note(std::size_t track, std::int64_t tick, std::int64_t length, std::int64_t key,
                     std::int64_t velocity = 100, std::int64_t channel = 0) {
        channelEvent(track, tick, 2, 0x90, channel, key, velocity);
        channelEvent(track, tick + length, length == 0 ? 3 : 1, 0x80, channel, key, 64);
        return *this;
    }
    SmfBuilder& noteOn(std::size_t track, std::int64_t tick, int key, int velocity = 100, int channel = 0) {
        channelEvent(track, tick, 2, 0x90, channel, key, velocity);
        return *this;
    }
    SmfBuilder& noteOff(std::size_t track, std::int64_t tick, int key, int channel = 0) {
        channelEvent(track, tick, 1, 0x90, channel, key, 0);  // velocity 0: a note off
        return *this;
    }
    SmfBuilder& program(std::size_t track, std::int64_t tick, int channel, int program) {
        channelEvent(track, tick, 2, 0xC0, channel, program, 0);
        return *this;
    }
    SmfBuilder& tempo(std::size_t track, std::int64_t tick, std::uint32_t micros) {
        return meta(track, tick, smf_meta::kTempo,
                    {static_cast<std::uint8_t>(micros >> 16U), static_cast<std::uint8_t>(micros >> 8U),
                     static_cast<std::uint8_t>(micros)});
    }
    SmfBuilder& meter(std::size_t track, std::int64_t tick, int numerator, int denominatorPower) {
        return meta(track, tick, smf_meta::kTimeSignature,
                    {static_cast<std::uint8_t>(numerator), static_cast<std::uint8_t>(denominatorPower), 24, 8});
    }
    SmfBuilder& key(std::size_t track, std::int64_t tick, int fifths, bool minor = false) {
        return meta(track, tick, smf_meta::kKeySignature,
                    {static_cast<std::uint8_t>(static_cast<std::int8_t>(fifths)), static_cast<std::uint8_t>(minor)});
    }
    SmfBuilder& text(std::size_t track, std::int64_t tick, std::uint8_t type, const std::string& text) {
        return meta(track, tick, type, std::vector<std::uint8_t>(text.begin(), text.end()));
    }

    std::vector<std::byte> bytes() {
        StandardMidiFile out;
        out.format = file_.format;
        out.division = file_.division;
        for (auto& events : tracks_) {
            std::stable_sort(events.begin(), events.end(), [](const Timed& a, const Timed& b) {
                return std::tie(a.tick, a.order) < std::tie(b.tick, b.order);
            });
            SmfTrack& track = out.tracks.emplace_back();
            for (const Timed& t : events) {
                if (t.event.kind == SmfEventKind::Channel) {
                    SmfEvent e = t.event;
                    e.tick = t.tick;
                    track.events.push_back(e);
                } else {
                    appendDataEvent(out, track, t.tick, SmfEventKind::Meta, t.event.status, t.data);
                }
            }
        }
        auto written = writeStandardMidiFile(out);
        EXPECT_TRUE(written.ok());
        std::vector<std::byte> bytes(written->size());
        std::memcpy(bytes.data(), written->data(), bytes.size());
        return bytes;
    }

    // Reads what was built; expects exactly one score and no warnings.
    score::Score read(const MidiImportOptions& options = {}) {
        const auto data = bytes();
        auto imported = readMidi(data, "test.mid", options);
        EXPECT_TRUE(imported.ok()) << imported.error().describe();
        EXPECT_EQ(imported->scores.size(), 1U);
        for (const auto& w : imported->warnings) ADD_FAILURE() << "warning: " << w.describe();
        expectWellFormed(imported->scores.front());
        return std::move(imported->scores.front());
    }

private:
    struct Timed {
        std::int64_t tick = 0;
        int order = 0;
        SmfEvent event{};
        std::vector<std::uint8_t> data{};
    };

    std::vector<Timed>& trackAt(std::size_t track) {
        if (tracks_.size() <= track) tracks_.resize(track + 1);
        return tracks_[track];
    }
    void channelEvent(std::size_t track, std::int64_t tick, int order, std::int64_t command, std::int64_t channel,
                      std::int64_t data1, std::int64_t data2) {
        SmfEvent e;
        e.status = static_cast<std::uint8_t>(command | channel);
        e.data1 = static_cast<std::uint8_t>(data1);
        e.data2 = static_cast<std::uint8_t>(data2);
        trackAt(track).push_back({tick, order, e, {}});
    }
    SmfBuilder& meta(std::size_t track, std::int64_t tick, std::uint8_t type, std::vector<std::uint8_t> data) {
        SmfEvent e;
        e.kind = SmfEventKind::Meta;
        e.status = type;
        trackAt(track).push_back({tick, 0, e, std::move(data)});
        return *this;
    }

    StandardMidiFile file_;
    std::vector<std::vector<Timed>> tracks_;
};

Rational whole(std::int64_t ticks, std::int64_t ticksPerQuarter = 480) { return {ticks, 4 * ticksPerQuarter}; }

// The events of one voice of a part, in order.
std::vector<const score::Event*> voiceEvents(const score::Part& part, int voice) {
    std::vector<const score::Event*> events;
    for (const auto& e : part.events) {
        if (e.voice == voice) events.push_back(&e);
    }
    return events;
}

TEST(MidiScoreTest, ReadsExactNotesVelocitiesAndTempo) {
    SmfBuilder midi{480};
    midi.tempo(0, 0, 500000).meter(0, 0, 4, 2).key(0, 0, 0).text(0, 0, smf_meta::kTrackName, "Etude");
    midi.text(1, 0, smf_meta::kTrackName, "Right hand").program(1, 0, 0, 6);
    midi.note(1, 0, 480, 60, 90).note(1, 480, 240, 64, 70).note(1, 720, 240, 67, 50).note(1, 960, 960, 72, 127);
    const auto score = midi.read();

    EXPECT_EQ(score.metadata.title, "Etude");
    ASSERT_EQ(score.parts.size(), 1U);
    const auto& part = score.parts[0];
    EXPECT_EQ(part.name, "Right hand");
    EXPECT_EQ(part.instrument.gmProgram, 6);
    EXPECT_EQ(part.instrument.name, "Harpsichord");
    EXPECT_EQ(part.instrument.midiChannel, 1);
    ASSERT_EQ(score.timeline.measures.size(), 1U);
    const auto& measure = score.timeline.measures[0];
    EXPECT_EQ(measure.time, (score::TimeSignature{4, 4}));
    EXPECT_EQ(measure.duration, Rational(1));
    EXPECT_EQ(measure.number, "1");
    ASSERT_EQ(measure.tempos.size(), 1U);
    EXPECT_EQ(measure.tempos[0].beatsPerMinute, Rational(120));
    EXPECT_EQ(measure.tempos[0].beatUnit, Rational(1, 4));

    ASSERT_EQ(part.events.size(), 4U);
    const std::vector<Rational> offsets{0, {1, 4}, {3, 8}, {1, 2}};
    const std::vector<Rational> durations{{1, 4}, {1, 8}, {1, 8}, {1, 2}};
    const std::vector<std::string> pitches{"C4", "E4", "G4", "C5"};
    const std::vector<int> velocities{90, 70, 50, 127};
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& e = part.events[i];
        EXPECT_EQ(e.offset, offsets[i]);
        EXPECT_EQ(e.duration, durations[i]);
        EXPECT_TRUE(e.tuplets.empty());
        ASSERT_EQ(e.notes.size(), 1U);
        EXPECT_EQ(e.notes[0].pitch.toString(), pitches[i]);
        EXPECT_EQ(e.notes[0].velocity, velocities[i]);
        ASSERT_TRUE(e.notes[0].performed.has_value());
        EXPECT_EQ(e.notes[0].performed->onset, offsets[i]);
        EXPECT_EQ(e.notes[0].performed->duration, durations[i]);
    }
}

TEST(MidiScoreTest, TempoMapIsExactIncludingMidMeasureChanges) {
    SmfBuilder midi{480};
    midi.tempo(0, 0, 600000).tempo(0, 1920 + 720, 428571).tempo(0, 3840, 1000000);
    midi.note(1, 0, 3840 + 1920, 60);
    const auto score = midi.read();
    ASSERT_EQ(score.timeline.measures.size(), 3U);
    const auto& m = score.timeline.measures;
    ASSERT_EQ(m[0].tempos.size(), 1U);
    EXPECT_EQ(m[0].tempos[0].beatsPerMinute, Rational(100));
    ASSERT_EQ(m[1].tempos.size(), 1U);
    EXPECT_EQ(m[1].tempos[0].offset, Rational(3, 8));
    EXPECT_EQ(m[1].tempos[0].beatsPerMinute, Rational(60000000, 428571));
    ASSERT_EQ(m[2].tempos.size(), 1U);
    EXPECT_EQ(m[2].tempos[0].offset, Rational(0));
    EXPECT_EQ(m[2].tempos[0].beatsPerMinute, Rational(60));
}

TEST(MidiScoreTest, TimeSignaturesBuildTheMeasures) {
    SmfBuilder midi{480};
    // 3/4 for two measures, then 6/8; a 2/4 that arrives in the middle of a 6/8 measure starts a new one.
    midi.meter(0, 0, 3, 2).meter(0, 2880, 6, 3).meter(0, 2880 + 1440 + 480, 2, 2);
    midi.note(1, 0, 2880 + 1440 + 480 + 960, 60);
    const auto score = midi.read();
    const auto& m = score.timeline.measures;
    ASSERT_EQ(m.size(), 5U);
    EXPECT_EQ(m[0].time, (score::TimeSignature{3, 4}));
    EXPECT_FALSE(m[1].time.has_value());
    EXPECT_EQ(m[2].time, (score::TimeSignature{6, 8}));
    EXPECT_EQ(m[3].duration, Rational(1, 4));  // cut short by the 2/4
    EXPECT_EQ(m[4].time, (score::TimeSignature{2, 4}));
    EXPECT_EQ(m[4].duration, Rational(1, 2));
    EXPECT_EQ(m[4].number, "5");
    // The long note is tied through every measure.
    const auto notes = notatedNotes(score, score.parts[0]);
    ASSERT_EQ(notes.size(), 1U);
    EXPECT_EQ(notes[0].duration, whole(2880 + 1440 + 480 + 960));
    EXPECT_TRUE(score.parts[0].events.front().notes[0].tieStart);
    EXPECT_TRUE(score.parts[0].events.back().notes[0].tieStop);
}

TEST(MidiScoreTest, AShortFirstMeasureBeforeALongerMeterIsAPickup) {
    SmfBuilder midi{480};
    midi.meter(0, 0, 1, 2).meter(0, 480, 3, 2);
    midi.note(1, 0, 480, 67).note(1, 480, 1440, 72);
    const auto score = midi.read();
    const auto& m = score.timeline.measures;
    ASSERT_EQ(m.size(), 2U);
    EXPECT_TRUE(m[0].pickup);
    EXPECT_EQ(m[0].number, "0");
    EXPECT_EQ(m[0].duration, Rational(1, 4));
    EXPECT_EQ(m[0].time, (score::TimeSignature{3, 4}));
    EXPECT_FALSE(m[1].time.has_value());
    EXPECT_EQ(m[1].number, "1");
    EXPECT_EQ(score.parts[0].events.size(), 2U);
}

TEST(MidiScoreTest, OverlappingNotesOfOnePitchPairFirstOnFirstOff) {
    SmfBuilder midi{480};
    midi.noteOn(1, 0, 60).noteOn(1, 240, 60).noteOff(1, 480, 60).noteOff(1, 960, 60);
    const auto score = midi.read();
    const auto notes = performedNotes(score.parts[0]);
    ASSERT_EQ(notes.size(), 2U);
    EXPECT_EQ(notes[0], (PlayedNote{60, 0, whole(480)}));
    EXPECT_EQ(notes[1], (PlayedNote{60, whole(240), whole(720)}));
    // They overlap, so the notation needs two voices.
    EXPECT_FALSE(voiceEvents(score.parts[0], 2).empty());
}

TEST(MidiScoreTest, NotesStillSoundingAtTheEndOfTheirTrackEndThere) {
    SmfBuilder midi{480};
    midi.noteOn(1, 0, 60).note(1, 0, 1920, 64);
    const auto data = midi.bytes();
    const auto imported = readMidi(data, "open.mid");
    ASSERT_TRUE(imported.ok());
    const auto notes = performedNotes(imported->scores[0].parts[0]);
    ASSERT_EQ(notes.size(), 2U);
    EXPECT_EQ(notes[0], (PlayedNote{60, 0, 1}));
    ASSERT_EQ(imported->warnings.size(), 1U);
    EXPECT_NE(imported->warnings[0].message.find("still sounding"), std::string::npos);
    EXPECT_EQ(imported->warnings[0].where.file, "open.mid");
}

TEST(MidiScoreTest, AFormat0FileSplitsIntoOnePartPerChannel) {
    SmfBuilder midi{96, 0};
    midi.text(0, 0, smf_meta::kTrackName, "Song").program(0, 0, 0, 40).program(0, 0, 3, 33);
    midi.note(0, 0, 96, 76, 100, 0).note(0, 0, 192, 40, 100, 3).note(0, 0, 48, 36, 100, 9).note(0, 48, 48, 42, 100, 9);
    const auto score = midi.read();
    EXPECT_EQ(score.metadata.title, "Song");
    ASSERT_EQ(score.parts.size(), 3U);
    EXPECT_EQ(score.parts[0].instrument.gmProgram, 40);
    EXPECT_EQ(score.parts[0].name, "Violin");
    EXPECT_EQ(score.parts[1].instrument.gmProgram, 33);
    EXPECT_EQ(score.parts[1].instrument.midiChannel, 4);
    const auto& drums = score.parts[2];
    EXPECT_TRUE(drums.instrument.percussion);
    EXPECT_EQ(drums.instrument.midiChannel, 10);
    EXPECT_EQ(drums.name, "Percussion");
    ASSERT_EQ(drums.events.size(), 3U);  // kick, hi-hat, rest
    EXPECT_EQ(drums.events[0].notes[0].percussionKey, 36);
    EXPECT_EQ(drums.events[1].notes[0].percussionKey, 42);
    EXPECT_EQ(drums.events[1].offset, Rational(1, 8));
}

TEST(MidiScoreTest, DrumsAreDrawnOnThePercussionStaffNotAtTheirKeys) {
    // Format 0, 96 ticks a quarter: a quarter-note chord on channel 10 (kick 36, snare 38, closed
    // hi-hat 42, crash 49 and key 100, which no drum chart places) and key 36 on channel 1. Rows:
    // header, track header, the drum note ons (running status), the channel-1 note on, the drum note
    // offs a quarter later, the channel-1 note off, end of track.
    // clang-format off
    constexpr std::array<std::uint8_t, 66> kFile{
        'M', 'T', 'h', 'd', 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x01, 0x00, 0x60,
        'M', 'T', 'r', 'k', 0x00, 0x00, 0x00, 0x2C,
        0x00, 0x99, 0x24, 0x64,  0x00, 0x26, 0x64,  0x00, 0x2A, 0x64,  0x00, 0x31, 0x64,  0x00, 0x64, 0x64,
        0x00, 0x90, 0x24, 0x64,
        0x60, 0x89, 0x24, 0x00,  0x00, 0x26, 0x00,  0x00, 0x2A, 0x00,  0x00, 0x31, 0x00,  0x00, 0x64, 0x00,
        0x00, 0x80, 0x24, 0x00,
        0x00, 0xFF, 0x2F, 0x00};
    // clang-format on
    const auto imported = readMidi(std::as_bytes(std::span{kFile}), "drums.mid");
    ASSERT_TRUE(imported.ok()) << imported.error().describe();
    const auto& parts = imported->scores.at(0).parts;
    ASSERT_EQ(parts.size(), 2U);
    ASSERT_EQ(parts[0].events.at(0).notes.size(), 1U);
    EXPECT_EQ(parts[0].events[0].notes[0].pitch.toString(), "C2");  // a pitched C2 stays one
    EXPECT_EQ(parts[0].events[0].notes[0].percussionKey, 0);
    ASSERT_TRUE(parts[1].instrument.percussion);
    std::map<int, std::string> drawn;
    for (const auto& note : parts[1].events.at(0).notes) drawn[note.percussionKey] = note.pitch.toString();
    EXPECT_EQ(drawn, (std::map<int, std::string>{{36, "F4"}, {38, "C5"}, {42, "G5"}, {49, "A5"}, {100, "B4"}}));
}

TEST(MidiScoreTest, ATrackPlayingOnSeveralChannelsSplits) {
    SmfBuilder midi{480};
    midi.text(1, 0, smf_meta::kTrackName, "Keys");
    midi.note(1, 0, 480, 60, 100, 0).note(1, 0, 480, 48, 100, 1);
    const auto score = midi.read();
    ASSERT_EQ(score.parts.size(), 2U);
    EXPECT_EQ(score.parts[0].name, "Keys (channel 1)");
    EXPECT_EQ(score.parts[1].name, "Keys (channel 2)");
    EXPECT_EQ(performedNotes(score.parts[1]).front().key, 48);
}

TEST(MidiScoreTest, ATripletFigureBecomesAThreeTwoTuplet) {
    SmfBuilder midi{480};
    midi.note(1, 0, 160, 60).note(1, 160, 160, 62).note(1, 320, 160, 64).note(1, 480, 1440, 65);
    const auto score = midi.read();
    const auto events = voiceEvents(score.parts[0], 1);
    ASSERT_EQ(events.size(), 4U);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(events[i]->duration, Rational(1, 12));
        ASSERT_EQ(events[i]->tuplets.size(), 1U);
        EXPECT_EQ(events[i]->tuplets[0].actual, 3);
        EXPECT_EQ(events[i]->tuplets[0].normal, 2);
        EXPECT_EQ(events[i]->tuplets[0].start, i == 0);
        EXPECT_EQ(events[i]->tuplets[0].stop, i == 2);
    }
    EXPECT_TRUE(events[3]->tuplets.empty());
    EXPECT_EQ(events[3]->duration, Rational(3, 4));
}

TEST(MidiScoreTest, QuintupletsAndSextupletsAreFound) {
    SmfBuilder midi{480};
    for (std::int64_t i = 0; i < 5; ++i) midi.note(1, i * 96, 96, 60 + i);
    for (std::int64_t i = 0; i < 6; ++i) midi.note(1, 480 + i * 80, 80, 70 + i);
    midi.note(1, 960, 960, 60);
    const auto score = midi.read();
    const auto events = voiceEvents(score.parts[0], 1);
    ASSERT_EQ(events.size(), 12U);
    EXPECT_EQ(events[0]->tuplets.front(), (score::Tuplet{5, 4, true, false}));
    EXPECT_EQ(events[0]->duration, Rational(1, 20));
    EXPECT_EQ(events[5]->tuplets.front(), (score::Tuplet{3, 2, true, false}));
    EXPECT_EQ(events[10]->tuplets.front(), (score::Tuplet{3, 2, false, true}));
    EXPECT_EQ(events[10]->duration, Rational(1, 24));
}

TEST(MidiScoreTest, HumanizedSixteenthsQuantiseToTheGrid) {
    SmfBuilder midi{480};
    const std::array<std::int64_t, 16> jitter{7, -12, 3, 15, -9, 0, 11, -4, 6, -14, 2, 9, -7, 13, -3, 5};
    const auto onset = [&](std::size_t i) { return 480 + static_cast<std::int64_t>(i) * 120 + jitter[i]; };
    for (std::size_t i = 0; i < 16; ++i) {
        midi.note(1, onset(i), 90 + jitter[(i + 5) % 16], 60 + static_cast<std::int64_t>(i % 5));
    }
    const auto score = midi.read();
    ASSERT_EQ(score.timeline.measures.size(), 2U);
    const auto notated = notatedNotes(score, score.parts[0]);
    const auto performed = performedNotes(score.parts[0]);
    ASSERT_EQ(notated.size(), 16U);
    for (std::size_t i = 0; i < 16; ++i) {
        EXPECT_EQ(notated[i].onset, Rational(1, 4) + Rational(static_cast<std::int64_t>(i), 16)) << i;
        EXPECT_EQ(notated[i].duration, Rational(1, 16)) << i;
        EXPECT_EQ(performed[i].onset, whole(onset(i))) << "performed timing is kept exactly";
    }
    EXPECT_TRUE(voiceEvents(score.parts[0], 2).empty());
}

TEST(MidiScoreTest, SwungEighthsQuantiseToTripletPairs) {
    SmfBuilder midi{480};
    const std::array<std::int64_t, 8> jitter{4, -6, 8, -3, 0, 5, -7, 2};
    for (std::size_t beat = 0; beat < 4; ++beat) {
        const auto start = static_cast<std::int64_t>(beat) * 480;
        midi.note(1, start + jitter[2 * beat], 300, 67);
        midi.note(1, start + 320 + jitter[2 * beat + 1], 140, 64);
    }
    const auto score = midi.read();
    const auto events = voiceEvents(score.parts[0], 1);
    ASSERT_EQ(events.size(), 8U);
    for (std::size_t beat = 0; beat < 4; ++beat) {
        const auto* longNote = events[2 * beat];
        const auto* shortNote = events[2 * beat + 1];
        const Rational beatStart{static_cast<std::int64_t>(beat), 4};
        EXPECT_EQ(longNote->offset, beatStart);
        EXPECT_EQ(longNote->duration, Rational(1, 6));
        EXPECT_EQ(shortNote->offset, beatStart + Rational(1, 6));
        EXPECT_EQ(shortNote->duration, Rational(1, 12));
        EXPECT_EQ(longNote->tuplets.front(), (score::Tuplet{3, 2, true, false}));
        EXPECT_EQ(shortNote->tuplets.front(), (score::Tuplet{3, 2, false, true}));
    }
}

TEST(MidiScoreTest, LegatoOverlapsDoNotOpenVoices) {
    SmfBuilder midi{480};
    // Eighths held a little into the next note, as a pianist plays legato.
    for (std::int64_t i = 0; i < 8; ++i) midi.note(1, i * 240 + (i % 2 == 0 ? 3 : -5), 270, 60 + i);
    const auto score = midi.read();
    EXPECT_TRUE(voiceEvents(score.parts[0], 2).empty());
    const auto notated = notatedNotes(score, score.parts[0]);
    for (const auto& n : notated) EXPECT_EQ(n.duration, Rational(1, 8)) << n;
}

TEST(MidiScoreTest, ANoteAcrossTheBarlineIsTied) {
    SmfBuilder midi{480};
    midi.note(1, 1440, 960, 62).note(1, 2400, 1440, 64);
    const auto score = midi.read();
    const auto& events = score.parts[0].events;
    ASSERT_EQ(events.size(), 4U);  // rest, D (tied), D, E
    EXPECT_TRUE(events[0].isRest());
    EXPECT_EQ(events[1].duration, Rational(1, 4));
    EXPECT_TRUE(events[1].notes[0].tieStart);
    ASSERT_TRUE(events[1].notes[0].performed.has_value());
    EXPECT_EQ(events[1].notes[0].performed->duration, Rational(1, 2));
    EXPECT_EQ(events[2].measure, 1U);
    EXPECT_TRUE(events[2].notes[0].tieStop);
    EXPECT_FALSE(events[2].notes[0].tieStart);
    EXPECT_FALSE(events[2].notes[0].performed.has_value());
    EXPECT_EQ(events[3].duration, Rational(3, 4));
    EXPECT_EQ(notatedNotes(score, score.parts[0]), performedNotes(score.parts[0]));
}

TEST(MidiScoreTest, NotesThatCannotBeOneValueAreTiedWithinTheMeasure) {
    SmfBuilder midi{480};
    midi.note(1, 0, 480 * 5 / 4, 60).note(1, 600, 1320, 62);  // a quarter and a sixteenth, then the rest
    const auto score = midi.read();
    const auto& events = score.parts[0].events;
    ASSERT_GE(events.size(), 3U);
    EXPECT_EQ(events[0].duration, Rational(1, 4));
    EXPECT_TRUE(events[0].notes[0].tieStart);
    EXPECT_EQ(events[1].duration, Rational(1, 16));
    EXPECT_TRUE(events[1].notes[0].tieStop);
    EXPECT_EQ(notatedNotes(score, score.parts[0]), performedNotes(score.parts[0]));
}

TEST(MidiScoreTest, OverlappingNotesBecomeVoicesAndSimultaneousOnesChords) {
    SmfBuilder midi{480};
    midi.note(1, 0, 1920, 48).note(1, 0, 1920, 55);                           // a held fifth
    for (std::int64_t i = 0; i < 4; ++i) midi.note(1, i * 480, 480, 72 + i);  // a melody above
    const auto score = midi.read();
    const auto upper = voiceEvents(score.parts[0], 1);
    const auto lower = voiceEvents(score.parts[0], 2);
    ASSERT_EQ(upper.size(), 4U);
    ASSERT_EQ(lower.size(), 1U);
    EXPECT_EQ(upper[0]->notes[0].pitch.midiNumber(), 72);
    ASSERT_EQ(lower[0]->notes.size(), 2U);
    EXPECT_EQ(lower[0]->notes[0].pitch.midiNumber(), 48);
    EXPECT_EQ(lower[0]->notes[1].pitch.midiNumber(), 55);
    EXPECT_EQ(lower[0]->duration, Rational(1));
}

TEST(MidiScoreTest, OutOfVoicesNotesAreNotatedShorterButPlayAsRecorded) {
    SmfBuilder midi{480};
    midi.note(1, 0, 1920, 48).note(1, 480, 960, 60).note(1, 480, 480, 64);
    MidiImportOptions options;
    options.maxVoices = 1;
    const auto score = midi.read(options);
    EXPECT_TRUE(voiceEvents(score.parts[0], 2).empty());
    const auto& events = score.parts[0].events;
    ASSERT_EQ(events.size(), 3U);
    EXPECT_EQ(events[0].duration, Rational(1, 4));  // cut where the next chord starts
    ASSERT_EQ(events[1].notes.size(), 2U);          // joined with the note of its onset
    EXPECT_EQ(performedNotes(score.parts[0]),
              (std::vector<PlayedNote>{{48, 0, 1}, {60, {1, 4}, {1, 2}}, {64, {1, 4}, {1, 4}}}));
}

TEST(MidiScoreTest, WithoutTupletDetectionTheGridsStayStraight) {
    SmfBuilder midi{480};
    midi.note(1, 0, 160, 60).note(1, 160, 160, 62).note(1, 320, 160, 64);
    MidiImportOptions options;
    options.detectTuplets = false;
    const auto score = midi.read(options);
    for (const auto& e : score.parts[0].events) EXPECT_TRUE(e.tuplets.empty());
    EXPECT_EQ(performedNotes(score.parts[0]).size(), 3U);
}

TEST(MidiScoreTest, AVeryShortNoteKeepsTheSmallestValue) {
    SmfBuilder midi{480};
    midi.note(1, 0, 1, 60).note(1, 480, 0, 62);
    const auto score = midi.read();
    const auto notated = notatedNotes(score, score.parts[0]);
    ASSERT_EQ(notated.size(), 2U);
    EXPECT_EQ(notated[0].duration, Rational(1, 32));
    EXPECT_EQ(notated[1].onset, Rational(1, 4));
    EXPECT_EQ(notated[1].duration, Rational(1, 32));
    EXPECT_EQ(performedNotes(score.parts[0])[1].duration, Rational(0));
}

TEST(MidiScoreTest, KeySignaturesSpellPitchesAndMarkTheMeasures) {
    SmfBuilder midi{480};
    midi.key(0, 0, 1).key(0, 1920, -6, true);
    midi.note(1, 0, 480, 66).note(1, 1920, 480, 66);
    const auto score = midi.read();
    const auto& m = score.timeline.measures;
    ASSERT_EQ(m.size(), 2U);
    EXPECT_EQ(m[0].keys.front().key.fifths, 1);
    EXPECT_EQ(m[1].keys.front().key, (score::KeySignature{-6, score::Mode::Minor, {}}));
    const auto& events = score.parts[0].events;
    EXPECT_EQ(events.front().notes[0].pitch.toString(), "F#4");
    const auto second = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.measure == 1; });
    EXPECT_EQ(second->notes[0].pitch.toString(), "Gb4");
}

TEST(MidiScoreTest, LyricsAttachToTheirNotesAndMarkersToTheTimeline) {
    SmfBuilder midi{480};
    midi.text(0, 960, smf_meta::kMarker, "Chorus").text(0, 0, smf_meta::kCuePoint, "Intro");
    midi.note(1, 0, 480, 60).note(1, 480, 480, 62).note(1, 960, 960, 64);
    midi.text(1, 0, smf_meta::kLyric, "Hal-")
        .text(1, 480, smf_meta::kLyric, "lo ")
        .text(1, 960, smf_meta::kLyric, "you");
    midi.text(1, 1440, smf_meta::kLyric, "la").text(1, 240, smf_meta::kText, "dolce");
    const auto score = midi.read();
    const auto& lyrics = score.layers.lyrics;
    ASSERT_EQ(lyrics.size(), 3U);
    EXPECT_EQ(lyrics[0].text, "Hal");
    EXPECT_EQ(lyrics[0].syllabic, score::LyricSyllable::Syllabic::Begin);
    EXPECT_EQ(lyrics[1].text, "lo");
    EXPECT_EQ(lyrics[1].syllabic, score::LyricSyllable::Syllabic::End);
    EXPECT_EQ(lyrics[2].syllabic, score::LyricSyllable::Syllabic::Single);
    const auto& events = score.parts[0].events;
    EXPECT_EQ(lyrics[0].event, events[0].id);
    EXPECT_EQ(lyrics[1].event, events[1].id);
    ASSERT_EQ(score.layers.markers.size(), 2U);
    EXPECT_EQ(score.layers.markers[0].label, "Intro");
    EXPECT_EQ(score.layers.markers[0].kind, score::Marker::Kind::Text);
    EXPECT_EQ(score.layers.markers[1].label, "Chorus");
    EXPECT_EQ(score.layers.markers[1].at, (score::ScorePosition{0, Rational(1, 2)}));
    // A lyric where no note starts, and a text event, become texts of the part.
    const auto& texts = score.layers.notation.texts;
    ASSERT_EQ(texts.size(), 2U);
    EXPECT_EQ(texts[0].text, "dolce");
    EXPECT_EQ(texts[0].partId, "P1");
    EXPECT_EQ(texts[1].text, "la");
}

TEST(MidiScoreTest, Latin1TextBecomesUtf8) {
    SmfBuilder midi{480};
    midi.text(1, 0, smf_meta::kTrackName, "Fl\xFBte");
    midi.note(1, 0, 480, 72);
    EXPECT_EQ(midi.read().parts[0].name, "Fl\xC3\xBBte");
}

TEST(MidiScoreTest, SmpteTimeReadsAsOneQuarterPerSecond) {
    auto midi = SmfBuilder::smpte(25, 40);
    midi.note(0, 1000, 500, 60);
    const auto score = midi.read();
    EXPECT_EQ(score.timeline.measures[0].tempos.front().beatsPerMinute, Rational(60));
    EXPECT_EQ(performedNotes(score.parts[0]).front(), (PlayedNote{60, Rational(1, 4), Rational(1, 8)}));
}

TEST(MidiScoreTest, Format2GivesOneScorePerSequence) {
    SmfBuilder midi{480, 2};
    midi.text(0, 0, smf_meta::kTrackName, "First").note(0, 0, 480, 60);
    midi.text(1, 0, smf_meta::kTrackName, "Second").meter(1, 0, 3, 2).note(1, 0, 480, 67);
    const auto data = midi.bytes();
    const auto imported = readMidi(data, "two.mid");
    ASSERT_TRUE(imported.ok());
    ASSERT_EQ(imported->scores.size(), 2U);
    EXPECT_EQ(imported->scores[0].metadata.title, "First");
    EXPECT_EQ(imported->scores[1].metadata.title, "Second");
    EXPECT_EQ(imported->scores[1].timeline.measures[0].time, (score::TimeSignature{3, 4}));
    EXPECT_EQ(performedNotes(imported->scores[1].parts[0]).front().key, 67);
}

TEST(MidiScoreTest, ANonMidiFileFailsWithItsPlace) {
    const std::vector<std::byte> junk(20, std::byte{0x41});
    const auto imported = readMidi(junk, "junk.mid");
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error().where.file, "junk.mid");
    EXPECT_EQ(imported.error().where.byteOffset, 0);
}

TEST(MidiScoreTest, ALongSilenceIsCappedWithAWarning) {
    SmfBuilder midi{1};
    midi.note(1, 0, 1, 60).note(1, std::int64_t{1} << 27, 1, 62);
    const auto data = midi.bytes();
    const auto imported = readMidi(data, "long.mid");
    ASSERT_TRUE(imported.ok());
    const auto& score = imported->scores[0];
    EXPECT_EQ(score.timeline.measures.size(), std::size_t{1} << 14);
    EXPECT_EQ(performedNotes(score.parts[0]).size(), 1U);
    EXPECT_FALSE(imported->warnings.empty());
}

TEST(MidiScoreTest, ANoteCutAtTheMeasureLimitEndsOnATickAndWritesBackExactly) {
    SmfBuilder midi{437};
    midi.meter(0, 0, 6, 12).note(1, 3, 1000000, 60);  // 6/4096 measures: the limit falls between ticks
    const auto data = midi.bytes();
    const auto imported = readMidi(data, "short-bars.mid");
    ASSERT_TRUE(imported.ok());
    const auto& score = imported->scores[0];
    const auto notes = performedNotes(score.parts[0]);
    ASSERT_EQ(notes.size(), 1U);
    constexpr std::int64_t kTicksPerWhole = 4 * 437;
    EXPECT_TRUE((notes[0].duration * Rational{kTicksPerWhole}).isInteger()) << notes[0];
    EXPECT_LE(notes[0].onset + notes[0].duration, score::measureStarts(score.timeline).back());
    const auto midiOut = scoreToMidi(score);
    EXPECT_TRUE(midiOut.warnings.front().message.find("meters") != std::string::npos);
    EXPECT_EQ(midiOut.division.ticksPerQuarter, 437 * 2);  // exact for the notes, raised towards 480
    const auto again = readMidi(*writeMidi(score), "again.mid");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(performedNotes(again->scores[0].parts[0]), notes);
}

// ---- Writing ----

// A score built by hand: measures of one meter, events added with addNotes/addRest.
class ScoreBuilder {
public:
    ScoreBuilder(int measures, score::TimeSignature meter = {4, 4}) {
        for (int m = 0; m < measures; ++m) {
            score::Measure measure;
            measure.number = std::to_string(m + 1);
            measure.duration = meter.measureLength();
            if (m == 0) {
                measure.time = meter;
                measure.keys.push_back({});
            }
            score_.timeline.measures.push_back(measure);
        }
    }
    score::Part& part(const std::string& name, std::uint8_t program = 0) {
        score::Part& p = score_.parts.emplace_back();
        p.id = "P" + std::to_string(score_.parts.size());
        p.name = name;
        p.instrument.gmProgram = program;
        return p;
    }
    score::Event& notes(std::uint32_t measure, Rational offset, Rational duration, const std::vector<int>& keys,
                        int voice = 1) {
        score::Event& e = score_.parts.back().events.emplace_back();
        e.id = score_.newId();
        e.measure = measure;
        e.offset = offset;
        e.duration = duration;
        e.voice = static_cast<std::uint8_t>(voice);
        for (int key : keys) {
            score::Note& n = e.notes.emplace_back();
            n.id = score_.newId();
            n.pitch = score::Pitch::fromMidi(key);
        }
        return e;
    }
    score::Score& score() { return score_; }

private:
    score::Score score_;
};

StandardMidiFile writeAndParse(const score::Score& score) {
    const auto bytes = writeMidi(score);
    EXPECT_TRUE(bytes.ok()) << bytes.error().describe();
    std::vector<std::uint8_t> raw(bytes->size());
    std::memcpy(raw.data(), bytes->data(), raw.size());
    auto midi = readStandardMidiFile(std::move(raw), "written.mid");
    EXPECT_TRUE(midi.ok());
    EXPECT_TRUE(midi->warnings.empty());
    return std::move(midi).value();
}

score::Score writeAndRead(const score::Score& score) {
    const auto bytes = writeMidi(score);
    EXPECT_TRUE(bytes.ok()) << bytes.error().describe();
    auto imported = readMidi(*bytes, "written.mid");
    EXPECT_TRUE(imported.ok());
    for (const auto& w : imported->warnings) ADD_FAILURE() << "warning: " << w.describe();
    expectWellFormed(imported->scores.front());
    return std::move(imported->scores.front());
}

struct RawNoteAt {
    std::int64_t on = 0;
    std::int64_t off = 0;
    int key = 0;
    int velocity = 0;
    int channel = 0;
    friend bool operator==(const RawNoteAt&, const RawNoteAt&) = default;
};

std::ostream& operator<<(std::ostream& out, const RawNoteAt& n) {
    return out << "{" << n.key << " " << n.on << "-" << n.off << " v" << n.velocity << " ch" << n.channel << "}";
}

std::vector<RawNoteAt> rawNotes(const SmfTrack& track) {
    std::vector<RawNoteAt> notes;
    for (const auto& e : track.events) {
        if (e.kind != SmfEventKind::Channel) continue;
        if (e.command() == 0x90 && e.data2 > 0) {
            notes.push_back({e.tick, -1, e.data1, e.data2, e.channel0to15()});
        } else if (e.command() == 0x80 || e.command() == 0x90) {
            for (auto& n : notes) {
                if (n.off < 0 && n.key == e.data1) {
                    n.off = e.tick;
                    break;
                }
            }
        }
    }
    return notes;
}

const SmfEvent* findMeta(const SmfTrack& track, std::uint8_t type, std::size_t nth = 0) {
    for (const auto& e : track.events) {
        if (e.isMeta(type) && nth-- == 0) return &e;
    }
    return nullptr;
}

TEST(MidiScoreTest, WritesAConductorTrackAndOneTrackPerPart) {
    ScoreBuilder b{2, {3, 4}};
    auto& score = b.score();
    score.metadata.title = "Minuet";
    score.timeline.measures[0].keys[0].key.fifths = 1;
    score.timeline.measures[0].tempos.push_back({0, {1, 4}, 90, "Allegretto"});
    score.timeline.measures[1].tempos.push_back({{1, 4}, {3, 8}, 40, ""});  // dotted quarter = 40: 60 quarters
    score.layers.markers.push_back({{1, 0}, score::Marker::Kind::Rehearsal, "B"});
    auto& flute = b.part("Flute", 73);
    flute.instrument.name = "Flute";
    flute.dynamics.push_back({{0, 0}, 1, "p", 0});
    flute.dynamics.push_back({{1, 0}, 1, "ff", 0});
    b.notes(0, 0, {1, 2}, {72});
    b.notes(0, {1, 2}, {1, 4}, {74}).notes[0].velocity = 100;
    b.notes(1, 0, {3, 4}, {76, 79});
    auto& drums = b.part("Drums");
    drums.instrument.percussion = true;
    b.notes(0, 0, {3, 4}, {0}).notes[0].percussionKey = 36;
    b.notes(1, 0, {3, 4}, {}).measureRest = true;

    const auto midi = writeAndParse(score);
    EXPECT_EQ(midi.format, 1);
    EXPECT_EQ(midi.division.ticksPerQuarter, 480);
    ASSERT_EQ(midi.tracks.size(), 3U);
    const auto& conductor = midi.tracks[0];
    ASSERT_NE(findMeta(conductor, smf_meta::kTrackName), nullptr);
    const auto* meter = findMeta(conductor, smf_meta::kTimeSignature);
    ASSERT_NE(meter, nullptr);
    EXPECT_EQ(smfTimeSignature(midi, *meter)->numerator, 3);
    EXPECT_EQ(smfKeySignature(midi, *findMeta(conductor, smf_meta::kKeySignature))->fifths, 1);
    const auto* secondTempo = findMeta(conductor, smf_meta::kTempo, 1);
    ASSERT_NE(secondTempo, nullptr);
    EXPECT_EQ(smfTempo(midi, *findMeta(conductor, smf_meta::kTempo)), 666667U);
    EXPECT_EQ(secondTempo->tick, 1440 + 480);
    EXPECT_EQ(smfTempo(midi, *secondTempo), 1000000U);
    EXPECT_EQ(findMeta(conductor, smf_meta::kMarker)->tick, 1440);
    EXPECT_TRUE(rawNotes(conductor).empty());

    const auto& flutes = midi.tracks[1];
    const std::vector<RawNoteAt> expected{
        {0, 960, 72, 49, 0}, {960, 1440, 74, 100, 0}, {1440, 2880, 76, 112, 0}, {1440, 2880, 79, 112, 0}};
    EXPECT_EQ(rawNotes(flutes), expected);
    const auto program = std::find_if(flutes.events.begin(), flutes.events.end(), [](const SmfEvent& e) {
        return e.kind == SmfEventKind::Channel && e.command() == 0xC0;
    });
    ASSERT_NE(program, flutes.events.end());
    EXPECT_EQ(program->data1, 73);
    EXPECT_EQ(rawNotes(midi.tracks[2]), (std::vector<RawNoteAt>{{0, 1440, 36, 80, 9}}));
}

TEST(MidiScoreTest, TiedNotesPlayAsOneGraceNotesBeforeTheBeatAndCueNotesNotAtAll) {
    ScoreBuilder b{2};
    b.part("Oboe");
    auto& tied = b.notes(0, 0, {1, 2}, {69});
    tied.notes[0].tieStart = true;
    auto& more = b.notes(0, {1, 2}, {1, 2}, {69});
    more.notes[0].tieStart = true;
    more.notes[0].tieStop = true;
    b.notes(1, 0, {1, 4}, {69}).notes[0].tieStop = true;
    b.notes(1, {1, 4}, 0, {71}).grace = score::Grace{true, {1, 8}};
    b.notes(1, {1, 4}, {1, 4}, {72});
    b.notes(1, {1, 2}, {1, 2}, {60}).cue = true;
    const auto midi = writeAndParse(b.score());
    const std::vector<RawNoteAt> expected{{0, 2400, 69, 80, 0}, {2340, 2400, 71, 80, 0}, {2400, 2880, 72, 80, 0}};
    EXPECT_EQ(rawNotes(midi.tracks[1]), expected);
}

TEST(MidiScoreTest, TiedDrumsDrawnOnOneLineKeepTheirOwnLengths) {
    // Open (46) and closed (42) hi-hat share the G5 line: the closed one is tied over two quarters,
    // the open one over three, and each tie continues its own drum.
    ScoreBuilder b{1};
    b.part("Drums").instrument.percussion = true;
    struct Tied {
        int key;
        bool stop;
        bool start;
    };
    const auto hiHats = [&](Rational offset, const std::vector<Tied>& drums) {
        auto& event = b.notes(0, offset, {1, 4}, std::vector<int>(drums.size(), 79));  // all on G5
        for (std::size_t i = 0; i < drums.size(); ++i) {
            event.notes[i].percussionKey = static_cast<std::uint8_t>(drums[i].key);
            event.notes[i].tieStop = drums[i].stop;
            event.notes[i].tieStart = drums[i].start;
        }
    };
    hiHats(0, {{46, false, true}, {42, false, true}});
    hiHats({1, 4}, {{42, true, false}, {46, true, true}});
    hiHats({1, 2}, {{46, true, false}});
    const auto midi = writeAndParse(b.score());
    EXPECT_EQ(rawNotes(midi.tracks[1]), (std::vector<RawNoteAt>{{0, 960, 42, 80, 9}, {0, 1440, 46, 80, 9}}));
}

TEST(MidiScoreTest, TheDivisionPlacesEveryPositionExactly) {
    ScoreBuilder b{1};
    b.part("Piano");
    for (int i = 0; i < 7; ++i) b.notes(0, Rational(i, 28), {1, 28}, {60 + i});  // a septuplet
    b.notes(0, {1, 4}, {3, 4}, {72});
    const auto midi = writeAndParse(b.score());
    EXPECT_EQ(midi.division.ticksPerQuarter, 483);
    const auto notes = rawNotes(midi.tracks[1]);
    ASSERT_EQ(notes.size(), 8U);
    for (int i = 0; i < 7; ++i) EXPECT_EQ(notes[static_cast<std::size_t>(i)].on, i * 69);
    EXPECT_TRUE(scoreToMidi(b.score()).warnings.empty());
}

TEST(MidiScoreTest, PositionsNoDivisionCanHoldAreRoundedWithAWarning) {
    ScoreBuilder b{1};
    b.part("Piano");
    constexpr std::int64_t kTicks = 32771;  // needs 32771 ticks per quarter
    b.notes(0, 0, {1, 4 * kTicks}, {60});
    b.notes(0, {1, 4 * kTicks}, {1, 2}, {62});
    const auto midi = scoreToMidi(b.score());
    EXPECT_EQ(midi.division.ticksPerQuarter, 960);
    ASSERT_EQ(midi.warnings.size(), 1U);
    EXPECT_NE(midi.warnings[0].message.find("rounded"), std::string::npos);
}

TEST(MidiScoreTest, AWrittenScoreReadsBackWithTheSameNotes) {
    ScoreBuilder b{3, {6, 8}};
    b.part("Violin", 40);
    // Triplets, a quintuplet, a chord, two voices and a note tied over the barline.
    for (int i = 0; i < 3; ++i) b.notes(0, Rational(i, 12), {1, 12}, {76 + i});
    for (int i = 0; i < 5; ++i) b.notes(0, Rational(1, 4) + Rational(i, 20), {1, 20}, {64 + i});
    b.notes(0, {1, 2}, {1, 4}, {60, 64, 67}).notes[0].tieStart = true;
    b.notes(1, 0, {1, 8}, {60}).notes[0].tieStop = true;
    b.notes(1, 0, {3, 4}, {48}, 2);
    b.notes(2, 0, {1, 2}, {50}, 1);
    const auto& original = b.score();
    const auto again = writeAndRead(original);
    ASSERT_EQ(again.parts.size(), 1U);
    EXPECT_EQ(again.parts[0].name, "Violin");
    EXPECT_EQ(again.parts[0].instrument.gmProgram, 40);
    EXPECT_EQ(performedNotes(again.parts[0]), notatedNotes(original, original.parts[0]));
    // The notation was on a clean grid, so it comes back as it was written.
    EXPECT_EQ(notatedNotes(again, again.parts[0]), notatedNotes(original, original.parts[0]));
    EXPECT_EQ(again.timeline.measures.size(), 3U);
    EXPECT_EQ(again.timeline.measures[0].time, (score::TimeSignature{6, 8}));
}

TEST(MidiScoreTest, ReadWriteReadKeepsTheTimelineAndTheLayers) {
    SmfBuilder midi{480};
    midi.text(0, 0, smf_meta::kTrackName, "Song").meter(0, 0, 1, 2).meter(0, 480, 3, 2).meter(0, 480 + 2880, 2, 2);
    midi.tempo(0, 0, 500000).tempo(0, 480 + 720, 400000).key(0, 0, -3, true).text(0, 480, smf_meta::kMarker, "A");
    midi.text(1, 0, smf_meta::kTrackName, "Voice").program(1, 0, 0, 52);
    midi.note(1, 0, 480, 67).note(1, 480, 1440, 72).note(1, 1920, 1440, 74).note(1, 3360, 960, 75);
    midi.text(1, 480, smf_meta::kLyric, "Ah-").text(1, 1920, smf_meta::kLyric, "men");
    const auto first = midi.read();
    const auto second = writeAndRead(first);
    EXPECT_EQ(second.metadata.title, "Song");
    EXPECT_EQ(second.timeline, first.timeline);
    EXPECT_EQ(second.layers.markers, first.layers.markers);
    ASSERT_EQ(second.layers.lyrics.size(), 2U);
    EXPECT_EQ(second.layers.lyrics[0].text, "Ah");
    EXPECT_EQ(second.layers.lyrics[0].syllabic, score::LyricSyllable::Syllabic::Begin);
    EXPECT_EQ(second.parts[0].name, "Voice");
    EXPECT_EQ(performedNotes(second.parts[0]), performedNotes(first.parts[0]));
    EXPECT_EQ(second.parts[0].events.size(), first.parts[0].events.size());
}

}  // namespace
}  // namespace mos::formats
