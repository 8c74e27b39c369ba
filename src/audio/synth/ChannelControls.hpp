#pragma once

// One MIDI channel's controllers as the synth hears them: program, volume (CC 7), expression
// (CC 11), pan (CC 10) and the sustain pedal (CC 64). Volume, expression and pan reach the sound
// through left and right gains that glide to each new value over a few milliseconds, so a moving
// fader never clicks.

#include <cstdint>

namespace mos::audio::synth {

class ChannelControls {
public:
    // Starts in the power-on state of reset(). Thread: any. RT-safe: yes.
    ChannelControls() noexcept { reset(); }

    // General MIDI's power-on state: program 0, volume 100, expression 127, pan centre, pedal up;
    // the gains jump to it. Thread: any. RT-safe: yes.
    void reset() noexcept;
    // Sets the glide speed for this rate; the gains jump to their targets. Thread: any. RT-safe: yes.
    void prepare(float sampleRate) noexcept;

    // Thread: audio. RT-safe: yes (volume, expression and pan call sin).
    void setProgram(std::uint8_t program0to127) noexcept { program_ = program0to127 & 0x7FU; }
    void setVolume(std::uint8_t value0to127) noexcept;
    void setExpression(std::uint8_t value0to127) noexcept;
    void setPan(std::uint8_t value0to127) noexcept;
    void setPedalDown(bool down) noexcept { pedalDown_ = down; }
    // Reset All Controllers (CC 121), as GM's RP-015 defines it: expression to 127 and pedal up;
    // volume, pan and program stay. Thread: audio. RT-safe: yes.
    void resetControllers() noexcept;

    std::uint8_t program() const noexcept { return program_; }
    bool pedalDown() const noexcept { return pedalDown_; }

    // The gains move only in glide(): they are constant while this is false. Thread: audio. RT-safe: yes.
    bool gliding() const noexcept { return left_ != leftTarget_ || right_ != rightTarget_; }
    // Advances the gains by one sample. Thread: audio. RT-safe: yes.
    void glide() noexcept {
        left_ = approach(left_, leftTarget_);
        right_ = approach(right_, rightTarget_);
    }
    float left() const noexcept { return left_; }
    float right() const noexcept { return right_; }

private:
    // Close enough to snap: the last step is inaudible, and the glide ends instead of creeping
    // towards its target through denormal distances.
    static constexpr float kSnap = 1.0e-6F;

    float approach(float gain, float target) const noexcept {
        const float distance = target - gain;
        return distance > -kSnap && distance < kSnap ? target : gain + distance * glideFactor_;
    }
    void retarget() noexcept;

    std::uint8_t program_ = 0;
    std::uint8_t volume_ = 100;
    std::uint8_t expression_ = 127;
    std::uint8_t pan_ = 64;
    bool pedalDown_ = false;
    float glideFactor_ = 1.0F;
    float left_ = 0.0F;
    float right_ = 0.0F;
    float leftTarget_ = 0.0F;
    float rightTarget_ = 0.0F;
};

}  // namespace mos::audio::synth
