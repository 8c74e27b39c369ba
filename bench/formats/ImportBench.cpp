// Importing whole corpus folders into full UMF scores through formats::readScoreBytes, from memory:
// the same files and selection as bench/compare/formats-peers.mjs, so bench/compare/formats.sh can
// set the two side by side. Counters: files, items (scores; tunes for ABC) and failed files.

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/core/Files.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace {

namespace fs = std::filesystem;

struct CorpusFile {
    std::string name;
    std::string bytes;
};

// The files under ../shared/corpora/<folder> whose names end in one of `extensions`, sorted.
std::vector<CorpusFile> corpus(const std::string& folder, const std::vector<std::string>& extensions) {
    std::vector<fs::path> paths;
    const fs::path root = fs::path{MOS_SHARED_DIR} / "corpora" / folder;
    if (!fs::exists(root)) {
        return {};
    }
    for (const auto& entry : fs::recursive_directory_iterator{root}) {
        std::string name = entry.path().filename().string();
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (entry.is_regular_file() &&
            std::any_of(extensions.begin(), extensions.end(), [&](const auto& e) { return name.ends_with(e); })) {
            paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<CorpusFile> files;
    for (const auto& path : paths) {
        if (auto bytes = mos::core::readWholeFile(path)) {
            files.push_back({path.string(), std::move(*bytes)});
        }
    }
    return files;
}

void importCorpus(benchmark::State& state, const std::string& folder, const std::vector<std::string>& extensions) {
    const auto files = corpus(folder, extensions);
    if (files.empty()) {
        state.SkipWithError(("no corpus files in ../shared/corpora/" + folder).c_str());
        return;
    }
    std::int64_t bytes = 0;
    for (const auto& file : files) {
        bytes += static_cast<std::int64_t>(file.bytes.size());
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
    state.SetBytesProcessed(state.iterations() * bytes);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scores));
    state.counters["files"] = static_cast<double>(files.size());
    state.counters["failed"] = static_cast<double>(failed);
}

void BM_ImportMusicXmlCorpus(benchmark::State& state) {
    importCorpus(state, "musicxml", {".musicxml", ".xml", ".mxl"});
}
void BM_ImportMidiCorpus(benchmark::State& state) { importCorpus(state, "asap", {".mid", ".midi"}); }
void BM_ImportAbcCorpus(benchmark::State& state) { importCorpus(state, "abc-nottingham", {".abc"}); }
void BM_ImportGuitarProCorpus(benchmark::State& state) { importCorpus(state, "guitarpro", {".gp3", ".gp4", ".gp5"}); }

BENCHMARK(BM_ImportMusicXmlCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportMidiCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportAbcCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportGuitarProCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
