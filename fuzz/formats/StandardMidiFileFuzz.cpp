// readStandardMidiFile on arbitrary bytes: never crashes or hangs, every event it returns lies inside
// the file with its payload in bounds and ticks in order, and whatever it reads writes back to a file
// that reads as the same events.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "mos/formats/StandardMidiFile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto midi = mos::formats::readStandardMidiFile(std::vector<std::uint8_t>(data, data + size), "fuzz.mid");
    if (!midi) return 0;
    for (const auto& track : midi->tracks) {
        std::int64_t lastTick = 0;
        for (const auto& event : track.events) {
            if (event.tick < lastTick || event.byteOffset >= size) std::abort();
            if (std::size_t{event.payloadOffset} + event.payloadSize > size) std::abort();
            lastTick = event.tick;
            static_cast<void>(mos::formats::smfTempo(*midi, event));
            static_cast<void>(mos::formats::smfTimeSignature(*midi, event));
            static_cast<void>(mos::formats::smfKeySignature(*midi, event));
        }
    }

    const auto written = mos::formats::writeStandardMidiFile(*midi);
    if (!written) std::abort();
    const auto again = mos::formats::readStandardMidiFile(*written, "fuzz-written.mid");
    if (!again || again->tracks.size() != midi->tracks.size()) std::abort();
    for (std::size_t t = 0; t < midi->tracks.size(); ++t) {
        const auto& before = midi->tracks[t].events;
        const auto& after = again->tracks[t].events;
        // The writer ends every track with exactly one End of Track, so compare the rest.
        const auto isEnd = [](const auto& e) { return e.isMeta(mos::formats::smf_meta::kEndOfTrack); };
        std::size_t j = 0;
        for (const auto& e : before) {
            if (isEnd(e)) continue;
            while (j < after.size() && isEnd(after[j])) ++j;
            if (j == after.size()) std::abort();
            const auto& f = after[j++];
            const auto p = midi->payload(e);
            const auto q = again->payload(f);
            if (e.tick != f.tick || e.kind != f.kind || e.status != f.status || e.data1 != f.data1 ||
                e.data2 != f.data2 || !std::equal(p.begin(), p.end(), q.begin(), q.end())) {
                std::abort();
            }
        }
    }
    return 0;
}
