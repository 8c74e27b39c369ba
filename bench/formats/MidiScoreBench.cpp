// The MIDI corpus the other way (full scores written back to Standard MIDI Files), and the floor
// under any MIDI importer that builds the UMF model: copying the finished scores, which allocates
// and writes every event and note the import makes, with none of the parsing or quantising.

#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>

#include "BenchCorpus.hpp"
#include "mos/formats/MidiScore.hpp"

namespace {

std::vector<mos::bench::CorpusFile> midiCorpus() { return mos::bench::corpusFiles("asap", {".mid", ".midi"}); }

void BM_WriteMidiCorpus(benchmark::State& state) {
    const auto files = midiCorpus();
    const auto scores = mos::bench::corpusScores(files);
    std::size_t written = 0;
    for (auto _ : state) {
        for (const auto& score : scores) written += mos::formats::writeMidi(score)->size();
    }
    benchmark::DoNotOptimize(written);
    state.SetBytesProcessed(state.iterations() * mos::bench::corpusBytes(files));
}
BENCHMARK(BM_WriteMidiCorpus)->Unit(benchmark::kMillisecond);

// Bytes are the MIDI files' sizes, so the rate compares directly with BM_ImportMidiCorpus.
void BM_CopyMidiCorpusScores(benchmark::State& state) {
    const auto files = midiCorpus();
    const auto scores = mos::bench::corpusScores(files);
    std::size_t events = 0;
    std::size_t notes = 0;
    for (const auto& score : scores) {
        for (const auto& part : score.parts) {
            events += part.events.size();
            for (const auto& event : part.events) notes += event.notes.size();
        }
    }
    for (auto _ : state) {
        for (const auto& score : scores) {
            mos::score::Score copy = score;
            benchmark::DoNotOptimize(copy);
        }
    }
    state.SetBytesProcessed(state.iterations() * mos::bench::corpusBytes(files));
    state.counters["events"] = static_cast<double>(events);
    state.counters["notes"] = static_cast<double>(notes);
}
BENCHMARK(BM_CopyMidiCorpusScores)->Unit(benchmark::kMillisecond);

}  // namespace
