#pragma once

// The built-in General MIDI synthesizer, so MOS always sounds, even with no instrument files. Each
// program family has its own timbre (decaying pianos and plucks, sustained organs, swelling strings
// and pads, brass, reeds, pipes), and channel 9 plays a drum kit of the GM percussion map. Notes are
// velocity-sensitive in loudness and brightness, and never click: every onset, ending and stolen
// voice is shaped by a short envelope.
//
// The output depends only on the events and their frames: the same events give bit-identical
// sound however the frames are split into render() calls, since all state advances per sample and
// noise comes from a seeded integer generator.
//
//   FallbackSynth synth;
//   synth.prepare(core::SampleRate{48000}, 256);
//   const InstrumentEvent events[] = {InstrumentEvent::noteOn(0, 0, 60, 90)};
//   synth.render(events, left, right, 256);   // adds a piano's middle C, starting at frame 0
//
// Channel messages understood: note on/off, program change, All Notes Off, All Sound Off, and the
// controllers 7 volume, 10 pan, 11 expression, 64 sustain pedal, 120 all sound off, 121 reset
// controllers, 123 all notes off.

#include <cstdint>
#include <memory>
#include <span>

#include "mos/audio/Instrument.hpp"
#include "mos/core/SampleTime.hpp"

namespace mos::audio {

class FallbackSynth final : public Instrument {
public:
    // Notes that can sound at once. A note beyond them takes the voice of the note heard least
    // (after its channel's volume and pan), preferring released ones; the old note fades out within
    // kStealFadeSeconds underneath the new one.
    static constexpr std::uint32_t kMaxVoices = 64;
    static constexpr float kStealFadeSeconds = 0.005F;
    // How quickly All Sound Off (the event or CC 120) silences a channel.
    static constexpr float kAllSoundOffSeconds = 0.005F;

    // Builds the waveform tables; prepare() must follow before render() makes sound.
    // Thread: control. RT-safe: no.
    FallbackSynth();
    ~FallbackSynth() override;
    FallbackSynth(const FallbackSynth&) = delete;
    FallbackSynth& operator=(const FallbackSynth&) = delete;

    // Allocates the mixing buffers for this rate and block size and silences every voice; each
    // channel keeps its program and controllers. Thread: control (never while render() runs).
    // RT-safe: no.
    void prepare(core::SampleRate rate, std::uint32_t maxBlockFrames) override;

    // Applies each event at its frame and ADDS `frames` frames of stereo sound to left and right.
    // Events must be sorted by frameOffset; one at or past `frames` takes effect after the last
    // frame. Before prepare() it adds nothing. Thread: audio. RT-safe: yes.
    void render(std::span<const InstrumentEvent> events, float* left, float* right,
                std::uint32_t frames) noexcept override;

    // Voices sounding now, releasing ones included (at most kMaxVoices). Thread: audio, or control
    // while no render() runs. RT-safe: yes.
    std::uint32_t activeVoices() const noexcept override;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace mos::audio
