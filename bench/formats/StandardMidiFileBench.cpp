// Standard MIDI File reading throughput over every MIDI file of the shared corpora, from memory, so
// the figure is parsing alone. bench/compare/midi-raw.sh sets it beside npm midi-file.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/formats/StandardMidiFile.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::uint8_t>> corpusMidiFiles() {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator{fs::path{MOS_SHARED_DIR} / "corpora"}) {
        if (entry.is_regular_file() && entry.path().extension() == ".mid") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::vector<std::uint8_t>> files;
    for (const auto& path : paths) {
        std::ifstream in{path, std::ios::binary};
        files.emplace_back(std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{});
    }
    return files;
}

void BM_ReadStandardMidiFileCorpus(benchmark::State& state) {
    const auto files = corpusMidiFiles();
    std::int64_t bytes = 0;
    for (const auto& f : files) bytes += static_cast<std::int64_t>(f.size());
    std::size_t events = 0;
    for (auto _ : state) {
        for (const auto& f : files) {
            // The copy stands for the read buffer the file would arrive in; it is part of the cost.
            auto midi = mos::formats::readStandardMidiFile(f, "corpus.mid");
            for (const auto& track : midi->tracks) events += track.events.size();
        }
    }
    benchmark::DoNotOptimize(events);
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_ReadStandardMidiFileCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
