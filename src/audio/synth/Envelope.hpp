#pragma once

// An amplitude envelope advanced one sample at a time: a linear attack to full level, an exponential
// fall to the sustain level, an exponential release, and a linear fade for notes that must go
// quickly (a stolen voice, All Sound Off). The exponential segments aim kOvershoot past their goal
// and stop on reaching it, so every segment ends in finite time on an exact value: no endless tail
// of ever smaller, eventually denormal, numbers.

#include <cstdint>

namespace mos::audio::synth {

class Envelope {
public:
    enum class Stage : std::uint8_t { Idle, Attack, Decay, Sustain, Release, Fade };

    // Segment lengths in samples. The decay runs from full level to sustainLevel; the release time
    // is that of a fall from full level (a quieter note ends sooner).
    struct Shape {
        float attackSamples = 1.0F;
        float decaySamples = 1.0F;
        float sustainLevel = 0.0F;  // 0 ends the note after its decay, as a piano string does
        float releaseSamples = 1.0F;
    };

    // How far past its goal an exponential segment aims: -60 dB of full level.
    static constexpr float kOvershoot = 1.0e-3F;

    // Starts the attack from silence. Thread: audio. RT-safe: yes (no allocation; calls exp/log).
    void start(const Shape& shape) noexcept;

    // Enters the release from wherever the envelope is. Thread: audio. RT-safe: yes.
    void release() noexcept;

    // Falls linearly to silence within `samples` (at least 1); an earlier, faster fade is kept.
    // Thread: audio. RT-safe: yes.
    void fade(std::uint32_t samples) noexcept;

    // Back to silence at once (only when nothing sounds, e.g. in prepare()). Thread: any. RT-safe: yes.
    void stop() noexcept {
        stage_ = Stage::Idle;
        level_ = 0.0F;
    }

    // The level of the next sample. Thread: audio. RT-safe: yes.
    float next() noexcept {
        switch (stage_) {
            case Stage::Attack:
                level_ += attackStep_;
                if (level_ >= 1.0F) {
                    level_ = 1.0F;
                    stage_ = Stage::Decay;
                }
                break;
            case Stage::Decay:
                level_ = decayGoal_ + (level_ - decayGoal_) * decayCoefficient_;
                if (level_ <= sustainLevel_) {
                    level_ = sustainLevel_;
                    stage_ = sustainLevel_ > 0.0F ? Stage::Sustain : Stage::Idle;
                }
                break;
            case Stage::Release:
                level_ = -kOvershoot + (level_ + kOvershoot) * releaseCoefficient_;
                if (level_ <= 0.0F) stop();
                break;
            case Stage::Fade:
                level_ -= fadeStep_;
                if (level_ <= 0.0F) stop();
                break;
            case Stage::Sustain:
            case Stage::Idle:
                break;
        }
        return level_;
    }

    // Thread: audio. RT-safe: yes.
    float level() const noexcept { return level_; }
    Stage stage() const noexcept { return stage_; }
    bool idle() const noexcept { return stage_ == Stage::Idle; }
    bool ending() const noexcept { return stage_ == Stage::Release || stage_ == Stage::Fade; }

private:
    float level_ = 0.0F;
    Stage stage_ = Stage::Idle;
    float attackStep_ = 1.0F;
    float decayGoal_ = 0.0F;
    float decayCoefficient_ = 0.0F;
    float sustainLevel_ = 0.0F;
    float releaseCoefficient_ = 0.0F;
    float fadeStep_ = 1.0F;
};

}  // namespace mos::audio::synth
