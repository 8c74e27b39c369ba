// engine::Engine::load on a 1,000-measure orchestral score (bench/score/OrchestralScore: 20 parts,
// 139,635 notes): from a score in memory to Ready — opened in the store, compiled, handed to the
// audio thread — while the engine runs on the null device. The goal is under 100 ms.

#include <benchmark/benchmark.h>

#include "../score/OrchestralScore.hpp"
#include "mos/engine/Engine.hpp"

namespace mos::engine {
namespace {

void BM_LoadOrchestralScore(benchmark::State& state) {
    const score::Score score = score::bench::orchestralScore(static_cast<std::uint32_t>(state.range(0)));
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    if (!engine) {
        state.SkipWithError(engine.error().describe().c_str());
        return;
    }
    std::size_t notes = 0;
    for (auto _ : state) {
        state.PauseTiming();
        score::Score copy = score;  // load takes the score over
        state.ResumeTiming();
        const auto loaded = (*engine)->load(std::move(copy));
        if (!loaded) {
            state.SkipWithError(loaded.error().describe().c_str());
            return;
        }
        notes = loaded->notes;
    }
    state.counters["notes"] = static_cast<double>(notes);
}
BENCHMARK(BM_LoadOrchestralScore)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace mos::engine
