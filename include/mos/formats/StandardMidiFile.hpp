#pragma once

// The Standard MIDI File as it is on disk: header, tracks and their events at absolute ticks, before
// any musical interpretation. The MIDI importer builds a UMF score from this; tools that need the
// raw events (a MIDI dump, a player of performed files) use it directly.
//
//   auto midi = readStandardMidiFile("song.mid");
//   if (!midi) return midi.error();            // "song.mid at byte 812: running status with no ..."
//   for (const SmfEvent& e : midi->tracks[0].events) ...

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "mos/core/Error.hpp"
#include "mos/core/Result.hpp"

namespace mos::formats {

// Meta event types of the SMF 1.0 specification that MOS reads.
namespace smf_meta {
inline constexpr std::uint8_t kText = 0x01;
inline constexpr std::uint8_t kCopyright = 0x02;
inline constexpr std::uint8_t kTrackName = 0x03;
inline constexpr std::uint8_t kInstrumentName = 0x04;
inline constexpr std::uint8_t kLyric = 0x05;
inline constexpr std::uint8_t kMarker = 0x06;
inline constexpr std::uint8_t kCuePoint = 0x07;
inline constexpr std::uint8_t kEndOfTrack = 0x2F;
inline constexpr std::uint8_t kTempo = 0x51;
inline constexpr std::uint8_t kTimeSignature = 0x58;
inline constexpr std::uint8_t kKeySignature = 0x59;
}  // namespace smf_meta

enum class SmfEventKind : std::uint8_t {
    Channel,      // note, controller, program, pressure or pitch-bend message
    Meta,         // 0xFF: tempo, signatures, names, text …
    SysEx,        // 0xF0: a system-exclusive message (payload excludes the 0xF0)
    SysExEscape,  // 0xF7: raw bytes to send as they are (continued sysex, or anything else)
};

// One event of a track. Meta and sysex data stay in the file's bytes (see StandardMidiFile::payload)
// so reading a large file allocates little more than the event list.
struct SmfEvent {
    std::int64_t tick = 0;            // absolute, in the file's ticks
    std::uint32_t byteOffset = 0;     // where the event starts in the file, for diagnostics
    std::uint32_t payloadOffset = 0;  // meta and sysex data within the file's bytes
    std::uint32_t payloadSize = 0;
    SmfEventKind kind = SmfEventKind::Channel;
    std::uint8_t status = 0;  // channel: 0x80–0xEF with the channel; meta: its type; sysex: 0xF0/0xF7
    std::uint8_t data1 = 0;   // channel messages' data bytes; data2 is 0 for one-byte messages
    std::uint8_t data2 = 0;

    std::uint8_t channel0to15() const noexcept { return status & 0x0FU; }
    // The message type of a channel event: 0x80 note off, 0x90 note on, … 0xE0 pitch bend.
    std::uint8_t command() const noexcept { return status & 0xF0U; }
    bool isMeta(std::uint8_t type) const noexcept { return kind == SmfEventKind::Meta && status == type; }
};

struct SmfTrack {
    std::vector<SmfEvent> events;  // in file order, ticks non-decreasing
    std::uint32_t byteOffset = 0;  // the chunk's "MTrk"
};

// How ticks relate to time: per quarter note (the usual), or SMPTE frames and ticks per frame.
struct SmfDivision {
    std::uint16_t ticksPerQuarter = 0;      // 0 when the file counts SMPTE time
    std::uint8_t smpteFramesPerSecond = 0;  // 24, 25, 29 (drop-frame 30) or 30
    std::uint8_t ticksPerFrame = 0;
};

struct StandardMidiFile {
    std::uint16_t format = 0;  // 0: one track; 1: simultaneous tracks; 2: independent sequences
    SmfDivision division;
    std::vector<SmfTrack> tracks;
    std::vector<std::uint8_t> bytes;  // the whole file; meta and sysex payloads point into it
    // Problems a tolerant reader can work around (a wrong track count, a missing end of track, a
    // track cut short), each with its place; the events before the problem are kept.
    std::vector<core::Error> warnings;

    // The data of a meta or sysex event. Thread: any. RT-safe: yes.
    std::span<const std::uint8_t> payload(const SmfEvent& event) const noexcept {
        return std::span<const std::uint8_t>{bytes}.subspan(event.payloadOffset, event.payloadSize);
    }
};

// Parses a Standard MIDI File held in memory. `fileName` only labels errors. A structural error
// (not a MIDI file, an event that cannot be decoded) fails with its byte offset; what can be worked
// around becomes a warning. Thread: any. RT-safe: no.
core::Result<StandardMidiFile> readStandardMidiFile(std::vector<std::uint8_t> bytes, const std::string& fileName);

// Reads and parses a file. Thread: control. RT-safe: no.
core::Result<StandardMidiFile> readStandardMidiFile(const std::filesystem::path& path);

// Serialises a file: MThd with its format, track count and division, then one MTrk per track with
// delta times from the ticks and running status for repeated channel statuses. Each track ends with
// one End of Track at its latest tick (End of Track events in the list only mark that tick). Fails when a track's ticks
// go backwards or a gap needs more than the 28 bits a delta time holds. Thread: any. RT-safe: no.
core::Result<std::vector<std::uint8_t>> writeStandardMidiFile(const StandardMidiFile& file);

// Appends a meta or sysex event to a track, keeping its data in the file's bytes, for building a
// file in memory: appendDataEvent(file, track, 0, SmfEventKind::Meta, smf_meta::kTrackName, name).
// Thread: any. RT-safe: no.
void appendDataEvent(StandardMidiFile& file, SmfTrack& track, std::int64_t tick, SmfEventKind kind, std::uint8_t status,
                     std::span<const std::uint8_t> data);

// Decoded meta events. Each returns nullopt when the event is not of its type or is malformed.

// Microseconds per quarter note of a tempo event. Thread: any. RT-safe: yes.
std::optional<std::uint32_t> smfTempo(const StandardMidiFile& file, const SmfEvent& event) noexcept;

struct SmfTimeSignature {
    std::uint8_t numerator = 4;
    std::uint16_t denominator = 4;  // a power of two
    std::uint8_t clocksPerClick = 24;
    std::uint8_t thirtySecondsPerQuarter = 8;
};
// Thread: any. RT-safe: yes.
std::optional<SmfTimeSignature> smfTimeSignature(const StandardMidiFile& file, const SmfEvent& event) noexcept;

struct SmfKeySignature {
    std::int8_t fifths = 0;  // -7 (7 flats) … 7 (7 sharps)
    bool minor = false;
};
// Thread: any. RT-safe: yes.
std::optional<SmfKeySignature> smfKeySignature(const StandardMidiFile& file, const SmfEvent& event) noexcept;

}  // namespace mos::formats
