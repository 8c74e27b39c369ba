// Standard MIDI File reading throughput over the MIDI files of the shared corpora, from memory, so
// the figure is parsing alone. bench/compare/midi-raw.sh sets it beside npm midi-file.

#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "BenchCorpus.hpp"
#include "mos/formats/StandardMidiFile.hpp"

namespace {

void BM_ReadStandardMidiFileCorpus(benchmark::State& state) {
    const auto files = mos::bench::corpusFiles("asap", {".mid", ".midi"});
    std::size_t events = 0;
    for (auto _ : state) {
        for (const auto& f : files) {
            // The copy stands for the read buffer the file would arrive in; it is part of the cost.
            auto midi = mos::formats::readStandardMidiFile({f.bytes.begin(), f.bytes.end()}, f.name);
            for (const auto& track : midi->tracks) events += track.events.size();
        }
    }
    benchmark::DoNotOptimize(events);
    state.SetBytesProcessed(state.iterations() * mos::bench::corpusBytes(files));
    state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_ReadStandardMidiFileCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
