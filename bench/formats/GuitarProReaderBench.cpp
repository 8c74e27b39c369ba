// Guitar Pro import throughput: every file of the shared Guitar Pro corpus, from memory into full
// UMF scores (parts, events, tablature and the other layers), so the figure is parsing and building.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/formats/GuitarProReader.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::vector<char>> corpusGuitarProFiles() {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator{fs::path{MOS_SHARED_DIR} / "corpora" / "guitarpro"}) {
        const auto extension = entry.path().extension();
        if (extension == ".gp3" || extension == ".gp4" || extension == ".gp5" || extension == ".tmp") {
            paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::vector<char>> files;
    for (const auto& path : paths) {
        std::ifstream in{path, std::ios::binary};
        files.emplace_back(std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{});
    }
    return files;
}

void BM_ReadGuitarProCorpus(benchmark::State& state) {
    const auto files = corpusGuitarProFiles();
    std::int64_t bytes = 0;
    for (const auto& f : files) bytes += static_cast<std::int64_t>(f.size());
    std::size_t notes = 0;
    for (auto _ : state) {
        for (const auto& f : files) {
            const auto imported = mos::formats::readGuitarPro(std::as_bytes(std::span{f}), "corpus.gp5");
            if (!imported) {
                state.SkipWithError(imported.error().describe().c_str());
                return;
            }
            for (const auto& part : imported->scores.front().parts) notes += part.events.size();
        }
    }
    benchmark::DoNotOptimize(notes);
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["files"] = static_cast<double>(files.size());
    state.counters["files/s"] = benchmark::Counter(
        static_cast<double>(files.size()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadGuitarProCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
