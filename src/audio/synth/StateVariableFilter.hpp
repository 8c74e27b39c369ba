#pragma once

// A two-pole state-variable filter in the trapezoidal (zero-delay-feedback) form described by
// Zavalishin and Simper: low-, band- and high-pass at once, stable at any cutoff and cheap enough to
// retune every sample, which the synth's brightness sweeps do.

#include <algorithm>

namespace mos::audio::synth {

class StateVariableFilter {
public:
    struct Outputs {
        float low = 0.0F;
        float band = 0.0F;  // scaled to unity gain at the cutoff, whatever the resonance
        float high = 0.0F;
    };

    // The filter's coefficients for a cutoff and Q: `process` reads them, and the sampler's
    // two-frame form of the same filter is derived from them.
    struct Coefficients {
        float damping = 1.4142135F;  // 1 / Q
        float a1 = 0.0F;
        float a2 = 0.0F;
        float a3 = 0.0F;
    };

    // `cutoffPerSample` is the cutoff frequency over the sample rate, clamped to a range the
    // tangent approximation covers; `resonance` is the Q (0.707: no peak). Thread: audio. RT-safe: yes.
    static Coefficients design(float cutoffPerSample, float resonance) noexcept {
        const float g = tangent(kPi * std::clamp(cutoffPerSample, kLowestCutoff, kHighestCutoff));
        const float damping = 1.0F / resonance;
        const float a1 = 1.0F / (1.0F + g * (g + damping));
        const float a2 = g * a1;
        return {damping, a1, a2, g * a2};
    }

    // Thread: audio. RT-safe: yes.
    void tune(float cutoffPerSample, float resonance) noexcept {
        const Coefficients c = design(cutoffPerSample, resonance);
        damping_ = c.damping;
        a1_ = c.a1;
        a2_ = c.a2;
        a3_ = c.a3;
    }

    // Filters one sample. Thread: audio. RT-safe: yes.
    Outputs process(float input) noexcept {
        const float v3 = input - state2_;
        const float v1 = a1_ * state1_ + a2_ * v3;
        const float v2 = state2_ + a2_ * state1_ + a3_ * v3;
        state1_ = 2.0F * v1 - state1_;
        state2_ = 2.0F * v2 - state2_;
        return {v2, damping_ * v1, input - damping_ * v1 - v2};
    }

    // Forgets the signal so far. Thread: audio. RT-safe: yes.
    void reset() noexcept {
        state1_ = 0.0F;
        state2_ = 0.0F;
    }

private:
    static constexpr float kPi = 3.14159265F;
    static constexpr float kLowestCutoff = 1.0e-4F;  // 4.8 Hz at 48 kHz
    static constexpr float kHighestCutoff = 0.45F;

    // tan(x) by its [5/4] Padé approximant: within 0.01 % up to x = 0.45·π, far cheaper than std::tan.
    static float tangent(float x) noexcept {
        const float x2 = x * x;
        return x * (945.0F - x2 * (105.0F - x2)) / (945.0F - x2 * (420.0F - 15.0F * x2));
    }

    float damping_ = 1.4142135F;
    float a1_ = 0.0F;
    float a2_ = 0.0F;
    float a3_ = 0.0F;
    float state1_ = 0.0F;
    float state2_ = 0.0F;
};

}  // namespace mos::audio::synth
