#pragma once

// The sampler's chorus, fed by the channels' chorus sends (General MIDI CC 93): each side of the
// send is read back through three taps whose delays (7–12 ms) sweep slowly up and down, so each tap
// is a copy of the sound slightly detuned by turns, as an ensemble of players is. One sine LFO drives
// all six taps at phases 60° apart — the left side's taps at 0°, 120° and 240°, the right side's in
// between — so the copies never move together and a mono send comes back wide. Taps read between
// samples by cubic (Catmull-Rom) interpolation, which keeps the highs that linear interpolation dulls
// as the delay moves. Nothing feeds back, so the output falls to exact silence a tap's longest delay
// after the send stops.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mos::audio::effects {

class Chorus {
public:
    // The defaults are General MIDI 2's default chorus type, "Chorus 3": rate 3 (× 0.122 Hz) and
    // depth 19 (a (19 + 1) / 3.2 ms sweep).
    struct Parameters {
        float rateHz = 0.37F;           // LFO frequency, clamped to [0, 10]
        float depthSeconds = 0.00625F;  // peak-to-peak sweep of each tap's delay, clamped to [0, 12 ms]
        float wetLevel = 1.0F;          // linear gain of the output; 1 keeps the sends' loudness
    };

    // Sizes the delay lines for `sampleRate` (> 0) and silences them. The chorus keeps no scratch
    // buffers, so process() takes blocks of any length; `maxBlockFrames` is accepted so that every
    // real-time module is prepared alike. Thread: control. RT-safe: no (allocates).
    void prepare(float sampleRate, std::uint32_t maxBlockFrames);

    // Takes effect from the next frame processed; out-of-range values are clamped. Thread: audio
    // (between process() calls) or control before prepare(). RT-safe: yes.
    void setParameters(const Parameters& parameters) noexcept;

    // Thread: any. RT-safe: yes.
    const Parameters& parameters() const noexcept { return parameters_; }

    // Silences the delay lines and restarts the LFO. Thread: audio. RT-safe: yes.
    void reset() noexcept;

    // ADDS `frames` frames of chorus of the sends to `outLeft`/`outRight` (which may not alias the
    // sends). Before prepare() it adds nothing. Thread: audio. RT-safe: yes.
    void process(const float* sendLeft, const float* sendRight, float* outLeft, float* outRight,
                 std::uint32_t frames) noexcept;

private:
    static constexpr std::size_t kTapsPerSide = 3;

    void updateModulation() noexcept;
    // The sound of `ring` `delayFrames` (≥ 1) before its newest frame.
    float readBack(const std::vector<float>& ring, float delayFrames) const noexcept;

    Parameters parameters_;
    float sampleRate_ = 0.0F;
    std::vector<float> leftRing_;
    std::vector<float> rightRing_;
    std::size_t ringMask_ = 0;     // ring sizes are a power of two
    std::size_t newestFrame_ = 0;  // where the last frame was written
    std::array<float, kTapsPerSide> centreFrames_{};
    float halfSweepFrames_ = 0.0F;
    // The LFO's phase in 2⁻³² turns: wraps by itself, and advances identically whatever the blocks.
    std::uint32_t lfoPhase_ = 0;
    std::uint32_t lfoStep_ = 0;
};

}  // namespace mos::audio::effects
