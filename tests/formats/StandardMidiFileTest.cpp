#include "mos/formats/StandardMidiFile.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "formats/SameEvents.hpp"

namespace mos::formats {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes operator+(Bytes a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Bytes text(const std::string& s) { return {s.begin(), s.end()}; }

Bytes variableLength(std::uint32_t value) {
    Bytes out{static_cast<std::uint8_t>(value & 0x7FU)};
    for (value >>= 7U; value != 0; value >>= 7U) {
        out.insert(out.begin(), static_cast<std::uint8_t>((value & 0x7FU) | 0x80U));
    }
    return out;
}

Bytes chunk(const std::string& tag, const Bytes& data) {
    const auto n = static_cast<std::uint32_t>(data.size());
    return text(tag) +
           Bytes{static_cast<std::uint8_t>(n >> 24U), static_cast<std::uint8_t>(n >> 16U),
                 static_cast<std::uint8_t>(n >> 8U), static_cast<std::uint8_t>(n)} +
           data;
}

Bytes header(std::uint16_t format, std::uint16_t tracks, std::uint16_t division) {
    return chunk("MThd", {static_cast<std::uint8_t>(format >> 8U), static_cast<std::uint8_t>(format),
                          static_cast<std::uint8_t>(tracks >> 8U), static_cast<std::uint8_t>(tracks),
                          static_cast<std::uint8_t>(division >> 8U), static_cast<std::uint8_t>(division)});
}

// An event: its delta time, then its bytes.
Bytes at(std::uint32_t delta, std::initializer_list<std::uint8_t> bytes) {
    return variableLength(delta) + Bytes{bytes};
}

const Bytes kEndOfTrack = at(0, {0xFF, 0x2F, 0x00});

StandardMidiFile read(const Bytes& bytes) {
    auto midi = readStandardMidiFile(bytes, "test.mid");
    EXPECT_TRUE(midi.ok()) << midi.error().describe();
    return std::move(midi).value();
}

std::string errorOf(const Bytes& bytes) {
    const auto midi = readStandardMidiFile(bytes, "bad.mid");
    return midi ? std::string{"(no error)"} : midi.error().describe();
}

TEST(StandardMidiFileTest, ReadsNotesWithRunningStatusAtAbsoluteTicks) {
    const Bytes track = at(0, {0x90, 60, 100}) + at(480, {64, 90}) + at(480, {60, 0}) + at(0, {64, 0}) + kEndOfTrack;
    const auto midi = read(header(0, 1, 480) + chunk("MTrk", track));
    EXPECT_EQ(midi.format, 0);
    EXPECT_EQ(midi.division.ticksPerQuarter, 480);
    ASSERT_EQ(midi.tracks.size(), 1U);
    const auto& events = midi.tracks[0].events;
    ASSERT_EQ(events.size(), 5U);
    EXPECT_EQ(events[1].tick, 480);
    EXPECT_EQ(events[1].status, 0x90);
    EXPECT_EQ(events[1].data1, 64);
    EXPECT_EQ(events[1].data2, 90);
    EXPECT_EQ(events[3].tick, 960);
    EXPECT_EQ(events[3].command(), 0x90);
    EXPECT_EQ(events[3].data2, 0);  // note on with velocity 0: the importer reads it as a note off
    EXPECT_TRUE(events[4].isMeta(smf_meta::kEndOfTrack));
    EXPECT_TRUE(midi.warnings.empty());
}

TEST(StandardMidiFileTest, OneDataByteMessagesAndChannels) {
    const Bytes track = at(0, {0xC5, 41}) + at(0, {0xD5, 30}) + at(0, {0xE5, 0x00, 0x40}) + kEndOfTrack;
    const auto midi = read(header(0, 1, 96) + chunk("MTrk", track));
    const auto& events = midi.tracks[0].events;
    EXPECT_EQ(events[0].command(), 0xC0);
    EXPECT_EQ(events[0].channel0to15(), 5);
    EXPECT_EQ(events[0].data1, 41);
    EXPECT_EQ(events[1].data1, 30);
    EXPECT_EQ(events[2].data2, 0x40);
}

TEST(StandardMidiFileTest, DecodesTempoAndSignatures) {
    const Bytes track = at(0, {0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20}) + at(0, {0xFF, 0x58, 0x04, 6, 3, 24, 8}) +
                        at(0, {0xFF, 0x59, 0x02, 0xFD, 0x01}) + kEndOfTrack;
    const auto midi = read(header(0, 1, 480) + chunk("MTrk", track));
    const auto& events = midi.tracks[0].events;
    EXPECT_EQ(smfTempo(midi, events[0]), 500000U);
    const auto meter = smfTimeSignature(midi, events[1]);
    ASSERT_TRUE(meter.has_value());
    EXPECT_EQ(meter->numerator, 6);
    EXPECT_EQ(meter->denominator, 8);
    const auto key = smfKeySignature(midi, events[2]);
    ASSERT_TRUE(key.has_value());
    EXPECT_EQ(key->fifths, -3);  // C minor
    EXPECT_TRUE(key->minor);
    EXPECT_FALSE(smfTempo(midi, events[1]).has_value());
}

TEST(StandardMidiFileTest, MalformedMetaValuesAreNotDecoded) {
    const Bytes track = at(0, {0xFF, 0x51, 0x02, 0x07, 0xA1}) + at(0, {0xFF, 0x59, 0x02, 0x09, 0x00}) +
                        at(0, {0xFF, 0x58, 0x02, 0x00, 0x02}) + kEndOfTrack;
    const auto midi = read(header(0, 1, 480) + chunk("MTrk", track));
    const auto& events = midi.tracks[0].events;
    EXPECT_FALSE(smfTempo(midi, events[0]).has_value());
    EXPECT_FALSE(smfKeySignature(midi, events[1]).has_value());
    EXPECT_FALSE(smfTimeSignature(midi, events[2]).has_value());
}

TEST(StandardMidiFileTest, TextAndSysExPayloadsPointIntoTheFile) {
    const Bytes track = at(0, {0xFF, 0x03, 0x05, 'P', 'i', 'a', 'n', 'o'}) +
                        at(10, {0xF0, 0x05, 0x7E, 0x7F, 0x09, 0x01, 0xF7}) + at(0, {0xF7, 0x02, 0xF3, 0x01}) +
                        kEndOfTrack;
    const auto midi = read(header(0, 1, 480) + chunk("MTrk", track));
    const auto& events = midi.tracks[0].events;
    const auto name = midi.payload(events[0]);
    EXPECT_EQ(std::string(name.begin(), name.end()), "Piano");
    EXPECT_EQ(events[1].kind, SmfEventKind::SysEx);
    EXPECT_EQ(midi.payload(events[1]).size(), 5U);
    EXPECT_EQ(events[2].kind, SmfEventKind::SysExEscape);
    EXPECT_EQ(midi.payload(events[2])[0], 0xF3);
}

TEST(StandardMidiFileTest, SysExCancelsRunningStatus) {
    const Bytes track = at(0, {0x90, 60, 100}) + at(0, {0xF0, 0x01, 0xF7}) + at(0, {60, 0}) + kEndOfTrack;
    EXPECT_EQ(errorOf(header(0, 1, 480) + chunk("MTrk", track)),
              "bad.mid at byte 31: data byte 0x3C where a status byte is needed (no running status)");
}

TEST(StandardMidiFileTest, LongDeltaTimesAccumulate) {
    const Bytes track = at(0x0FFFFFFF, {0x90, 60, 1}) + at(0x0FFFFFFF, {0x80, 60, 0}) + kEndOfTrack;
    const auto midi = read(header(0, 1, 480) + chunk("MTrk", track));
    EXPECT_EQ(midi.tracks[0].events[1].tick, 2 * std::int64_t{0x0FFFFFFF});
}

TEST(StandardMidiFileTest, SmpteDivision) {
    const auto midi = read(header(0, 1, 0xE728) + chunk("MTrk", kEndOfTrack));
    EXPECT_EQ(midi.division.ticksPerQuarter, 0);
    EXPECT_EQ(midi.division.smpteFramesPerSecond, 25);
    EXPECT_EQ(midi.division.ticksPerFrame, 40);
}

TEST(StandardMidiFileTest, UnknownChunksAreSkippedAndTracksKeepTheirOrder) {
    const auto midi = read(header(1, 2, 96) + chunk("MTrk", at(0, {0x90, 1, 1}) + kEndOfTrack) +
                           chunk("XFIH", {0, 0, 0, 0}) + chunk("MTrk", at(7, {0x91, 2, 2}) + kEndOfTrack));
    ASSERT_EQ(midi.tracks.size(), 2U);
    EXPECT_EQ(midi.tracks[1].events[0].channel0to15(), 1);
    EXPECT_EQ(midi.tracks[1].events[0].tick, 7);
}

TEST(StandardMidiFileTest, RiffWrappedFilesAreRead) {
    const Bytes smf = header(0, 1, 96) + chunk("MTrk", at(0, {0x90, 60, 64}) + kEndOfTrack);
    const auto n = static_cast<std::uint32_t>(smf.size());
    const Bytes data =
        text("data") + Bytes{static_cast<std::uint8_t>(n), static_cast<std::uint8_t>(n >> 8U), 0, 0} + smf;
    const auto riffSize = static_cast<std::uint32_t>(data.size() + 4);
    const Bytes riff = text("RIFF") +
                       Bytes{static_cast<std::uint8_t>(riffSize), static_cast<std::uint8_t>(riffSize >> 8U), 0, 0} +
                       text("RMID") + data;
    EXPECT_EQ(read(riff).tracks[0].events[0].data1, 60);
}

TEST(StandardMidiFileTest, ToleratedProblemsBecomeWarningsWithTheirPlace) {
    // Header says 3 tracks, there is 1, it lacks End of Track, and then the file is cut mid-event.
    const Bytes bytes = header(1, 3, 96) + chunk("MTrk", at(0, {0x90, 60, 64}) + at(5, {0x80, 60}));
    const auto midi = read(bytes);
    ASSERT_EQ(midi.tracks.size(), 1U);
    EXPECT_EQ(midi.tracks[0].events.size(), 1U);
    ASSERT_EQ(midi.warnings.size(), 2U);
    EXPECT_EQ(midi.warnings[0].describe(),
              "test.mid at byte 26: the track ends inside an event; the events before it are kept");
    EXPECT_EQ(midi.warnings[1].describe(), "test.mid at byte 10: the header announces 3 tracks, the file has 1");
}

TEST(StandardMidiFileTest, ATrackLongerThanTheFileIsReadUpToTheEnd) {
    Bytes bytes = header(0, 1, 96) + chunk("MTrk", at(0, {0x90, 60, 64}) + kEndOfTrack);
    bytes[21] = 0x40;  // the track now claims 64 bytes
    const auto midi = read(bytes);
    EXPECT_EQ(midi.tracks[0].events.size(), 2U);
    ASSERT_FALSE(midi.warnings.empty());
    EXPECT_EQ(midi.warnings[0].describe(), "test.mid at byte 14: the track claims 64 bytes but the file ends after 8");
}

TEST(StandardMidiFileTest, EventsAfterEndOfTrackAreIgnoredWithAWarning) {
    const auto midi = read(header(0, 1, 96) + chunk("MTrk", kEndOfTrack + at(0, {0x90, 60, 64})));
    EXPECT_EQ(midi.tracks[0].events.size(), 1U);
    EXPECT_EQ(midi.warnings.size(), 1U);
}

TEST(StandardMidiFileTest, BrokenFilesFailWithFileAndByteOffset) {
    EXPECT_EQ(errorOf(text("RIFF0000WAVE")),
              "bad.mid at byte 0: not a Standard MIDI File: it does not start with \"MThd\"");
    EXPECT_EQ(errorOf({}), "bad.mid at byte 0: not a Standard MIDI File: it does not start with \"MThd\"");
    EXPECT_EQ(errorOf(text("MThd") + Bytes{0, 0, 0, 6, 0}), "bad.mid at byte 0: the file ends inside its MThd header");
    EXPECT_EQ(errorOf(chunk("MThd", {0, 0, 0, 1})), "bad.mid at byte 0: the file ends inside its MThd header");
    EXPECT_EQ(errorOf(text("MThd") + Bytes{0, 0, 0, 3, 0, 0, 0, 1, 0, 96}),
              "bad.mid at byte 4: the MThd header is 3 bytes long, less than 6");
    EXPECT_EQ(errorOf(header(3, 1, 96)), "bad.mid at byte 8: MIDI file format 3 is not 0, 1 or 2");
    EXPECT_EQ(errorOf(header(0, 1, 0)), "bad.mid at byte 12: the division is 0 ticks per quarter note");
    EXPECT_EQ(errorOf(header(0, 1, 0xE900)), "bad.mid at byte 12: the SMPTE division 0xE900 is not valid");
}

TEST(StandardMidiFileTest, UndecodableEventsFailWithTheirByteOffset) {
    const Bytes start = header(0, 1, 96);  // the track's first event starts at byte 22
    EXPECT_EQ(errorOf(start + chunk("MTrk", at(0, {0x40, 1}) + kEndOfTrack)),
              "bad.mid at byte 23: data byte 0x40 where a status byte is needed (no running status)");
    EXPECT_EQ(errorOf(start + chunk("MTrk", at(0, {0x90, 60, 0x90}) + kEndOfTrack)),
              "bad.mid at byte 25: byte 0x90 inside a 0x90 message is not a data byte");
    EXPECT_EQ(errorOf(start + chunk("MTrk", at(0, {0xF8}) + kEndOfTrack)),
              "bad.mid at byte 22: status byte 0xF8 is not allowed in a MIDI file");
    EXPECT_EQ(errorOf(start + chunk("MTrk", Bytes{0x81, 0x82, 0x83, 0x84, 0x05, 0x90, 60, 1} + kEndOfTrack)),
              "bad.mid at byte 22: delta time is longer than the four bytes a variable-length number may have");
    EXPECT_EQ(errorOf(start + chunk("MTrk", at(0, {0xFF, 0x01, 0x81, 0x82, 0x83, 0x84, 0x00}) + kEndOfTrack)),
              "bad.mid at byte 22: event length is longer than the four bytes a variable-length number may have");
}

TEST(StandardMidiFileTest, WritesWhatItReadsByteForByte) {
    const Bytes original = header(1, 2, 480) +
                           chunk("MTrk", at(0, {0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20}) + kEndOfTrack) +
                           chunk("MTrk", at(0, {0xC0, 5}) + at(0, {0x90, 60, 100}) + at(480, {60, 0}) +
                                             at(0, {0xF0, 0x02, 0x7E, 0xF7}) + at(5, {0x80, 60, 0}) + kEndOfTrack);
    const auto written = writeStandardMidiFile(read(original));
    ASSERT_TRUE(written.ok()) << written.error().describe();
    EXPECT_EQ(*written, original);
}

TEST(StandardMidiFileTest, BuildsAFileInMemory) {
    StandardMidiFile built;
    built.format = 0;
    built.division.ticksPerQuarter = 96;
    SmfTrack& track = built.tracks.emplace_back();
    const std::string name = "Lead";
    appendDataEvent(built, track, 0, SmfEventKind::Meta, smf_meta::kTrackName,
                    std::span{reinterpret_cast<const std::uint8_t*>(name.data()), name.size()});
    track.events.push_back(SmfEvent{.tick = 0, .status = 0x90, .data1 = 67, .data2 = 80});
    track.events.push_back(SmfEvent{.tick = 192, .status = 0x80, .data1 = 67, .data2 = 0});

    const auto written = writeStandardMidiFile(built);
    ASSERT_TRUE(written.ok()) << written.error().describe();
    const auto again = read(*written);
    EXPECT_TRUE(again.warnings.empty());
    ASSERT_EQ(again.tracks[0].events.size(), 4U);  // with the End of Track the writer adds
    EXPECT_TRUE(again.tracks[0].events[3].isMeta(smf_meta::kEndOfTrack));
    EXPECT_EQ(again.tracks[0].events[3].tick, 192);
    const auto readName = again.payload(again.tracks[0].events[0]);
    EXPECT_EQ(std::string(readName.begin(), readName.end()), "Lead");
}

TEST(StandardMidiFileTest, WritesSmpteDivisionAndLongDeltas) {
    const auto original = read(header(0, 1, 0xE728) + chunk("MTrk", at(0x0FFFFFFF, {0x90, 60, 1}) + kEndOfTrack));
    const auto written = writeStandardMidiFile(original);
    ASSERT_TRUE(written.ok());
    const auto again = read(*written);
    EXPECT_EQ(again.division.smpteFramesPerSecond, 25);
    EXPECT_EQ(again.division.ticksPerFrame, 40);
    expectSameEvents(original, again);
}

TEST(StandardMidiFileTest, RefusesTicksThatGoBackOrJumpTooFar) {
    StandardMidiFile built;
    built.division.ticksPerQuarter = 96;
    SmfTrack& track = built.tracks.emplace_back();
    track.events.push_back(SmfEvent{.tick = 10, .status = 0x90, .data1 = 60, .data2 = 1});
    track.events.push_back(SmfEvent{.tick = 5, .status = 0x80, .data1 = 60, .data2 = 0});
    auto written = writeStandardMidiFile(built);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().message, "track 0: the event at tick 5 comes before the one preceding it");

    track.events[1].tick = 10 + 0x10000000;
    written = writeStandardMidiFile(built);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code, core::ErrorCode::OutOfRange);
}

TEST(StandardMidiFileTest, MissingFileIsNotFound) {
    const auto midi = readStandardMidiFile(std::filesystem::path{"no-such-file.mid"});
    ASSERT_FALSE(midi);
    EXPECT_EQ(midi.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(midi.error().describe(), "no-such-file.mid: cannot open the file");
}

}  // namespace
}  // namespace mos::formats
