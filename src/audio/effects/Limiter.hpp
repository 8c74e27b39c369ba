#pragma once

// The master limiter, last in the sampler's chain: it keeps the stereo mix at or below a ceiling
// without clicks. The signal is delayed by a short look-ahead (1.5 ms) while a gain is worked out
// for it in four steps, each frame:
//   1. the gain that frame needs (ceiling / peak of both channels, so the stereo image never moves);
//   2. the smallest needed gain of the look-ahead window, held while the loud frame travels through
//      the delay;
//   3. a release that follows any fall of that at once but rises back towards it exponentially;
//   4. a moving average over the window, so the gain ramps down linearly over the look-ahead and
//      reaches the needed value exactly as the loud frame comes out.
// Every value averaged in step 4 is at most the gain of the frame leaving the delay, so the output
// stays under the ceiling; a final clamp absorbs the last rounding error and inputs beyond any sane
// level (more than 120 dB over the ceiling), which makes that guarantee hold for every finite input.
// While no frame in the window exceeds the ceiling, the gain is exactly 1 and the signal comes out
// bit for bit, only latencyFrames() late.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "audio/effects/FixedDelay.hpp"

namespace mos::audio::effects {

class Limiter {
public:
    struct Parameters {
        // -1 dBFS: this limiter sees sample peaks, and the waveform a converter rebuilds between the
        // samples (or a lossy encoder of a rendered file) can overshoot them; 1 dB of room is what EBU
        // R128 and AES streaming practice leave for that, and the loss of level is not heard.
        float ceilingDb = -1.0F;       // clamped to [-60, 0]
        float releaseSeconds = 0.08F;  // time constant of the gain's return towards 1, ≥ 1 ms
    };

    static constexpr float kLookAheadSeconds = 0.0015F;

    // Sizes the look-ahead for `sampleRate` (> 0) and clears it. The limiter keeps no scratch
    // buffers, so process() takes blocks of any length; `maxBlockFrames` is accepted so that every
    // real-time module is prepared alike. Thread: control. RT-safe: no (allocates).
    void prepare(float sampleRate, std::uint32_t maxBlockFrames);

    // Takes effect from the next frame processed; out-of-range values are clamped. Thread: audio
    // (between process() calls) or control before prepare(). RT-safe: yes (no allocation; calls exp).
    void setParameters(const Parameters& parameters) noexcept;

    // Thread: any. RT-safe: yes.
    const Parameters& parameters() const noexcept { return parameters_; }

    // How many frames late the signal comes out (the look-ahead): the sampler reports it as its
    // output latency. 0 before prepare(). Thread: any. RT-safe: yes.
    std::uint32_t latencyFrames() const noexcept { return leftDelay_.length(); }

    // Clears the look-ahead (silence) and returns the gain to 1. Thread: audio. RT-safe: yes.
    void reset() noexcept;

    // Limits `frames` frames in place. Before prepare() it leaves them untouched. Thread: audio.
    // RT-safe: yes.
    void process(float* left, float* right, std::uint32_t frames) noexcept;

private:
    // The smallest of the last `window` values pushed, in amortised O(1): a queue of candidates
    // increasing from front to back, each dropped once a smaller value arrives after it or it leaves
    // the window.
    class WindowMinimum {
    public:
        void prepare(std::size_t window);
        void reset() noexcept;
        float push(float value) noexcept;
        // True when every value in the window is 1 (no reduction needed anywhere in it).
        bool allUnity() const noexcept { return count_ == 1 && ring_[front_].value == 1.0F; }
        // push(1) `frames` times, when allUnity(): the newest 1 is then the window's only candidate.
        void pushUnity(std::uint32_t frames) noexcept;

    private:
        struct Candidate {
            float value;
            std::uint64_t frame;
        };
        std::vector<Candidate> ring_;  // the queue, as a ring with one slot per frame of the window
        std::size_t front_ = 0;
        std::size_t count_ = 0;
        std::uint64_t frame_ = 0;
    };

    void applyParameters() noexcept;
    // Whether the gain is 1 now and stays 1 through these frames: nothing in the window or in
    // them needs reducing. They then only pass through the look-ahead delay.
    bool passesThrough(const float* left, const float* right, std::uint32_t frames) const noexcept;

    Parameters parameters_;
    float sampleRate_ = 0.0F;
    float ceiling_ = 0.0F;  // linear; set with the release coefficient by applyParameters()
    double releaseCoefficient_ = 0.0;
    FixedDelay leftDelay_;
    FixedDelay rightDelay_;
    WindowMinimum neededGain_;
    // In double: a float's steps near 1 (6e-8) are coarser than one frame's rise of a slow release
    // when little reduction is left, so a float would stop rising short of 1.
    double releasedGain_ = 1.0;
    // Step 4's moving average, kept as gain reductions (1 - gain) so that silence in the ring means
    // no reduction: the window's reductions, their sum (in double, so rounding does not pile up over
    // hours of limiting) and how many are not zero (none: the gain is exactly 1).
    FixedDelay reductions_;
    double reductionSum_ = 0.0;
    std::uint32_t reducingFrames_ = 0;
};

}  // namespace mos::audio::effects
