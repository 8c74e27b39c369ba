#include "audio/effects/Limiter.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mos::audio::effects {

namespace {

constexpr float kLowestCeilingDb = -60.0F;
constexpr float kShortestReleaseSeconds = 0.001F;
// The deepest reduction the gain follows (-120 dB). Deeper would cost the moving average its
// precision; the final clamp holds the few inputs louder than that to the ceiling instead.
constexpr float kSmallestGain = 1e-6F;
// An exponential approach never arrives: it would crawl through ever tinier differences and stall
// one rounding step short of 1, so the signal would never again pass bit for bit. Closer than this,
// the released gain takes its target's value.
constexpr double kSnapDistance = 1e-7;

// Step 1: the gain that brings a frame whose louder channel peaks at `peak` down to `ceiling`.
// A NaN peak asks for no reduction rather than poisoning the gain for good.
float neededGain(float peak, float ceiling) noexcept {
    return peak > ceiling ? std::max(ceiling / peak, kSmallestGain) : 1.0F;
}

}  // namespace

void Limiter::prepare(float sampleRate, std::uint32_t /*maxBlockFrames*/) {
    sampleRate_ = std::max(sampleRate, 1.0F);
    const auto lookAhead = std::max(static_cast<std::uint32_t>(std::lround(kLookAheadSeconds * sampleRate_)), 1U);
    leftDelay_.prepare(lookAhead);
    rightDelay_.prepare(lookAhead);
    // The window spans the frame leaving the delay and all those behind it: look-ahead + 1 frames.
    neededGain_.prepare(lookAhead + 1);
    reductions_.prepare(lookAhead + 1);
    applyParameters();
    reset();
}

void Limiter::setParameters(const Parameters& parameters) noexcept {
    parameters_.ceilingDb = std::clamp(parameters.ceilingDb, kLowestCeilingDb, 0.0F);
    parameters_.releaseSeconds = std::max(parameters.releaseSeconds, kShortestReleaseSeconds);
    applyParameters();
}

void Limiter::applyParameters() noexcept {
    ceiling_ = std::pow(10.0F, parameters_.ceilingDb / 20.0F);
    if (sampleRate_ <= 0.0F) return;
    releaseCoefficient_ = std::exp(-1.0 / (double{parameters_.releaseSeconds} * sampleRate_));
}

void Limiter::reset() noexcept {
    leftDelay_.reset();
    rightDelay_.reset();
    neededGain_.reset();
    reductions_.reset();
    releasedGain_ = 1.0;
    reductionSum_ = 0.0;
    reducingFrames_ = 0;
}

bool Limiter::passesThrough(const float* left, const float* right, std::uint32_t frames) const noexcept {
    if (releasedGain_ != 1.0 || reducingFrames_ != 0 || !neededGain_.allUnity()) return false;
    float peak = 0.0F;
    for (std::uint32_t frame = 0; frame < frames; ++frame) {
        peak = std::max(peak, std::max(std::abs(left[frame]), std::abs(right[frame])));
    }
    return peak <= ceiling_;  // false for a NaN, which the frame-by-frame path handles
}

void Limiter::process(float* left, float* right, std::uint32_t frames) noexcept {
    if (sampleRate_ <= 0.0F) return;
    if (passesThrough(left, right, frames)) {
        // What the loop below would do with a gain of 1 throughout: the reductions' ring holds
        // only zeros, which turning it does not change, and the clamp changes no frame.
        for (const auto& [channel, delay] : {std::pair{left, &leftDelay_}, std::pair{right, &rightDelay_}}) {
            std::uint32_t done = 0;
            while (done < frames) {
                const std::uint32_t run = std::min(frames - done, delay->framesBeforeWrap());
                std::swap_ranges(channel + done, channel + done + run, delay->head());
                delay->advance(run);
                done += run;
            }
        }
        neededGain_.pushUnity(frames);
        return;
    }
    const double window = reductions_.length();
    for (std::uint32_t frame = 0; frame < frames; ++frame) {
        const float peak = std::max(std::abs(left[frame]), std::abs(right[frame]));
        // Step 2.
        const double held = neededGain_.push(neededGain(peak, ceiling_));
        // Step 3.
        releasedGain_ = held <= releasedGain_ ? held : held - (held - releasedGain_) * releaseCoefficient_;
        if (held - releasedGain_ < kSnapDistance) releasedGain_ = held;
        // Step 4.
        const auto reduction = static_cast<float>(1.0 - releasedGain_);
        const float leavingReduction = reductions_.shift(reduction);
        reductionSum_ += double{reduction} - double{leavingReduction};
        reducingFrames_ += static_cast<std::uint32_t>(reduction > 0.0F);
        reducingFrames_ -= static_cast<std::uint32_t>(leavingReduction > 0.0F);
        if (reducingFrames_ == 0) reductionSum_ = 0.0;  // drop what rounding left behind
        const float gain = reducingFrames_ == 0 ? 1.0F : static_cast<float>(1.0 - reductionSum_ / window);

        left[frame] = std::clamp(leftDelay_.shift(left[frame]) * gain, -ceiling_, ceiling_);
        right[frame] = std::clamp(rightDelay_.shift(right[frame]) * gain, -ceiling_, ceiling_);
    }
}

void Limiter::WindowMinimum::prepare(std::size_t window) {
    ring_.assign(std::max<std::size_t>(window, 1), Candidate{1.0F, 0});
    reset();
}

void Limiter::WindowMinimum::reset() noexcept {
    front_ = 0;
    count_ = 0;
    frame_ = 0;
}

void Limiter::WindowMinimum::pushUnity(std::uint32_t frames) noexcept {
    if (frames == 0) return;
    frame_ += frames;
    ring_[front_] = Candidate{1.0F, frame_ - 1};
}

float Limiter::WindowMinimum::push(float value) noexcept {
    const std::size_t window = ring_.size();
    // At most one candidate, the oldest, leaves the window per frame; dropping it first leaves room.
    if (count_ > 0 && frame_ - ring_[front_].frame >= window) {
        front_ = (front_ + 1) % window;
        --count_;
    }
    // A candidate no smaller than the newcomer can never be the minimum again.
    while (count_ > 0 && ring_[(front_ + count_ - 1) % window].value >= value) --count_;
    ring_[(front_ + count_) % window] = Candidate{value, frame_};
    ++count_;
    ++frame_;
    return ring_[front_].value;
}

}  // namespace mos::audio::effects
