// Standard MIDI File 1.0 writer: the inverse of the reader, byte for byte where the reader's input
// used running status the same way.

#include <algorithm>
#include <limits>

#include "mos/formats/StandardMidiFile.hpp"

namespace mos::formats {
namespace {

constexpr std::uint32_t kLargestDelta = 0x0FFFFFFF;  // 28 bits: four bytes of seven

void putVariableLength(std::vector<std::uint8_t>& out, std::uint32_t value) {
    std::uint8_t groups[4];
    int count = 0;
    do {
        groups[count++] = static_cast<std::uint8_t>(value & 0x7FU);
        value >>= 7U;
    } while (value != 0);
    while (count > 1) out.push_back(static_cast<std::uint8_t>(groups[--count] | 0x80U));
    out.push_back(groups[0]);
}

void putBigEndian(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

// Byte by byte: GCC 12 at -O2 wrongly reports a range insert into the still-empty vector as an
// overflow (-Wstringop-overflow).
void putTag(std::vector<std::uint8_t>& out, const char (&tag)[5]) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(tag[i]));
}

std::uint16_t divisionField(const SmfDivision& division) {
    if (division.ticksPerQuarter != 0) return division.ticksPerQuarter;
    const auto negativeFps = static_cast<std::uint8_t>(-static_cast<std::int8_t>(division.smpteFramesPerSecond));
    return static_cast<std::uint16_t>((negativeFps << 8U) | division.ticksPerFrame);
}

}  // namespace

core::Result<std::vector<std::uint8_t>> writeStandardMidiFile(const StandardMidiFile& file) {
    std::vector<std::uint8_t> out;
    putTag(out, "MThd");
    putBigEndian(out, 6, 4);
    putBigEndian(out, file.format, 2);
    putBigEndian(out, static_cast<std::uint32_t>(file.tracks.size()), 2);
    putBigEndian(out, divisionField(file.division), 2);

    for (std::size_t t = 0; t < file.tracks.size(); ++t) {
        const SmfTrack& track = file.tracks[t];
        putTag(out, "MTrk");
        const std::size_t lengthAt = out.size();
        putBigEndian(out, 0, 4);  // the length, patched below

        // End of Track is written once, last, at the latest tick the track reaches: an End of Track
        // among the events only says how long the track lasts.
        std::int64_t lastTick = 0;
        std::int64_t endTick = 0;
        std::uint8_t runningStatus = 0;
        const auto putDelta = [&](std::int64_t tick) -> core::Result<void> {
            const std::int64_t delta = tick - lastTick;
            if (delta < 0 || delta > kLargestDelta) {
                return core::fail(core::ErrorCode::OutOfRange,
                                  "track " + std::to_string(t) + ": the event at tick " + std::to_string(tick) +
                                      (delta < 0 ? " comes before the one preceding it"
                                                 : " is further from the one before than a delta time can say"));
            }
            putVariableLength(out, static_cast<std::uint32_t>(delta));
            lastTick = tick;
            return {};
        };
        for (const SmfEvent& event : track.events) {
            endTick = std::max(endTick, event.tick);
            if (event.isMeta(smf_meta::kEndOfTrack)) continue;
            if (auto written = putDelta(event.tick); !written) return std::move(written).error();
            if (event.kind == SmfEventKind::Channel) {
                if (event.status != runningStatus) out.push_back(event.status);
                runningStatus = event.status;
                out.push_back(event.data1);
                if (event.command() != 0xC0 && event.command() != 0xD0) out.push_back(event.data2);
                continue;
            }
            runningStatus = 0;  // meta and sysex events cancel running status
            if (event.kind == SmfEventKind::Meta) {
                out.push_back(0xFF);
                out.push_back(event.status);
            } else {
                out.push_back(event.kind == SmfEventKind::SysEx ? 0xF0 : 0xF7);
            }
            const auto payload = file.payload(event);
            putVariableLength(out, static_cast<std::uint32_t>(payload.size()));
            out.insert(out.end(), payload.begin(), payload.end());
        }
        if (auto written = putDelta(endTick); !written) return std::move(written).error();
        out.insert(out.end(), {0xFF, smf_meta::kEndOfTrack, 0x00});

        const std::size_t length = out.size() - lengthAt - 4;
        if (length > std::numeric_limits<std::uint32_t>::max()) {
            return core::fail(core::ErrorCode::OutOfRange, "track " + std::to_string(t) + " is larger than 4 GiB");
        }
        for (int i = 0; i < 4; ++i) {
            out[lengthAt + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(length >> (24 - 8 * i));
        }
    }
    return out;
}

void appendDataEvent(StandardMidiFile& file, SmfTrack& track, std::int64_t tick, SmfEventKind kind, std::uint8_t status,
                     std::span<const std::uint8_t> data) {
    SmfEvent event;
    event.tick = tick;
    event.kind = kind;
    event.status = status;
    event.payloadOffset = static_cast<std::uint32_t>(file.bytes.size());
    event.payloadSize = static_cast<std::uint32_t>(data.size());
    file.bytes.insert(file.bytes.end(), data.begin(), data.end());
    track.events.push_back(event);
}

}  // namespace mos::formats
