// SPSC ring throughput: items per second from one thread to another through the ring the audio
// thread uses for events, log records and commands.

#include <cstdint>
#include <thread>

#include <benchmark/benchmark.h>

#include "mos/core/SpscRing.hpp"

namespace {

void BM_SpscRingTwoThreads(benchmark::State& state) {
    constexpr std::uint64_t kItemsPerIteration = 1'000'000;
    mos::core::SpscRing<std::uint64_t> ring{static_cast<std::size_t>(state.range(0))};
    for (auto _ : state) {
        std::thread consumer{[&] {
            std::uint64_t received = 0;
            std::uint64_t sum = 0;
            while (received < kItemsPerIteration) {
                if (const auto* item = ring.front()) {
                    sum += *item;
                    ring.popFront();
                    ++received;
                }
            }
            benchmark::DoNotOptimize(sum);
        }};
        for (std::uint64_t i = 0; i < kItemsPerIteration; ++i) {
            while (!ring.tryPush(i)) {}
        }
        consumer.join();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kItemsPerIteration));
}
BENCHMARK(BM_SpscRingTwoThreads)->Arg(1024)->Arg(65536)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_SpscRingSameThreadPushPop(benchmark::State& state) {
    mos::core::SpscRing<std::uint64_t> ring{1024};
    std::uint64_t i = 0;
    for (auto _ : state) {
        ring.tryPush(i++);
        benchmark::DoNotOptimize(ring.tryPop());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SpscRingSameThreadPushPop);

}  // namespace
