// Tracks: one part each. A track names its MIDI port and channel (1-based) in the song's channel
// table, which gives the GM program; channel 10 or the drum flag makes it a percussion part. The
// tuning lists up to seven open strings, string 1 (the highest) first.

#include "formats/guitarpro/GpImport.hpp"

namespace mos::formats::gp {
namespace {

constexpr std::uint8_t kDrumTrack = 0x01;
constexpr std::size_t kTrackNameField = 40;
constexpr std::size_t kTuningSlots = 7;
constexpr int kDrumChannel = 10;
constexpr int kChannelsPerPort = 16;
constexpr int kMaxCapo = 36;
// What GP5 stores after the colour: display flags, MIDI bank, RSE instrument and humanizing; 5.10
// adds an equalizer and two effect names after these.
constexpr std::size_t kGp500TrackSettings = 45;
constexpr std::size_t kGp510TrackSettings = 49;

std::string trackLabel(std::size_t index) { return "track " + std::to_string(index + 1); }

void readTrack(Import& import, std::size_t index) {
    ByteReader& in = import.in;
    const std::uint8_t flags = in.u8();
    score::Part part;
    part.id = 'P' + std::to_string(index + 1);
    part.name = in.byteSizeString(kTrackNameField);

    const std::size_t stringsAt = in.position();
    const std::int32_t strings = in.i32();
    if (in.ok() && (strings < 1 || static_cast<std::size_t>(strings) > kTuningSlots)) {
        in.failAt(stringsAt, trackLabel(index) + " has " + std::to_string(strings) + " strings, not 1…7");
        return;
    }
    TrackInfo track;
    for (std::size_t s = 0; s < kTuningSlots; ++s) {
        const std::size_t at = in.position();
        const std::int32_t tuning = in.i32();
        if (s >= static_cast<std::size_t>(strings) || !in.ok()) continue;
        if (tuning < 0 || tuning > 127) {
            in.failAt(at, trackLabel(index) + " tunes string " + std::to_string(s + 1) + " to " +
                              std::to_string(tuning) + ", which is no MIDI note");
            return;
        }
        track.tuning.push_back(tuning);
    }

    const std::size_t channelAt = in.position();
    const std::int32_t port = in.i32();
    const std::int32_t channel = in.i32();
    in.skip(4);  // the channel for effects
    in.skip(4);  // number of frets
    const std::size_t capoAt = in.position();
    const std::int32_t capo = in.i32();
    in.skip(4);  // colour
    if (import.version.major >= 5) {
        if (import.version.atLeast(5, 10)) {
            in.skip(kGp510TrackSettings);
            static_cast<void>(in.intByteSizeString());  // RSE effect
            static_cast<void>(in.intByteSizeString());  // and its category
        } else {
            in.skip(kGp500TrackSettings);
        }
    }
    if (!in.ok()) return;

    constexpr int kPorts = static_cast<int>(kMidiChannels) / kChannelsPerPort;
    if (port >= 1 && port <= kPorts && channel >= 1 && channel <= kChannelsPerPort) {
        part.instrument.gmProgram =
            import.programs[static_cast<std::size_t>((port - 1) * kChannelsPerPort + channel - 1)];
        part.instrument.midiChannel = static_cast<std::uint8_t>(channel);
    } else {
        import.warn(channelAt, trackLabel(index) + " plays on port " + std::to_string(port) + " channel " +
                                   std::to_string(channel) + ", which does not exist; program 0 is used");
    }
    track.percussion = (flags & kDrumTrack) != 0 || channel == kDrumChannel;
    part.instrument.percussion = track.percussion;
    if (track.percussion) part.instrument.gmProgram = 0;

    if (capo < 0 || capo > kMaxCapo) {
        import.warn(capoAt, trackLabel(index) + " has a capo at fret " + std::to_string(capo) + "; it is ignored");
    } else if (!track.percussion) {
        track.capo = capo;
        part.capo = static_cast<std::uint8_t>(capo);
    }
    if (!track.percussion) {
        for (const int open : track.tuning) part.tuning.push_back(score::Pitch::fromMidi(open));
    }
    import.score.parts.push_back(std::move(part));
    import.tracks.push_back(std::move(track));
}

}  // namespace

void readTracks(Import& import, std::size_t count) {
    import.score.parts.reserve(count);
    import.tracks.reserve(count);
    for (std::size_t i = 0; i < count && import.in.ok(); ++i) readTrack(import, i);
}

}  // namespace mos::formats::gp
