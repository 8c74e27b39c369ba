#pragma once

// White noise for the drums: Marsaglia's xorshift32 generator. Integer state makes a render
// bit-identical from run to run and machine to machine, which a library PRNG does not promise.

#include <cstdint>

namespace mos::audio::synth {

class NoiseSource {
public:
    // A zero seed would stay zero forever, so it is replaced by a fixed non-zero one.
    // Thread: any. RT-safe: yes.
    explicit constexpr NoiseSource(std::uint32_t seed = 1) noexcept : state_{seed == 0 ? kFallbackSeed : seed} {}

    // The next sample, uniform in [-1, 1). Thread: audio. RT-safe: yes.
    float next() noexcept {
        state_ ^= state_ << 13U;
        state_ ^= state_ >> 17U;
        state_ ^= state_ << 5U;
        return static_cast<float>(static_cast<std::int32_t>(state_)) * kScale;
    }

private:
    static constexpr std::uint32_t kFallbackSeed = 0x9E3779B9U;
    static constexpr float kScale = 1.0F / 2147483648.0F;  // 2^-31: int32 to [-1, 1)

    std::uint32_t state_;
};

}  // namespace mos::audio::synth
