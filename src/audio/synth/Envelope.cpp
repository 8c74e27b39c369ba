#include "audio/synth/Envelope.hpp"

#include <algorithm>
#include <cmath>

namespace mos::audio::synth {

namespace {

// The per-sample factor of an exponential approach to a goal kOvershoot beyond a point `span` away,
// chosen so that the point itself is reached after `samples` samples.
float approachCoefficient(float samples, float span) {
    const float overshoot = Envelope::kOvershoot;
    return std::exp(std::log(overshoot / (span + overshoot)) / std::max(samples, 1.0F));
}

}  // namespace

void Envelope::start(const Shape& shape) noexcept {
    sustainLevel_ = std::clamp(shape.sustainLevel, 0.0F, 1.0F);
    attackStep_ = 1.0F / std::max(shape.attackSamples, 1.0F);
    decayGoal_ = sustainLevel_ - kOvershoot;
    decayCoefficient_ = approachCoefficient(shape.decaySamples, 1.0F - sustainLevel_);
    releaseCoefficient_ = approachCoefficient(shape.releaseSamples, 1.0F);
    level_ = 0.0F;
    stage_ = Stage::Attack;
}

void Envelope::release() noexcept {
    if (stage_ == Stage::Idle || stage_ == Stage::Fade) return;
    stage_ = level_ > 0.0F ? Stage::Release : Stage::Idle;
}

void Envelope::fade(std::uint32_t samples) noexcept {
    if (stage_ == Stage::Idle) return;
    if (level_ <= 0.0F) {
        stop();
        return;
    }
    const float step = level_ / static_cast<float>(std::max(samples, 1U));
    if (stage_ == Stage::Fade && fadeStep_ >= step) return;
    fadeStep_ = step;
    stage_ = Stage::Fade;
}

}  // namespace mos::audio::synth
