#pragma once

// A delay-attack-hold-decay-sustain-release envelope for sampler voices, advanced a run of frames at
// a time (voices update their controls every few dozen frames, as SoundFont players do). Its value
// runs 0…1 in straight segments. As a volume envelope that value is read the SoundFont way: the
// attack rises linearly in amplitude, and the decay and release fall linearly in decibels over a
// 96 dB range, so a long release sounds even to the ear and reaches silence in its stated time.

#include <cstdint>

#include "mos/audio/SamplerRegion.hpp"

namespace mos::audio::sampler {

class SamplerEnvelope {
public:
    enum class Stage : std::uint8_t { Delay, Attack, Hold, Decay, Sustain, Release, Done };
    enum class Kind : std::uint8_t { Volume, Modulation };

    // The range a volume envelope's decay and release fall through.
    static constexpr float kVolumeRangeDb = 96.0F;

    // Begins the delay (or the first stage with any length) for a note of `key`, whose hold and
    // decay the shape's per-key scaling stretches. Thread: audio. RT-safe: yes (calls exp2/log10).
    void start(const EnvelopeShape& shape, Kind kind, std::uint8_t key, float sampleRate) noexcept;

    // Note-off: the release begins from the current level. Thread: audio. RT-safe: yes.
    void release() noexcept;

    // Moves on by `frames` frames. Thread: audio. RT-safe: yes.
    void advance(float frames) noexcept;

    // The envelope's value 0…1, and as a volume envelope the amplitude it stands for.
    // Thread: audio. RT-safe: yes.
    float value() const noexcept { return value_; }
    float amplitude() const noexcept;

    Stage stage() const noexcept { return stage_; }
    bool done() const noexcept { return stage_ == Stage::Done; }
    bool released() const noexcept { return stage_ == Stage::Release || stage_ == Stage::Done; }

private:
    void enter(Stage stage) noexcept;

    Kind kind_ = Kind::Volume;
    Stage stage_ = Stage::Done;
    float value_ = 0;
    float framesLeft_ = 0;  // in the delay and hold
    float delayFrames_ = 0;
    float attackFrames_ = 0;
    float holdFrames_ = 0;
    float decayFrames_ = 0;
    float releaseFrames_ = 0;
    float sustain_ = 1;  // as a value 0…1
};

}  // namespace mos::audio::sampler
