#include "audio/synth/ChannelControls.hpp"

#include <algorithm>
#include <cmath>

namespace mos::audio::synth {

namespace {

constexpr float kGlideSeconds = 0.005F;  // time constant of a gain change
constexpr float kHalfPi = 1.57079633F;

// Volume and expression are heard as the square of their value: 40·log10(value/127) dB, as GM asks.
float squaredFraction(std::uint8_t value0to127) {
    const float fraction = static_cast<float>(value0to127) / 127.0F;
    return fraction * fraction;
}

}  // namespace

void ChannelControls::reset() noexcept {
    program_ = 0;
    volume_ = 100;
    expression_ = 127;
    pan_ = 64;
    pedalDown_ = false;
    retarget();
    left_ = leftTarget_;
    right_ = rightTarget_;
}

void ChannelControls::prepare(float sampleRate) noexcept {
    glideFactor_ = 1.0F - std::exp(-1.0F / (kGlideSeconds * sampleRate));
    left_ = leftTarget_;
    right_ = rightTarget_;
}

void ChannelControls::setVolume(std::uint8_t value0to127) noexcept {
    volume_ = value0to127 & 0x7FU;
    retarget();
}

void ChannelControls::setExpression(std::uint8_t value0to127) noexcept {
    expression_ = value0to127 & 0x7FU;
    retarget();
}

void ChannelControls::setPan(std::uint8_t value0to127) noexcept {
    pan_ = value0to127 & 0x7FU;
    retarget();
}

void ChannelControls::resetControllers() noexcept {
    pedalDown_ = false;
    setExpression(127);
}

void ChannelControls::retarget() noexcept {
    // Equal-power pan; 0 and 1 are both hard left and 64 is the exact centre, as in GM.
    const float position = static_cast<float>(std::max(pan_, std::uint8_t{1}) - 1) / 126.0F;
    const float gain = squaredFraction(volume_) * squaredFraction(expression_);
    // Both sides by sine, so hard left and hard right give an exact 0 to the other side.
    leftTarget_ = gain * std::sin(kHalfPi * (1.0F - position));
    rightTarget_ = gain * std::sin(kHalfPi * position);
}

}  // namespace mos::audio::synth
