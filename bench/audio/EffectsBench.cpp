// The sampler's effects' cost on the audio thread at 48 kHz: the time each takes for one 256-frame
// block of busy input (noise on both sends; for the limiter, noise loud enough to be limited all the
// time), and how many times faster than real time that is.

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "audio/effects/Chorus.hpp"
#include "audio/effects/Limiter.hpp"
#include "audio/effects/Reverb.hpp"

namespace {

using mos::audio::effects::Chorus;
using mos::audio::effects::Limiter;
using mos::audio::effects::Reverb;

constexpr float kRate = 48000.0F;
constexpr std::uint32_t kBlock = 256;

std::vector<float> noise(std::uint32_t seed, float amplitude) {
    std::mt19937 random{seed};
    std::uniform_real_distribution<float> sample{-amplitude, amplitude};
    std::vector<float> samples(kBlock);
    for (float& value : samples) value = sample(random);
    return samples;
}

// Seconds of sound per CPU second of processing.
void countRealtime(benchmark::State& state) {
    state.counters["x_realtime"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * kBlock / kRate, benchmark::Counter::kIsRate);
}

// Reverb and chorus share process()'s shape: sends in, wet signal added to the output.
template <typename SendEffect>
void processSends(benchmark::State& state) {
    SendEffect effect;
    effect.prepare(kRate, kBlock);
    const std::vector<float> sendLeft = noise(1, 0.5F);
    const std::vector<float> sendRight = noise(2, 0.5F);
    std::vector<float> outLeft(kBlock);
    std::vector<float> outRight(kBlock);
    for (auto _ : state) {
        effect.process(sendLeft.data(), sendRight.data(), outLeft.data(), outRight.data(), kBlock);
        benchmark::DoNotOptimize(outLeft.data());
        benchmark::DoNotOptimize(outRight.data());
        benchmark::ClobberMemory();
    }
    countRealtime(state);
}

void BM_Reverb(benchmark::State& state) { processSends<Reverb>(state); }
BENCHMARK(BM_Reverb)->Unit(benchmark::kMicrosecond);

void BM_Chorus(benchmark::State& state) { processSends<Chorus>(state); }
BENCHMARK(BM_Chorus)->Unit(benchmark::kMicrosecond);

void BM_Limiter(benchmark::State& state) {
    Limiter limiter;
    limiter.prepare(kRate, kBlock);
    const std::vector<float> loudLeft = noise(3, 4.0F);
    const std::vector<float> loudRight = noise(4, 4.0F);
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    for (auto _ : state) {
        // The limiter works in place, so each block starts from a fresh copy of the loud input: two
        // 1 KB copies, timed too (pausing the timer would cost far more than they do).
        std::copy(loudLeft.begin(), loudLeft.end(), left.begin());
        std::copy(loudRight.begin(), loudRight.end(), right.begin());
        limiter.process(left.data(), right.data(), kBlock);
        benchmark::DoNotOptimize(left.data());
        benchmark::DoNotOptimize(right.data());
        benchmark::ClobberMemory();
    }
    countRealtime(state);
}
BENCHMARK(BM_Limiter)->Unit(benchmark::kMicrosecond);

}  // namespace
