#pragma once

// When a Standard MIDI File's notes start and stop, in seconds, through its own tempo map: what any
// player of the file must reproduce, so renders can be checked note by note against the file.
//
//   const MidiNoteTimes times = midiNoteTimes(*readStandardMidiFile("piece.mid"));
//   times.onSeconds      // every note-on (velocity > 0), sorted
//   times.lastOffSeconds // the last note-off (or note-on of velocity 0)

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <vector>

#include "mos/formats/StandardMidiFile.hpp"

namespace mos::test {

struct MidiNoteTimes {
    std::vector<double> onSeconds;
    double lastOffSeconds = 0.0;
};

// Ticks per quarter note only (no SMPTE division), as `mos convert` writes.
inline MidiNoteTimes midiNoteTimes(const formats::StandardMidiFile& file) {
    // Tempo changes of every track: in a format 1 file they usually sit in the first.
    std::map<std::int64_t, std::uint32_t> microsPerQuarter{{0, 500'000}};
    for (const auto& track : file.tracks) {
        for (const auto& event : track.events) {
            if (const auto tempo = formats::smfTempo(file, event)) microsPerQuarter[event.tick] = *tempo;
        }
    }
    const double ticksPerQuarter = file.division.ticksPerQuarter;
    const auto seconds = [&](std::int64_t tick) {
        double total = 0.0;
        for (auto it = microsPerQuarter.begin(); it != microsPerQuarter.end() && it->first < tick; ++it) {
            const auto next = std::next(it);
            const std::int64_t end = next == microsPerQuarter.end() ? tick : std::min(tick, next->first);
            total += static_cast<double>(end - it->first) / ticksPerQuarter * it->second / 1e6;
        }
        return total;
    };

    MidiNoteTimes times;
    for (const auto& track : file.tracks) {
        for (const auto& event : track.events) {
            if (event.kind != formats::SmfEventKind::Channel) continue;
            const bool on = event.command() == 0x90 && event.data2 > 0;
            const bool off = event.command() == 0x80 || (event.command() == 0x90 && event.data2 == 0);
            if (on) times.onSeconds.push_back(seconds(event.tick));
            if (off) times.lastOffSeconds = std::max(times.lastOffSeconds, seconds(event.tick));
        }
    }
    std::sort(times.onSeconds.begin(), times.onSeconds.end());
    return times;
}

}  // namespace mos::test
