// MIDI → full UMF score (notes paired, timeline built, every part quantised into measures, voices,
// tuplets and ties) over every MIDI file of the shared corpora, from memory: bytes in, Score out.
// The peer figure to beat is npm midi-file's raw event decoding (bench/compare/midi-raw.sh).

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/formats/MidiScore.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::byte>> corpusMidiFiles() {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator{fs::path{MOS_SHARED_DIR} / "corpora"}) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".mid" || extension == ".midi")) paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::vector<std::byte>> files;
    for (const auto& path : paths) {
        std::ifstream in{path, std::ios::binary};
        const std::vector<char> chars{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
        auto& bytes = files.emplace_back(chars.size());
        std::memcpy(bytes.data(), chars.data(), chars.size());
    }
    return files;
}

std::int64_t totalBytes(const std::vector<std::vector<std::byte>>& files) {
    std::int64_t bytes = 0;
    for (const auto& f : files) bytes += static_cast<std::int64_t>(f.size());
    return bytes;
}

void BM_ReadMidiCorpus(benchmark::State& state) {
    const auto files = corpusMidiFiles();
    std::size_t events = 0;
    for (auto _ : state) {
        for (const auto& f : files) {
            const auto imported = mos::formats::readMidi(f, "corpus.mid");
            for (const auto& part : imported->scores.front().parts) events += part.events.size();
        }
    }
    benchmark::DoNotOptimize(events);
    state.SetBytesProcessed(state.iterations() * totalBytes(files));
    state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_ReadMidiCorpus)->Unit(benchmark::kMillisecond);

void BM_WriteMidiCorpus(benchmark::State& state) {
    const auto files = corpusMidiFiles();
    std::vector<mos::score::Score> scores;
    for (const auto& f : files) scores.push_back(std::move(mos::formats::readMidi(f, "corpus.mid")->scores.front()));
    std::size_t written = 0;
    for (auto _ : state) {
        for (const auto& score : scores) written += mos::formats::writeMidi(score)->size();
    }
    benchmark::DoNotOptimize(written);
    state.SetBytesProcessed(state.iterations() * totalBytes(files));
}
BENCHMARK(BM_WriteMidiCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
