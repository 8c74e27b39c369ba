#pragma once

// A delay by a whole number of frames, set in prepare(): the reverb's delay lines and all-passes and
// the limiter's look-ahead. The ring holds exactly the frames in flight, so the frame leaving is read
// from the very slot the arriving one is then written to: one index, no masking, no second pointer.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mos::audio::effects {

class FixedDelay {
public:
    // Sizes the ring for a delay of `frames` (at least 1) and fills it with silence.
    // Thread: control. RT-safe: no (allocates).
    void prepare(std::uint32_t frames) {
        ring_.assign(std::max<std::size_t>(frames, 1), 0.0F);
        position_ = 0;
    }

    // The sample that entered `length()` frames ago: the one enter() overwrites next.
    // Thread: audio. RT-safe: yes.
    float leaving() const noexcept { return ring_[position_]; }

    // Stores the newest sample in place of the one leaving. Thread: audio. RT-safe: yes.
    void enter(float sample) noexcept {
        ring_[position_] = sample;
        if (++position_ == ring_.size()) position_ = 0;
    }

    // The ring from the leaving sample up to where it wraps: for k < framesBeforeWrap(), head()[k]
    // is what leaves k frames from now, and where what enters then goes; advance(k) moves past
    // them. Loops over many frames run faster on it than on leaving() and enter().
    // Thread: audio. RT-safe: yes.
    float* head() noexcept { return ring_.data() + position_; }
    std::uint32_t framesBeforeWrap() const noexcept { return static_cast<std::uint32_t>(ring_.size() - position_); }
    void advance(std::uint32_t frames) noexcept {
        position_ += frames;
        if (position_ >= ring_.size()) position_ -= ring_.size();
    }

    // enter() returning what left. Thread: audio. RT-safe: yes.
    float shift(float sample) noexcept {
        const float leavingSample = leaving();
        enter(sample);
        return leavingSample;
    }

    // Back to silence. Thread: audio. RT-safe: yes.
    void reset() noexcept {
        std::fill(ring_.begin(), ring_.end(), 0.0F);
        position_ = 0;
    }

    // The delay in frames; 0 before prepare(). Thread: any. RT-safe: yes.
    std::uint32_t length() const noexcept { return static_cast<std::uint32_t>(ring_.size()); }

private:
    std::vector<float> ring_;
    std::size_t position_ = 0;
};

}  // namespace mos::audio::effects
