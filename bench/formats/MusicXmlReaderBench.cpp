// MusicXML import throughput: every MusicXML file of the shared corpora read from memory into a full
// UMF score (DOM parse, conversion, every layer). The goal is at least 100 MB/s over the
// OpenSheetMusicDisplay corpus, four times npm musicxml-io on the same files.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/formats/MusicXmlReader.hpp"

namespace {

namespace fs = std::filesystem;

bool isMusicXmlName(const std::string& name) {
    const auto endsWith = [&](std::string_view suffix) {
        return name.size() >= suffix.size() && std::string_view{name}.substr(name.size() - suffix.size()) == suffix;
    };
    return endsWith(".xml") || endsWith(".musicxml") || endsWith(".mxl");
}

std::vector<std::string> filesUnder(const fs::path& folder) {
    std::vector<fs::path> paths;
    if (fs::exists(folder)) {
        for (const auto& entry : fs::recursive_directory_iterator{folder}) {
            if (entry.is_regular_file() && isMusicXmlName(entry.path().filename().string()))
                paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::ifstream in{path, std::ios::binary};
        files.emplace_back(std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{});
    }
    return files;
}

void readAll(benchmark::State& state, const std::vector<std::string>& files) {
    std::int64_t bytes = 0;
    for (const auto& file : files) bytes += static_cast<std::int64_t>(file.size());
    std::size_t notes = 0;
    for (auto _ : state) {
        for (const auto& file : files) {
            const auto imported = mos::formats::readMusicXml(file, "corpus.musicxml");
            if (!imported) {
                state.SkipWithError(imported.error().describe().c_str());
                return;
            }
            for (const auto& part : imported->scores.front().parts) {
                for (const auto& event : part.events) notes += event.notes.size();
            }
        }
    }
    benchmark::DoNotOptimize(notes);
    // Bytes as stored: an .mxl counts its compressed size.
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["files"] = static_cast<double>(files.size());
}

void BM_ReadMusicXmlCorpus(benchmark::State& state) {
    static const auto files = filesUnder(fs::path{MOS_SHARED_DIR} / "corpora" / "musicxml");
    readAll(state, files);
}
BENCHMARK(BM_ReadMusicXmlCorpus)->Unit(benchmark::kMillisecond);

void BM_ReadWhenInRomeScores(benchmark::State& state) {
    static const auto files = filesUnder(fs::path{MOS_SHARED_DIR} / "corpora" / "romantext");
    readAll(state, files);
}
BENCHMARK(BM_ReadWhenInRomeScores)->Unit(benchmark::kMillisecond);

}  // namespace
