#pragma once

// One sounding note of the fallback synth: a patch's pitched part (band-limited wavetable, optional
// detuned twin, pitch drop, low-pass with a velocity-dependent brightness sweep) and noise part
// (filtered white noise), each under its own envelope. Every piece of state advances once per
// sample, so how a render is split into blocks never changes what a voice plays.

#include <cstdint>

#include "audio/synth/Envelope.hpp"
#include "audio/synth/NoiseSource.hpp"
#include "audio/synth/Patches.hpp"
#include "audio/synth/StateVariableFilter.hpp"
#include "audio/synth/Wavetables.hpp"

namespace mos::audio::synth {

// Everything a voice needs to begin a note.
struct VoiceStart {
    const Patch* patch = nullptr;
    const Wavetables* tables = nullptr;
    float sampleRate = 48000.0F;
    std::uint8_t channel0to15 = 0;
    std::uint8_t key0to127 = 60;
    std::uint8_t velocity1to127 = 100;
    std::uint32_t noiseSeed = 1;
    std::uint64_t order = 0;  // increases with every note started, so the oldest note is known
};

class Voice {
public:
    // The shortest onset and ending any patch gets: shorter ones click.
    static constexpr float kMinAttackSeconds = 0.002F;
    static constexpr float kMinReleaseSeconds = 0.01F;

    // What keeps the note sounding: its key, the sustain pedal, or nothing (it is decaying or
    // releasing on its own).
    enum class Hold : std::uint8_t { Key, Pedal, None };

    // Begins `start`'s note from silence. Thread: audio. RT-safe: yes.
    void start(const VoiceStart& start) noexcept;

    // The key went up: the note releases, or stays held by the pedal, or (for a drum) rings on.
    // Thread: audio. RT-safe: yes.
    void keyUp(bool pedalDown) noexcept;
    // The pedal went up: a note it held releases. Thread: audio. RT-safe: yes.
    void pedalUp() noexcept;
    // Enters the release now, whatever held the note. Thread: audio. RT-safe: yes.
    void release() noexcept;
    // Fades to silence within `samples`. Thread: audio. RT-safe: yes.
    void fadeOut(std::uint32_t samples) noexcept;
    // Silent at once; only while nothing is being rendered. Thread: any. RT-safe: yes.
    void stop() noexcept;

    // ADDS `frames` samples of the note to `out`. Thread: audio. RT-safe: yes.
    void render(float* out, std::uint32_t frames) noexcept;

    // Thread: audio. RT-safe: yes.
    bool active() const noexcept { return !tone_.idle() || !noise_.idle(); }
    // Releasing or fading: the note is on its way out.
    bool ending() const noexcept { return (tone_.idle() || tone_.ending()) && (noise_.idle() || noise_.ending()); }
    // The envelope level times the note's gain: how much stealing this voice would be heard.
    float loudness() const noexcept;
    Hold hold() const noexcept { return hold_; }
    std::uint8_t channel() const noexcept { return channel_; }
    std::uint8_t key() const noexcept { return key_; }
    std::uint64_t order() const noexcept { return order_; }
    std::uint8_t chokeGroup() const noexcept { return patch_ == nullptr ? 0 : patch_->chokeGroup; }

private:
    void startTone(const VoiceStart& start, float pitchHz, float velocity01) noexcept;
    void startNoise(const VoiceStart& start, float velocity01) noexcept;
    void renderTone(float* out, std::uint32_t frames) noexcept;
    void renderNoise(float* out, std::uint32_t frames) noexcept;
    void setIncrements() noexcept;
    void tuneToneFilter() noexcept;

    const Patch* patch_ = nullptr;
    std::uint8_t channel_ = 0;
    std::uint8_t key_ = 0;
    Hold hold_ = Hold::None;
    std::uint64_t order_ = 0;
    float gain_ = 0.0F;
    float sampleRate_ = 48000.0F;

    // Pitched part. Phases are 32-bit fixed point (2^32 per cycle), exact and wrapping for free.
    Envelope tone_;
    const float* table_ = nullptr;
    std::uint32_t phase_ = 0;
    std::uint32_t increment_ = 0;
    std::uint32_t twinPhase_ = 0;
    std::uint32_t twinIncrement_ = 0;
    bool hasTwin_ = false;        // a second oscillator, twinRatio_ sharp
    float baseIncrement_ = 0.0F;  // the increment at the note's own pitch
    float twinRatio_ = 1.0F;
    float pitchExcess_ = 0.0F;  // how far above its own pitch the note still is, as a ratio minus 1
    float pitchDecay_ = 0.0F;
    float baseCutoffHz_ = 0.0F;
    float sweepHz_ = 0.0F;  // the onset's extra brightness, fading
    float sweepDecay_ = 0.0F;
    float resonance_ = 0.707F;
    StateVariableFilter toneFilter_;

    // Noise part.
    Envelope noise_;
    NoiseSource noiseSource_;
    StateVariableFilter noiseFilter_;
    float noiseLevel_ = 0.0F;
    float lowWeight_ = 0.0F;  // which of the filter's outputs is heard
    float bandWeight_ = 0.0F;
    float highWeight_ = 0.0F;
};

}  // namespace mos::audio::synth
