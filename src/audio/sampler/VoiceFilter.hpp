#pragma once

// A voice's two-pole filter: the synth's trapezoidal state-variable filter (low-, high-, band-pass
// and notch), rewritten as the recurrence  s' = A·s + B·x,  y = C·s + D·x  and run two frames per
// step:  s'' = A²·s + AB·x₀ + B·x₁.  It is the same filter to rounding, but a pair of frames waits on
// three arithmetic operations instead of ten, and that chain is what bounds a filter's speed.
//
// Frames pair up from the last tune(), not from the block: a run that ends inside a pair keeps its
// last input and the next run finishes the pair, so the output never depends on how the blocks
// around a voice split its frames.

#include <cstdint>

#include "audio/synth/StateVariableFilter.hpp"
#include "mos/audio/SamplerRegion.hpp"

namespace mos::audio::sampler {

class VoiceFilter {
public:
    // `type` is one of the two-pole types. Thread: audio. RT-safe: yes.
    void tune(FilterType type, float cutoffPerSample, float resonance) noexcept;
    // Filters `frames` samples in place. Thread: audio. RT-safe: yes.
    void process(float* samples, std::uint32_t frames) noexcept;
    // Forgets the signal so far. Thread: audio. RT-safe: yes.
    void reset() noexcept { *this = VoiceFilter{}; }

private:
    // Ends a half-finished pair with the coefficients it began under, before they change.
    void settle() noexcept;

    // The one-frame recurrence, and the output taken from it.
    float a11_ = 1.0F, a12_ = 0.0F, a21_ = 0.0F, a22_ = 1.0F;
    float b1_ = 0.0F, b2_ = 0.0F;
    float c1_ = 0.0F, c2_ = 0.0F, d_ = 1.0F;
    // The two-frame recurrence: A², A·B, C·A and C·B.
    float aa11_ = 1.0F, aa12_ = 0.0F, aa21_ = 0.0F, aa22_ = 1.0F;
    float ab1_ = 0.0F, ab2_ = 0.0F;
    float ca1_ = 0.0F, ca2_ = 0.0F, cb_ = 0.0F;

    float state1_ = 0.0F;
    float state2_ = 0.0F;
    float pendingInput_ = 0.0F;  // the first frame of an unfinished pair
    bool pending_ = false;
};

}  // namespace mos::audio::sampler
