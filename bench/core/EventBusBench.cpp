// Event bus throughput and latency (issue target on a 2-core machine: >= 20 million events/s
// batched, p99 immediate delivery < 1 µs). Reported, never asserted.

#include <atomic>
#include <cstdint>
#include <thread>

#include <benchmark/benchmark.h>

#include "mos/core/EventBus.hpp"
#include "mos/core/StandardEvents.hpp"

namespace {

using mos::core::Delivery;
using mos::core::EventBus;
using mos::core::NoteOn;

constexpr int kEventsPerFrame = 4096;

void reportLatency(benchmark::State& state, const mos::core::LatencySummary& latency) {
    state.counters["p50_ns"] = static_cast<double>(latency.p50Nanos);
    state.counters["p99_ns"] = static_cast<double>(latency.p99Nanos);
    state.counters["p999_ns"] = static_cast<double>(latency.p999Nanos);
}

// A control thread emits for the next frame, then the owner dispatches: emit + deliver per event.
void BM_BusBatchedEmitThenDispatch(benchmark::State& state) {
    EventBus bus;
    std::uint64_t sum = 0;
    auto sub = bus.subscribe<NoteOn>([&](const NoteOn& n) { sum += n.key0to127; });
    NoteOn note;
    for (auto _ : state) {
        for (int i = 0; i < kEventsPerFrame; ++i) {
            note.key0to127 = static_cast<std::uint8_t>(i & 127);
            bus.emit(note);
        }
        bus.dispatchFrame();
    }
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(state.iterations() * kEventsPerFrame);
}
BENCHMARK(BM_BusBatchedEmitThenDispatch);

// The audio thread's path: one producer thread emits through an RtChannel while the owner thread
// dispatches frames; throughput counts events delivered to the subscriber. Argument 0 reads the clock
// for every event; argument N stamps each run of N events with one reading, as an audio callback
// does once per block.
void BM_BusBatchedRtChannelTwoThreads(benchmark::State& state) {
    constexpr std::uint64_t kEventsPerIteration = 1'000'000;
    const auto eventsPerBlock = static_cast<std::uint64_t>(state.range(0));
    EventBus bus;
    std::uint64_t delivered = 0;
    auto sub = bus.subscribe<NoteOn>([&](const NoteOn&) { ++delivered; });
    auto channel = bus.openRtChannel(65536);
    const auto& clock = mos::core::SteadyClock::instance();
    for (auto _ : state) {
        delivered = 0;
        std::thread producer{[&] {
            NoteOn note;
            std::int64_t blockTime = clock.nowNanos();
            for (std::uint64_t i = 0; i < kEventsPerIteration; ++i) {
                note.sampleTime = static_cast<std::int64_t>(i);
                if (eventsPerBlock == 0) {
                    while (!channel.tryEmit(note)) {}
                    continue;
                }
                if (i % eventsPerBlock == 0) blockTime = clock.nowNanos();
                while (!channel.tryEmit(note, blockTime)) {}
            }
        }};
        while (delivered < kEventsPerIteration) bus.dispatchFrame();
        producer.join();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kEventsPerIteration));
    reportLatency(state, bus.metrics().batchedLatency);
}
BENCHMARK(BM_BusBatchedRtChannelTwoThreads)->Arg(0)->Arg(64)->UseRealTime()->Unit(benchmark::kMillisecond);

// Immediate delivery to one subscriber: the bus's own histogram gives the percentiles of emit() to
// handler return, the benchmark's time per iteration the mean.
void BM_BusImmediateDelivery(benchmark::State& state) {
    EventBus bus;
    std::uint64_t sum = 0;
    auto sub = bus.subscribe<NoteOn>([&](const NoteOn& n) { sum += n.key0to127; });
    NoteOn note;
    for (auto _ : state) bus.emit(note, Delivery::Immediate);
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(state.iterations());
    reportLatency(state, bus.metrics().immediateLatency);
}
BENCHMARK(BM_BusImmediateDelivery);

// Immediate delivery with eight subscribers of other types and one "all" listener present.
void BM_BusImmediateDeliveryBusyBus(benchmark::State& state) {
    EventBus bus;
    std::uint64_t sum = 0;
    auto target = bus.subscribe<NoteOn>([&](const NoteOn& n) { sum += n.key0to127; });
    auto all = bus.subscribeAll([&](const mos::core::Event&) { ++sum; });
    auto a = bus.subscribe<mos::core::NoteOff>([&](const mos::core::NoteOff&) { ++sum; });
    auto b = bus.subscribe<mos::core::Beat>([&](const mos::core::Beat&) { ++sum; });
    auto c = bus.subscribe<mos::core::Position>([&](const mos::core::Position&) { ++sum; });
    auto d = bus.subscribe<mos::core::Tempo>([&](const mos::core::Tempo&) { ++sum; });
    auto e = bus.subscribe<mos::core::ChordDetected>([&](const mos::core::ChordDetected&) { ++sum; });
    auto f = bus.subscribe<mos::core::KeyChange>([&](const mos::core::KeyChange&) { ++sum; });
    auto g = bus.subscribe<mos::core::MarkerReached>([&](const mos::core::MarkerReached&) { ++sum; });
    auto h = bus.subscribe<mos::core::TransportState>([&](const mos::core::TransportState&) { ++sum; });
    NoteOn note;
    for (auto _ : state) bus.emit(note, Delivery::Immediate);
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(state.iterations());
    reportLatency(state, bus.metrics().immediateLatency);
}
BENCHMARK(BM_BusImmediateDeliveryBusyBus);

}  // namespace
