#include "audio/effects/Chorus.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace mos::audio::effects {

namespace {

// Centre delays of the three taps of a side: unlike, so their comb-filter notches fall apart, and
// above half the widest sweep, so no tap's delay ever drops below a millisecond.
constexpr std::array<float, 3> kCentreSeconds = {0.0071F, 0.0097F, 0.0123F};
constexpr float kMaxRateHz = 10.0F;
constexpr float kMaxDepthSeconds = 0.012F;

// Three taps of uncorrelated sound add up in power: 1/√3 keeps the output as loud as the send.
constexpr float kTapGain = 0.57735027F;

constexpr float kTwoPi = 6.2831853F;
constexpr float kTurnsPerPhaseUnit = 0x1p-32F;  // the LFO phase counts 2⁻³² turns

// Where each tap sits in the LFO cycle, as the cosine and sine of its phase offset, so that
// sin(θ + offset) = sin θ·cos offset + cos θ·sin offset costs no trigonometry per tap.
struct PhaseOffset {
    float cosine;
    float sine;
};
constexpr float kHalfRootThree = 0.86602540F;
constexpr std::array<PhaseOffset, 3> kLeftOffsets = {{{1.0F, 0.0F}, {-0.5F, kHalfRootThree}, {-0.5F, -kHalfRootThree}}};
constexpr std::array<PhaseOffset, 3> kRightOffsets = {{{0.5F, kHalfRootThree}, {-1.0F, 0.0F}, {0.5F, -kHalfRootThree}}};

}  // namespace

void Chorus::prepare(float sampleRate, std::uint32_t /*maxBlockFrames*/) {
    sampleRate_ = std::max(sampleRate, 1.0F);
    const float longestDelaySeconds = kCentreSeconds.back() + 0.5F * kMaxDepthSeconds;
    // Cubic interpolation reads two frames beyond the delay on the far side.
    const auto longestFrames = static_cast<std::size_t>(std::ceil(longestDelaySeconds * sampleRate_)) + 3;
    const std::size_t size = std::bit_ceil(longestFrames);
    leftRing_.assign(size, 0.0F);
    rightRing_.assign(size, 0.0F);
    ringMask_ = size - 1;
    for (std::size_t tap = 0; tap < kTapsPerSide; ++tap) centreFrames_[tap] = kCentreSeconds[tap] * sampleRate_;
    updateModulation();
    reset();
}

void Chorus::setParameters(const Parameters& parameters) noexcept {
    parameters_.rateHz = std::clamp(parameters.rateHz, 0.0F, kMaxRateHz);
    parameters_.depthSeconds = std::clamp(parameters.depthSeconds, 0.0F, kMaxDepthSeconds);
    parameters_.wetLevel = std::max(parameters.wetLevel, 0.0F);
    updateModulation();
}

void Chorus::reset() noexcept {
    std::fill(leftRing_.begin(), leftRing_.end(), 0.0F);
    std::fill(rightRing_.begin(), rightRing_.end(), 0.0F);
    newestFrame_ = 0;
    lfoPhase_ = 0;
}

void Chorus::updateModulation() noexcept {
    if (sampleRate_ <= 0.0F) return;
    halfSweepFrames_ = 0.5F * parameters_.depthSeconds * sampleRate_;
    lfoStep_ = static_cast<std::uint32_t>(std::lround(parameters_.rateHz / sampleRate_ / kTurnsPerPhaseUnit));
}

// Catmull-Rom interpolation between the two frames around the point sought, using one more frame on
// each side: exact at whole frames, continuous in slope between them.
float Chorus::readBack(const std::vector<float>& ring, float delayFrames) const noexcept {
    const auto wholeFrames = static_cast<std::size_t>(delayFrames);
    const float t = 1.0F - (delayFrames - static_cast<float>(wholeFrames));  // from `older` towards `newer`
    const std::size_t newer = newestFrame_ - wholeFrames;
    const float beforeOlder = ring[(newer - 2) & ringMask_];
    const float older = ring[(newer - 1) & ringMask_];
    const float newerSample = ring[newer & ringMask_];
    const float afterNewer = ring[(newer + 1) & ringMask_];  // not in the future: wholeFrames ≥ 1
    const float slope = 0.5F * (newerSample - beforeOlder);
    const float curve = beforeOlder - 2.5F * older + 2.0F * newerSample - 0.5F * afterNewer;
    const float bend = 0.5F * (afterNewer - beforeOlder) + 1.5F * (older - newerSample);
    return older + t * (slope + t * (curve + t * bend));
}

void Chorus::process(const float* sendLeft, const float* sendRight, float* outLeft, float* outRight,
                     std::uint32_t frames) noexcept {
    if (leftRing_.empty()) return;
    const float outputGain = parameters_.wetLevel * kTapGain;
    for (std::uint32_t frame = 0; frame < frames; ++frame) {
        newestFrame_ = (newestFrame_ + 1) & ringMask_;
        leftRing_[newestFrame_] = sendLeft[frame];
        rightRing_[newestFrame_] = sendRight[frame];

        const float angle = kTwoPi * kTurnsPerPhaseUnit * static_cast<float>(lfoPhase_);
        const float sine = std::sin(angle);
        const float cosine = std::cos(angle);
        lfoPhase_ += lfoStep_;

        float wetLeft = 0.0F;
        float wetRight = 0.0F;
        for (std::size_t tap = 0; tap < kTapsPerSide; ++tap) {
            const PhaseOffset left = kLeftOffsets[tap];
            const PhaseOffset right = kRightOffsets[tap];
            const float leftLfo = sine * left.cosine + cosine * left.sine;
            const float rightLfo = sine * right.cosine + cosine * right.sine;
            wetLeft += readBack(leftRing_, centreFrames_[tap] + halfSweepFrames_ * leftLfo);
            wetRight += readBack(rightRing_, centreFrames_[tap] + halfSweepFrames_ * rightLfo);
        }
        outLeft[frame] += outputGain * wetLeft;
        outRight[frame] += outputGain * wetRight;
    }
}

}  // namespace mos::audio::effects
