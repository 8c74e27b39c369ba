// transport::compile on a 1,000-measure orchestral score (bench/score/OrchestralScore: 20 parts,
// chords, triplets, ties, articulations, dynamics, tempo changes): the time from an edited score to
// a playback program the audio thread can take.

#include <benchmark/benchmark.h>

#include "../score/OrchestralScore.hpp"
#include "mos/transport/Program.hpp"

namespace mos::transport {
namespace {

void BM_CompileOrchestralScore(benchmark::State& state) {
    const score::Score score = score::bench::orchestralScore(static_cast<std::uint32_t>(state.range(0)));
    std::size_t notes = 0;
    for (auto _ : state) {
        const Program program = compile(score);
        notes = program.notes().size();
        benchmark::DoNotOptimize(program.events().data());
    }
    state.counters["parts"] = static_cast<double>(score.parts.size());
    state.counters["notes"] = static_cast<double>(notes);
}
BENCHMARK(BM_CompileOrchestralScore)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mos::transport
