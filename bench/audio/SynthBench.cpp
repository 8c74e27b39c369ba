// The fallback synth's cost on the audio thread at 48 kHz: how many times faster than real time it
// renders 16 and 64 held notes in 256-frame blocks, and the worst time one block takes at 64, 256
// and 1024 frames with every voice busy and notes starting, stopping and being stolen in every
// block (the number a device's deadline has to beat, STYLE.md).

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <numeric>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/audio/FallbackSynth.hpp"

namespace {

using mos::audio::FallbackSynth;
using mos::audio::InstrumentEvent;

constexpr std::uint32_t kRate = 48000;

// Sustaining families, so the voices keep sounding for the whole benchmark: organ, strings with a
// detuned twin, brass, reed, a resonant lead with a twin, pad.
constexpr std::uint8_t kSustainedPrograms[] = {16, 40, 56, 64, 80, 88};
constexpr std::size_t kPrograms = std::size(kSustainedPrograms);

double threadCpuSeconds() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

InstrumentEvent programChange(std::uint8_t channel, std::uint8_t program) {
    return {0, InstrumentEvent::Kind::ProgramChange, channel, program, 0};
}

// A prepared synth holding `voices` notes (each key once) spread over the sustaining families.
void holdNotes(FallbackSynth& synth, std::uint32_t voices, std::uint32_t blockFrames) {
    synth.prepare(mos::core::SampleRate{kRate}, blockFrames);
    std::vector<InstrumentEvent> events;
    for (std::uint8_t channel = 0; channel < kPrograms; ++channel) {
        events.push_back(programChange(channel, kSustainedPrograms[channel]));
    }
    for (std::uint32_t i = 0; i < voices; ++i) {
        const auto channel = static_cast<std::uint8_t>(i % kPrograms);
        events.push_back(InstrumentEvent::noteOn(0, channel, static_cast<std::uint8_t>(30 + i), 100));
    }
    std::vector<float> left(blockFrames);
    std::vector<float> right(blockFrames);
    synth.render(events, left.data(), right.data(), blockFrames);
}

void BM_FallbackSynthHeldNotes(benchmark::State& state) {
    constexpr std::uint32_t kBlock = 256;
    const auto voices = static_cast<std::uint32_t>(state.range(0));
    FallbackSynth synth;
    holdNotes(synth, voices, kBlock);
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    for (auto _ : state) {
        synth.render({}, left.data(), right.data(), kBlock);
        benchmark::DoNotOptimize(left.data());
        benchmark::ClobberMemory();
    }
    if (synth.activeVoices() != voices) state.SkipWithError("the held notes stopped sounding");
    // Seconds of sound per CPU second of rendering: times faster than real time.
    state.counters["x_realtime"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * kBlock / kRate, benchmark::Counter::kIsRate);
    state.counters["voices"] = voices;
}
BENCHMARK(BM_FallbackSynthHeldNotes)->Arg(16)->Arg(64)->Unit(benchmark::kMicrosecond);

void BM_FallbackSynthWorstBlock(benchmark::State& state) {
    const auto blockFrames = static_cast<std::uint32_t>(state.range(0));
    FallbackSynth synth;
    holdNotes(synth, FallbackSynth::kMaxVoices, blockFrames);
    std::vector<float> left(blockFrames);
    std::vector<float> right(blockFrames);
    // Each block releases four notes and starts eight (the voices are full, so some are stolen),
    // spread over the block so it is rendered in many sub-blocks; drums on every other block.
    std::vector<InstrumentEvent> events;
    // Wall time is what a device's deadline sees, including the moments this machine gives the CPU
    // to other work; the thread's CPU time is the synth's own cost. Room for more blocks than a run
    // times, so recording never reallocates.
    std::vector<double> wallSeconds;
    std::vector<double> cpuSeconds;
    wallSeconds.reserve(1U << 22U);
    cpuSeconds.reserve(1U << 22U);
    std::uint32_t block = 0;
    for (auto _ : state) {
        events.clear();
        for (std::uint32_t i = 0; i < 8; ++i) {
            const auto at = i * blockFrames / 8;
            const auto channel = static_cast<std::uint8_t>((block + i) % kPrograms);
            const auto key = static_cast<std::uint8_t>(36 + (block * 13 + i * 7) % 60);
            if (i % 2 == 0)
                events.push_back(InstrumentEvent::noteOff(at, channel, static_cast<std::uint8_t>(key ^ 1U)));
            events.push_back(InstrumentEvent::noteOn(at, channel, key, static_cast<std::uint8_t>(40 + i * 10)));
        }
        if (block % 2 == 0)
            events.push_back(InstrumentEvent::noteOn(blockFrames / 2, 9, block % 4 == 0 ? 36 : 42, 100));
        std::sort(events.begin(), events.end(),
                  [](const auto& a, const auto& b) { return a.frameOffset < b.frameOffset; });

        const double cpuStart = threadCpuSeconds();
        const auto wallStart = std::chrono::steady_clock::now();
        synth.render(events, left.data(), right.data(), blockFrames);
        const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wallStart;
        const double cpu = threadCpuSeconds() - cpuStart;
        benchmark::DoNotOptimize(left.data());
        benchmark::ClobberMemory();
        state.SetIterationTime(wall.count());
        if (wallSeconds.size() < wallSeconds.capacity()) {
            wallSeconds.push_back(wall.count());
            cpuSeconds.push_back(cpu);
        }
        ++block;
    }
    if (wallSeconds.empty()) return;
    const double budgetSeconds = static_cast<double>(blockFrames) / kRate;
    const double totalSeconds = std::accumulate(wallSeconds.begin(), wallSeconds.end(), 0.0);
    state.counters["budget_us"] = budgetSeconds * 1e6;
    state.counters["worst_us"] = *std::max_element(wallSeconds.begin(), wallSeconds.end()) * 1e6;
    state.counters["worst_cpu_us"] = *std::max_element(cpuSeconds.begin(), cpuSeconds.end()) * 1e6;
    state.counters["x_realtime"] = static_cast<double>(wallSeconds.size()) * budgetSeconds / totalSeconds;
}
BENCHMARK(BM_FallbackSynthWorstBlock)->Arg(64)->Arg(256)->Arg(1024)->UseManualTime()->Unit(benchmark::kMicrosecond);

}  // namespace
