#pragma once

// The sampler's reverb, fed by the channels' reverb sends (General MIDI CC 91): a stereo feedback
// delay network. Each side of the send is smeared by two all-passes into a dense burst, which feeds
// four of eight delay lines. Every line ends in a one-pole low-pass whose gain at DC and at Nyquist
// sets how fast lows and highs die away; an orthonormal 8×8 Hadamard matrix feeds every line's
// output back into all eight, so the echoes multiply without the network gaining or losing energy on
// its own. The lines are mutually prime in length, so their echoes never pile up on the same frame,
// and the two outputs tap the lines with orthogonal sign patterns, so left and right are
// decorrelated: the tail sounds wide even for a mono send.
//
// Every frame is computed from the one before whatever the block size, and values that fall below
// -240 dBFS inside the feedback loops are set to exactly zero, so a dying tail never lingers in slow
// subnormal numbers and ends, in finite time, in exact silence (idle()).

#include <array>
#include <cstddef>
#include <cstdint>

#include "audio/effects/FixedDelay.hpp"

namespace mos::audio::effects {

class Reverb {
public:
    struct Parameters {
        float decaySeconds = 2.0F;  // RT60 of low frequencies: 2 s, a General MIDI "hall"
        float damping = 0.5F;       // 0: highs ring as long as lows; 1: at Nyquist they die 10× sooner
        float wetLevel = 1.0F;      // linear gain of the output; 1 returns about the sends' loudness
    };

    // Sizes the delay lines for `sampleRate` (> 0) and silences them. The reverb keeps no scratch
    // buffers, so process() takes blocks of any length; `maxBlockFrames` is accepted so that every
    // real-time module is prepared alike. Thread: control. RT-safe: no (allocates).
    void prepare(float sampleRate, std::uint32_t maxBlockFrames);

    // Takes effect from the next frame processed; out-of-range values are clamped. Thread: audio
    // (between process() calls) or control before prepare(). RT-safe: yes (no allocation; calls pow).
    void setParameters(const Parameters& parameters) noexcept;

    // Thread: any. RT-safe: yes.
    const Parameters& parameters() const noexcept { return parameters_; }

    // Silences the tail at once. Thread: audio. RT-safe: yes.
    void reset() noexcept;

    // ADDS `frames` frames of reverb of the sends to `outLeft`/`outRight` (which may not alias the
    // sends). Before prepare() it adds nothing. Thread: audio. RT-safe: yes.
    void process(const float* sendLeft, const float* sendRight, float* outLeft, float* outRight,
                 std::uint32_t frames) noexcept;

    // True when the reverb holds no sound at all, so it adds exact silence until a send arrives; the
    // caller may then skip process() for silent sends (process() itself returns at once in that case).
    // Thread: audio. RT-safe: yes.
    bool idle() const noexcept { return quietFrames_ >= longestDelayFrames_; }

private:
    static constexpr std::size_t kLines = 8;
    static constexpr std::size_t kDiffusersPerSide = 2;

    // A delay line and the low-pass at its end, H(z) = feed / (1 - pole·z⁻¹).
    struct Line {
        FixedDelay delay;
        float feed = 0.0F;
        float pole = 0.0F;
        float state = 0.0F;
    };

    // The delays of a side's Schroeder all-passes.
    using DiffuserChain = std::array<FixedDelay, kDiffusersPerSide>;

    void updateLineFilters() noexcept;
    // Frames none of whose delays wraps: their rings are read and written as plain arrays.
    void processRun(const float* sendLeft, const float* sendRight, float* outLeft, float* outRight,
                    std::uint32_t frames) noexcept;

    Parameters parameters_;
    float sampleRate_ = 0.0F;
    std::array<Line, kLines> lines_;
    DiffuserChain leftDiffusers_;
    DiffuserChain rightDiffusers_;
    // Frames in a row in which nothing entered or circulated; once the longest delay has passed
    // like that, every delay holds only zeros.
    std::uint32_t quietFrames_ = 0;
    std::uint32_t longestDelayFrames_ = 0;
};

}  // namespace mos::audio::effects
