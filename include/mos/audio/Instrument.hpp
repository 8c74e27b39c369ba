#pragma once

// What makes sound from channel messages: the built-in fallback synth now, the SoundFont/SFZ sampler
// (Apollo) later. The engine hands an instrument each block's messages, sorted by frame offset, and
// the instrument starts each one on exactly that frame of the block (sfizz's noteOn(delay, …)).
//
//   synth.prepare(core::SampleRate{48000}, 512);                      // control side: allocates
//   const InstrumentEvent events[] = {InstrumentEvent::noteOn(100, 0, 60, 90)};
//   synth.render(events, left, right, 256);                           // audio side: adds sound

#include <cstdint>
#include <span>

#include "mos/core/SampleTime.hpp"

namespace mos::audio {

// One General MIDI channel message, due at a frame of the block being rendered.
struct InstrumentEvent {
    enum class Kind : std::uint8_t {
        NoteOn,           // data1 key 0…127, data2 velocity 1…127
        NoteOff,          // data1 key
        ProgramChange,    // data1 GM program 0…127
        ControlChange,    // data1 controller, data2 value
        PitchBend,        // data1 the low 7 bits, data2 the high 7 bits: 8192 is the centre
        ChannelPressure,  // data1 pressure 0…127
        AllNotesOff,      // every sounding note of the channel enters its release
        AllSoundOff,      // every voice of the channel fades out within a few milliseconds
    };

    std::uint32_t frameOffset = 0;  // 0 <= frameOffset < frames of the render() call
    Kind kind = Kind::NoteOn;
    std::uint8_t channel0to15 = 0;  // channel 9 is General MIDI's drum channel
    std::uint8_t data1 = 0;
    std::uint8_t data2 = 0;

    static constexpr InstrumentEvent noteOn(std::uint32_t frameOffset, std::uint8_t channel0to15,
                                            std::uint8_t key0to127, std::uint8_t velocity1to127) noexcept {
        return {frameOffset, Kind::NoteOn, channel0to15, key0to127, velocity1to127};
    }
    static constexpr InstrumentEvent noteOff(std::uint32_t frameOffset, std::uint8_t channel0to15,
                                             std::uint8_t key0to127) noexcept {
        return {frameOffset, Kind::NoteOff, channel0to15, key0to127, 0};
    }

    friend constexpr bool operator==(const InstrumentEvent&, const InstrumentEvent&) = default;
};

class Instrument {
public:
    virtual ~Instrument() = default;

    // Allocates everything render() will need for this rate and block size; sounding notes stop.
    // Thread: control (never while render() runs). RT-safe: no.
    virtual void prepare(core::SampleRate rate, std::uint32_t maxBlockFrames) = 0;

    // Applies `events` (sorted by frameOffset, each < frames) at their frames and ADDS `frames` frames
    // of stereo sound to left and right (frames <= maxBlockFrames of prepare()). Thread: audio.
    // RT-safe: yes.
    virtual void render(std::span<const InstrumentEvent> events, float* left, float* right,
                        std::uint32_t frames) noexcept = 0;

    // Frames by which the sound comes out later than the events that make it (a look-ahead
    // limiter's delay); an offline render drops that many frames from the start so that every note
    // lands on its exact frame in the file. Thread: any. RT-safe: yes.
    virtual std::uint32_t latencyFrames() const noexcept { return 0; }

    // Voices sounding now (including releasing ones). Thread: audio, or control while no render()
    // runs. RT-safe: yes.
    virtual std::uint32_t activeVoices() const noexcept = 0;
};

}  // namespace mos::audio
