// Importing whole corpus folders into full UMF scores through formats::readScoreBytes, from memory:
// the same files and selection as bench/compare/formats-peers.mjs, so bench/compare/formats.sh can
// set the two side by side. Counters: files, items (scores; tunes for ABC) and failed files. An .mxl
// counts its compressed size.

#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "BenchCorpus.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace {

void importCorpus(benchmark::State& state, const std::string& folder, const std::vector<std::string>& extensions) {
    const auto files = mos::bench::corpusFiles(folder, extensions);
    if (files.empty()) {
        state.SkipWithError(("no corpus files in ../shared/corpora/" + folder).c_str());
        return;
    }
    std::size_t scores = 0;
    std::size_t failed = 0;
    for (auto _ : state) {
        scores = 0;
        failed = 0;
        for (const auto& file : files) {
            const auto read = mos::formats::readScoreBytes(file.bytes, file.name);
            if (read) {
                scores += read->imported.scores.size();
            } else {
                ++failed;
            }
            benchmark::DoNotOptimize(read);
        }
    }
    state.SetBytesProcessed(state.iterations() * mos::bench::corpusBytes(files));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scores));
    state.counters["files"] = static_cast<double>(files.size());
    state.counters["failed"] = static_cast<double>(failed);
}

void BM_ImportMusicXmlCorpus(benchmark::State& state) {
    importCorpus(state, "musicxml", {".musicxml", ".xml", ".mxl"});
}
// The When-in-Rome scores: 436 compressed classical scores, most of them long.
void BM_ImportWhenInRomeScores(benchmark::State& state) { importCorpus(state, "romantext", {"score.mxl"}); }
void BM_ImportMidiCorpus(benchmark::State& state) { importCorpus(state, "asap", {".mid", ".midi"}); }
void BM_ImportAbcCorpus(benchmark::State& state) { importCorpus(state, "abc-nottingham", {".abc"}); }
void BM_ImportGuitarProCorpus(benchmark::State& state) { importCorpus(state, "guitarpro", {".gp3", ".gp4", ".gp5"}); }
// The When-in-Rome analyses: 1,711 RomanText files, the .txt ones known by their content.
void BM_ImportRomanTextCorpus(benchmark::State& state) { importCorpus(state, "romantext", {".txt", ".rntxt"}); }

BENCHMARK(BM_ImportMusicXmlCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportWhenInRomeScores)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportMidiCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportAbcCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportGuitarProCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportRomanTextCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
