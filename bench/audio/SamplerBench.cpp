// The sampler's cost on the audio thread at 48 kHz with 256 voices sounding (Apollo's real-time
// goal: under 50 % of one core): each voice a looped, filtered, vibrato-modulated sample read with
// cubic or sinc interpolation at a pitch of its own, reverb and chorus sends on. Reports the
// share of one core and the slowest block, at 64, 256 and 1024 frames.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numbers>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/audio/Sampler.hpp"

namespace {

using mos::audio::InstrumentBank;
using mos::audio::InstrumentEvent;
using mos::audio::Sampler;

constexpr std::uint32_t kRate = 48000;

// One preset of 128 regions, one a key, each a one-second looped tone rich in harmonics.
std::shared_ptr<const InstrumentBank> toneBank() {
    mos::audio::Sample sample;
    sample.sampleRate = 44100;
    for (std::uint32_t i = 0; i < 44100; ++i) {
        const double phase = 2.0 * std::numbers::pi * 441.0 * i / 44100.0;
        sample.data.push_back(static_cast<float>(0.5 * std::sin(phase) + 0.25 * std::sin(3 * phase)));
    }
    sample.finish();
    auto shared = std::make_shared<const mos::audio::Sample>(std::move(sample));
    auto bank = std::make_shared<InstrumentBank>();
    mos::audio::Preset preset{.name = "tone"};
    for (int key = 0; key < 128; ++key) {
        mos::audio::SamplerRegion region;
        region.loKey = region.hiKey = static_cast<std::uint8_t>(key);
        region.sample = shared;
        region.end = shared->frames;
        region.loopMode = mos::audio::LoopMode::LoopContinuous;
        region.loopStart = 100;
        region.loopEnd = 44100 - 100;
        region.rootKey = 69;
        region.filter = mos::audio::FilterType::LowPass2Pole;
        region.filterCutoffCents = 9000;
        region.vibratoLfo = {.delay = 0.0F, .frequencyHz = 5.0F, .toPitchCents = 10.0F};
        region.reverbSend = 0.2F;
        region.chorusSend = 0.1F;
        preset.regions.push_back(region);
    }
    bank->presets.push_back(std::move(preset));
    return bank;
}

void BM_Sampler256Voices(benchmark::State& state) {
    const auto block = static_cast<std::uint32_t>(state.range(0));
    const auto quality = static_cast<mos::audio::Interpolation>(state.range(1));
    Sampler sampler;
    sampler.prepare(mos::core::SampleRate{kRate}, block);
    sampler.setBank(toneBank());
    sampler.setInterpolation(quality);
    std::vector<InstrumentEvent> notes;
    for (std::uint32_t i = 0; i < Sampler::kMaxVoices; ++i) {
        notes.push_back(InstrumentEvent::noteOn(0, static_cast<std::uint8_t>(i % 16),
                                                static_cast<std::uint8_t>(20 + i / 16 * 5 + i % 5), 100));
    }
    std::vector<float> left(block);
    std::vector<float> right(block);
    sampler.render(notes, left.data(), right.data(), block);
    if (sampler.activeVoices() != Sampler::kMaxVoices) state.SkipWithError("not every voice sounds");
    double slowest = 0.0;
    for (auto _ : state) {
        const auto began = std::chrono::steady_clock::now();
        sampler.render({}, left.data(), right.data(), block);
        slowest = std::max(slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
        benchmark::DoNotOptimize(left.data());
    }
    const double blockSeconds = static_cast<double>(block) / kRate;
    state.counters["core_share"] = benchmark::Counter(static_cast<double>(state.iterations()) * blockSeconds,
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["slowest_block_over_budget"] = slowest / blockSeconds;
}
BENCHMARK(BM_Sampler256Voices)
    ->ArgsProduct({{64, 256, 1024}, {0, 1}})
    ->ArgNames({"frames", "sinc"})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
