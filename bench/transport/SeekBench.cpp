// The cost of a seek on the audio thread: one Player::process() block that applies a seek to a
// random place in a 1,000-measure orchestral program — the binary search, the notes chased back on
// (those that began earlier and still sound), the releases of the notes sounding before, and the
// rest of the block. The goal: under 10 µs. Measured at 64, 256 and 1024 frames: the mean
// (the reported time), the 99th percentile and the worst block.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "../score/OrchestralScore.hpp"
#include "mos/core/Ticks.hpp"
#include "mos/transport/Player.hpp"

namespace mos::transport {
namespace {

// Takes the player's output and drops it, counting only the notes started, so the benchmark
// times the player alone.
class CountingSink final : public PlaybackSink {
public:
    void noteOn(std::uint32_t /*frameOffset*/, const ProgramNote& /*note*/) noexcept override { ++notesStarted_; }
    void noteOff(std::uint32_t /*frameOffset*/, const ProgramNote& /*note*/) noexcept override {}
    void programChange(std::uint32_t /*frameOffset*/, std::uint8_t /*channel0to15*/,
                       std::uint8_t /*program*/) noexcept override {}
    void beat(std::uint32_t /*frameOffset*/, std::int64_t /*sample*/, const PerformedMeasure& /*measure*/,
              std::uint16_t /*beat*/) noexcept override {}
    void allNotesOff(std::uint32_t /*frameOffset*/) noexcept override {}

    std::uint64_t notesStarted() const noexcept { return notesStarted_; }

private:
    std::uint64_t notesStarted_ = 0;
};

void BM_PlayerSeekBlock(benchmark::State& state) {
    const auto frames = static_cast<std::uint32_t>(state.range(0));
    auto program = std::make_unique<Program>(compile(score::bench::orchestralScore(1000)));
    // Seeks land at least a whole note (over 1024 frames at any tempo) before the end, so no block
    // plays to the end, which would stop the player and leave nothing to chase.
    const core::Rational lastTarget = program->timeline().length() - core::Rational{1};
    const std::int64_t targets = (lastTarget * core::Rational{core::kTicksPerWhole}).floor().value_or(1);
    Player player;
    player.publish(std::move(program));
    CountingSink sink;
    player.play();
    player.process(frames, sink);  // adopts the program and starts playing

    std::mt19937 random{1000};
    std::uniform_int_distribution<std::int64_t> tick{0, targets - 1};
    std::vector<double> blockSeconds;
    blockSeconds.reserve(1U << 22U);  // more blocks than a run times, so recording never reallocates
    for (auto _ : state) {
        player.seek(core::Rational{tick(random), core::kTicksPerWhole});
        const auto start = std::chrono::steady_clock::now();
        player.process(frames, sink);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        state.SetIterationTime(took.count());
        if (blockSeconds.size() < blockSeconds.capacity()) blockSeconds.push_back(took.count());
    }
    if (!player.playing()) state.SkipWithError("the player stopped: the seeks chased nothing");
    if (blockSeconds.empty()) return;
    // Wall time, as a device deadline sees it: on a busy machine the worst block includes the moments
    // the thread was not running, which the 99th percentile leaves out.
    std::sort(blockSeconds.begin(), blockSeconds.end());
    state.counters["p99_us"] = blockSeconds[blockSeconds.size() * 99 / 100] * 1e6;
    state.counters["worst_us"] = blockSeconds.back() * 1e6;
    state.counters["notes_started_per_seek"] =
        static_cast<double>(sink.notesStarted()) / static_cast<double>(blockSeconds.size());
}
BENCHMARK(BM_PlayerSeekBlock)->Arg(64)->Arg(256)->Arg(1024)->UseManualTime()->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace mos::transport
