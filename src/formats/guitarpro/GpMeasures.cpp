// The bars: for every measure header, every track's bar in track order. A GP3/GP4 bar is one voice
// (a beat count and the beats); a GP5 bar is a padding byte and two voices.

#include "formats/guitarpro/GpEventBuilder.hpp"

namespace mos::formats::gp {
namespace {

constexpr std::size_t kMinBeatBytes = 3;  // flags, duration, string flags

}  // namespace

void readMeasures(Import& import) {
    ByteReader& in = import.in;
    const auto& measures = import.score.timeline.measures;
    const bool gp5 = import.version.major >= 5;
    const std::size_t voices = gp5 ? 2 : 1;
    // Every bar of every track takes at least its beat counts (and GP5's padding byte).
    const std::size_t minBarBytes = gp5 ? 9 : 4;
    const std::size_t bars = measures.size() * import.tracks.size();
    if (bars > 0 && in.remaining() / bars < minBarBytes) {
        in.failAt(in.position(), std::to_string(measures.size()) + " measures of " +
                                     std::to_string(import.tracks.size()) + " tracks cannot fit in the " +
                                     std::to_string(in.remaining()) + " bytes left");
        return;
    }

    std::vector<EventBuilder> builders;
    builders.reserve(import.tracks.size());
    for (std::size_t t = 0; t < import.tracks.size(); ++t) builders.emplace_back(import, t);
    BeatData beat;
    for (std::uint32_t m = 0; m < measures.size() && in.ok(); ++m) {
        in.setMeasure(measures[m].number);
        for (std::size_t t = 0; t < import.tracks.size() && in.ok(); ++t) {
            if (gp5) in.skip(1);
            const std::size_t strings = import.tracks[t].tuning.size();
            for (std::size_t v = 0; v < voices && in.ok(); ++v) {
                const auto voice = static_cast<std::uint8_t>(v + 1);
                const std::size_t count = in.count(kMinBeatBytes, "number of beats");
                core::Rational offset{};
                for (std::size_t b = 0; b < count && in.ok(); ++b) {
                    readBeat(import, strings, beat);
                    if (!in.ok()) break;
                    builders[t].addBeat(beat, m, offset, voice);
                    offset += beat.duration;
                }
                builders[t].endVoice(voice);
            }
        }
    }
    in.setMeasure({});
    if (!in.ok()) return;
    for (EventBuilder& builder : builders) builder.finish();
}

}  // namespace mos::formats::gp
