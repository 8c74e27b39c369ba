#include "audio/sampler/VoiceFilter.hpp"

namespace mos::audio::sampler {

// From the filter's equations  v1 = a1·s1 + a2·(x − s2),  v2 = s2 + a2·s1 + a3·(x − s2),
// s1' = 2·v1 − s1,  s2' = 2·v2 − s2,  and its outputs  low = v2,  band = k·v1,  high = x − k·v1 − v2,
// notch = low + high,  with k the damping.
void VoiceFilter::tune(FilterType type, float cutoffPerSample, float resonance) noexcept {
    settle();
    const auto [k, a1, a2, a3] = synth::StateVariableFilter::design(cutoffPerSample, resonance);
    a11_ = 2.0F * a1 - 1.0F;
    a12_ = -2.0F * a2;
    a21_ = 2.0F * a2;
    a22_ = 1.0F - 2.0F * a3;
    b1_ = 2.0F * a2;
    b2_ = 2.0F * a3;
    switch (type) {
        case FilterType::HighPass2Pole:
            c1_ = -k * a1 - a2;
            c2_ = k * a2 - (1.0F - a3);
            d_ = 1.0F - k * a2 - a3;
            break;
        case FilterType::BandPass2Pole:
            c1_ = k * a1;
            c2_ = -k * a2;
            d_ = k * a2;
            break;
        case FilterType::BandReject2Pole:
            c1_ = -k * a1;
            c2_ = k * a2;
            d_ = 1.0F - k * a2;
            break;
        default:  // low-pass
            c1_ = a2;
            c2_ = 1.0F - a3;
            d_ = a3;
            break;
    }
    aa11_ = a11_ * a11_ + a12_ * a21_;
    aa12_ = a11_ * a12_ + a12_ * a22_;
    aa21_ = a21_ * a11_ + a22_ * a21_;
    aa22_ = a21_ * a12_ + a22_ * a22_;
    ab1_ = a11_ * b1_ + a12_ * b2_;
    ab2_ = a21_ * b1_ + a22_ * b2_;
    ca1_ = c1_ * a11_ + c2_ * a21_;
    ca2_ = c1_ * a12_ + c2_ * a22_;
    cb_ = c1_ * b1_ + c2_ * b2_;
}

void VoiceFilter::settle() noexcept {
    if (!pending_) return;
    const float x = pendingInput_;
    const float s1 = state1_;
    const float s2 = state2_;
    state1_ = a11_ * s1 + a12_ * s2 + b1_ * x;
    state2_ = a21_ * s1 + a22_ * s2 + b2_ * x;
    pending_ = false;
}

void VoiceFilter::process(float* samples, std::uint32_t frames) noexcept {
    // Locals: stored through `samples`, members would be reloaded from memory at every frame.
    float s1 = state1_;
    float s2 = state2_;
    std::uint32_t i = 0;
    const auto pair = [&](float x0, float x1) {
        // The inputs' terms first, off the chain that carries the state from pair to pair.
        const float input1 = ab1_ * x0 + b1_ * x1;
        const float input2 = ab2_ * x0 + b2_ * x1;
        const float next1 = (aa11_ * s1 + aa12_ * s2) + input1;
        const float next2 = (aa21_ * s1 + aa22_ * s2) + input2;
        const float out1 = (ca1_ * s1 + ca2_ * s2) + (cb_ * x0 + d_ * x1);
        s1 = next1;
        s2 = next2;
        return out1;
    };
    if (pending_ && frames > 0) {
        samples[0] = pair(pendingInput_, samples[0]);
        pending_ = false;
        i = 1;
    }
    for (; i + 1 < frames; i += 2) {
        const float x0 = samples[i];
        const float x1 = samples[i + 1];
        samples[i] = (c1_ * s1 + c2_ * s2) + d_ * x0;
        samples[i + 1] = pair(x0, x1);
    }
    if (i < frames) {
        // The first frame of a pair: its output needs only the state; the state waits for the next.
        pendingInput_ = samples[i];
        samples[i] = (c1_ * s1 + c2_ * s2) + d_ * pendingInput_;
        pending_ = true;
    }
    state1_ = s1;
    state2_ = s2;
}

}  // namespace mos::audio::sampler
