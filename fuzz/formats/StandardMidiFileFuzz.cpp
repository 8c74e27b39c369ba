// readStandardMidiFile on arbitrary bytes: never crashes or hangs, and every event it returns lies
// inside the file with its payload in bounds and ticks in order.

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
    return 0;
}
